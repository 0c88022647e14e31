"""attack26b, growth (new this session): two scans whose cost grows with the square of the
note.

- name_disguises' other-script pattern may start after any non-word character inside a
  Greek or Cyrillic run ("αβ;" with the Greek question mark U+037E, a combining mark), and
  each start reads to the run's end;
- board_names (like the other new rules) keeps a new span only after comparing it with
  every span found before (`any(... for s, e in taken)`): many fields in a note with many
  findings cost their product (the engine on "QZARNIK, Alan " repeated: ~17-20x for 8x the
  text, base 144d638 ~6x)."""

from __future__ import annotations

from services.common.deid import Engine, board_names, name_disguises

from .growth import assert_grows_linearly, repeated


def test_name_disguises_grows_linearly_on_greek_text() -> None:
    assert_grows_linearly(lambda t: name_disguises.scan(t, [], lambda w: 0),
                          lambda n: repeated("αβ\u037e", n))


def test_board_names_grows_linearly_with_many_findings(engine: Engine) -> None:
    flags = engine._flags_of

    def run(text: str) -> None:
        # one earlier finding a line, as a long board gives (an age, a date, a name)
        merged = [(i, i + 1, "AGE", "age", 1) for i in range(0, len(text), 14)]
        board_names.scan(text, merged, flags)

    assert_grows_linearly(run, lambda n: repeated("QZARNIK, Alan\n", n))
