"""Fitting update text to each network's limit, measured the network's way."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.publisher.render import (
    ELLIPSIS,
    FitError,
    Update,
    bluesky_length,
    fit,
    grapheme_count,
    mastodon_measure,
    normalize_tag,
    x_length,
)

MEASURES: dict[str, Callable[[str], int]] = {
    "mastodon": mastodon_measure(23),
    "bluesky": bluesky_length,
    "x": x_length,
}

# Words mixing scripts, emoji, combining marks and links: the cases where the
# three networks disagree about length.
_chars = st.characters(blacklist_categories=("Cs",))
_word = st.one_of(
    st.text(_chars, min_size=1, max_size=12).filter(lambda w: not w.isspace()),
    st.sampled_from(["漢字", "👩‍⚕️", "🇫🇷", "é", "e\u0301", "Whipple", "[NAME]", "a.com"]),
    st.builds(lambda p: f"https://orcast.example.org/{p}", st.text("abc123/-", max_size=40)),
)
_words = st.lists(_word, max_size=60).map(" ".join)
_tags = st.lists(
    st.text(st.characters(categories=("L", "Nd")), min_size=1, max_size=15), max_size=6
)
_link = st.one_of(st.none(), st.just("https://orcast.example.org/live/5f3c2a"))


def tokens(*texts: str) -> set[str]:
    return {t for text in texts for t in text.split()}


@settings(max_examples=150, deadline=None)
@given(
    kind=st.sampled_from(sorted(MEASURES)),
    limit=st.integers(min_value=1, max_value=500),
    procedure=_words.filter(lambda s: s.strip() != ""),
    milestone=_words,
    note=_words,
    hashtags=_tags,
    link=_link,
)
def test_fits_and_never_splits_a_word(
    kind: str,
    limit: int,
    procedure: str,
    milestone: str,
    note: str,
    hashtags: list[str],
    link: str | None,
) -> None:
    measure = MEASURES[kind]
    update = Update(procedure, milestone, note, hashtags, link)
    header = f"{procedure} — {milestone}" if milestone.strip() else procedure
    try:
        out = fit(update, max_length=limit, measure=measure)
    except FitError:
        words = header.split()
        smallest = words[0] + (ELLIPSIS if len(words) > 1 else "")
        assert measure(smallest) > limit
        return
    assert measure(out) <= limit
    allowed = tokens(header, note, link or "") | {normalize_tag(t) for t in hashtags}
    for token in out.split():
        assert token in allowed or (token.endswith(ELLIPSIS) and token[:-1] in allowed), token
    kept_tags = [t for t in out.split() if t.startswith("#") and t in map(normalize_tag, hashtags)]
    if kept_tags and " ".join(note.split()):
        assert " ".join(note.split()) in out  # tags go before the note is shortened


def test_full_text_when_it_fits() -> None:
    update = Update("Lap chole", "Incision", "Clear view.", ["SurgEd", "#MedEd"], None)
    out = fit(update, max_length=500, measure=MEASURES["mastodon"])
    assert out == "Lap chole — Incision\nClear view.\n\n#SurgEd #MedEd"


def test_drops_trailing_hashtags_first_then_shortens_the_note() -> None:
    update = Update("Whipple", "Closure", "one two three four five", ["Aa", "Bb"], None)
    full = "Whipple — Closure\none two three four five"
    assert fit(update, max_length=len(full) + 5, measure=len) == full + "\n\n#Aa"
    assert fit(update, max_length=len(full), measure=len) == full
    assert fit(update, max_length=len(full) - 2, measure=len) == (
        "Whipple — Closure\none two three four…"
    )


def test_keeps_the_link_while_dropping_the_note() -> None:
    link = "https://orcast.example.org/live/" + "x" * 80
    update = Update("Whipple", "Closure", "a long note " * 30, [], link)
    out = fit(update, max_length=60, measure=MEASURES["x"])
    assert out.endswith(link) and x_length(out) <= 60


def test_raises_when_nothing_fits() -> None:
    with pytest.raises(FitError):
        fit(Update("Pancreaticoduodenectomy", "x"), max_length=5, measure=len)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("e\u0301", 1),
        ("🇫🇷🇩🇪", 2),
        ("👨‍👩‍👧", 1),
        ("👍🏽", 1),
        ("\r\n", 1),
        ("\u1100\u1161\u11a8", 1),
        ("한국어", 3),
        ("abc", 3),
    ],
)
def test_grapheme_clusters(text: str, count: int) -> None:
    assert grapheme_count(text) == count


def test_x_weights_follow_twitter_text_v3() -> None:
    assert x_length("a" * 280) == 280
    assert x_length("漢" * 140) == 280
    assert x_length("👩‍⚕️") == 2 and x_length("🇫🇷") == 2
    assert x_length("see https://orcast.example.org/" + "p" * 100) == 4 + 23
    assert x_length("see orcast.dev") == 4 + 23  # X links bare domains too
    assert x_length("e\u0301") == 1  # counted after NFC


def test_mastodon_weights_urls_by_instance_setting() -> None:
    measure = mastodon_measure(30)
    assert measure("see https://orcast.example.org/" + "p" * 100 + ".") == 4 + 30 + 1
    assert measure("see orcast.dev") == 14  # Mastodon links only with a scheme
    assert measure("mail a@https://x.org") == len("mail a@https://x.org")


def test_unsure_links_count_their_longer_length() -> None:
    long_local = "http://localhost:8080/" + "x" * 40
    assert mastodon_measure(23)(long_local) == len(long_local)
    assert mastodon_measure(23)("http://h/") == 23


def test_bluesky_counts_bytes_too() -> None:
    assert bluesky_length("a" * 300) == 300
    heavy = "e" + "\u0301" * 40  # one grapheme, 81 bytes
    assert bluesky_length(heavy) == 9
