"""Identifier labels in Spanish, French and Portuguese (id_cues.py): "número de seguro",
"número de miembro", "numéro d'assurance maladie", "número de serie", "numéro de série"
name a member id or a device serial as "member id" and "serial" do; accented label words
are read whole ("número", not "mero"). A year after "marcapasos" or an hour after
"seguro" stays.

Every note here is invented for these tests."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

GONE = [
    ("tarjeta del seguro, número de miembro QXT 5512 8830", "5512 8830", "HEALTHPLAN"),
    ("número de seguro: 884 310 227, vence en marzo", "884 310 227", "HEALTHPLAN"),
    ("numéro d'assurance maladie BOUR 6621 0048, carte valide", "6621 0048", "HEALTHPLAN"),
    ("marcapasos nuevo, número de serie PRX 882 119", "882 119", "DEVICE"),
    ("le stimulateur, numéro de série RQ-55821-B, vérifié", "RQ-55821-B", "DEVICE"),
]


@pytest.mark.parametrize(("note", "part", "cat"), GONE)
def test_foreign_identifier_labels_name_their_kind(engine: Engine, note: str, part: str,
                                                   cat: str) -> None:
    out = engine.deidentify(note)
    assert part not in out.text
    assert cat in out.counts


KEPT = [
    "marcapasos de 2019, revisado sin cambios",
    "el seguro cubre 2 dias, cirugía a las 1400",
]


@pytest.mark.parametrize("note", KEPT)
def test_years_and_hours_stay(engine: Engine, note: str) -> None:
    assert engine.deidentify(note).text == note
