"""The value of an address field, in the shapes of other countries ("Lindenweg 7b,
Grünau 40231", "Calle Pino 9, 2º A"), and a ZIP after "/ NH /" (address_fields.py).
Invented sentences."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

FIELDS = [
    ("address: Lindenweg 7b, Grünau 40231, knee arthroscopy", "Lindenweg 7b, Grünau 40231"),
    ("Dirección: Calle Pino 9, 2º A, Chelsea, MA 02150", "Calle Pino 9, 2º A"),
    ("addr Rue des Lilas 14, Tourcoing 59200 | Hartmann procedure",
     "Rue des Lilas 14, Tourcoing 59200"),
    ("Home: 12 Elm Rd, Apt 3 / Dover / NH / 03820", "03820"),
]


@pytest.mark.parametrize(("note", "value"), FIELDS)
def test_the_address_value_is_redacted(engine: Engine, note: str, value: str) -> None:
    result = engine.deidentify(note)
    start = note.index(value)
    covered = bytearray(len(note))
    for f in result.findings:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    left = "".join(note[i] for i in range(start, start + len(value))
                   if not covered[i] and not note[i].isspace() and note[i] not in ",")
    assert not left, (result.text, left)


@pytest.mark.parametrize(("note", "kept"), [
    ("address: Lindenweg 7b, Grünau 40231, knee arthroscopy", "knee arthroscopy"),
    ("addr Rue des Lilas 14, Tourcoing 59200 | Hartmann procedure", "Hartmann procedure"),
    ("address verified with patient, consent signed", "verified with patient"),
    ("address 41 Kestrel Hwy #2, Varna 90210, Nissen wrap", "Nissen wrap"),
    ("address 9 Elm Ave Apt 2B, zip 04412. Closure at 09:31, 2-0 silk, Penrose drain",
     "Penrose drain"),
    ("addressed the family concerns, Foley 16 Fr", "addressed the family concerns"),
])
def test_the_words_after_the_address_are_kept(engine: Engine, note: str, kept: str) -> None:
    assert kept in engine.deidentify(note).text
