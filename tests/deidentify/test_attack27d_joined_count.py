"""attack27d: name_tails (an OLDER rule, not gated by `fired`) now takes an ordinary
capitalised word after a hyphen as a name's second part ("[Kofi]-Tassel": `only_a_word`).
The joined span swallows the surname found beside it ("[Kofi]-Tassel [Okafor]" was two
findings, now one), so a day list that base 5a1ecfb held for too many findings now goes
out redacted, with what neither engine finds ("van den Berg") shown. NEW vs base; the
newer readings of name_tails run as newer rules since, so these are plain tests. Every name
here is invented."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

PUBLISHED = ("clean", "redacted")
FIRST = ["Kofi", "Ida", "Mabel", "Greta", "Soren", "Asa", "Leona", "Ruben", "Noor", "Ines",
         "Vera", "Otto", "Hiro", "Ezra"]
LAST = ["Okafor", "Renfrow", "Lindqvist", "Ferrand", "Vukovic", "Marchetti", "Nakashima",
        "Brisbois", "Kowalczyk", "Abernathy", "Delacroix", "Haverford", "Pennebaker",
        "Castellanos"]


def day_list(line: str) -> str:
    """Fourteen patients written as `line` ({g}: given name, {s}: surname), and one more
    that neither engine hides."""
    return "\n".join(
        ["OR board, day list (all consents signed, sites marked)"]
        + [f"Rm {i + 1}: " + line.format(g=g, s=s) + " for lap chole, NPO since midnight"
           for i, (g, s) in enumerate(zip(FIRST, LAST, strict=True))]
        + ["Pt Jan van den Berg 71M in holding"])


NOTE = day_list("{g}-Tassel {s}")


@pytest.mark.parametrize("line", ["{g}-Tassel {s}", "{g} Mac an {s}"])
def test_a_join_does_not_lift_the_too_many_findings_hold(engine: Engine, line: str) -> None:
    """'[Kofi]-Tassel [Okafor]' and '[Grainne] Mac an [Okafor]' (the new article after a
    particle) were two findings each, now one."""
    out = engine.deidentify(day_list(line))
    assert not (out.verdict in PUBLISHED and "Berg" in out.text), (out.verdict, out.reasons)
