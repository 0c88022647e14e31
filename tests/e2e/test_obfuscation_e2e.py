"""End to end, an obfuscated identifier sent from the tablet for students reaches no
student and no channel unredacted (issue 13, "must show").

Each note goes through the tablet API (POST /api/v1/milestones) of a whole running stack
with two student channels (Mastodon and a signed webhook, both faked on local ports),
under the default policy (students: automatic when clean or confidently redacted). The
outcome may be a redaction that goes out, or a hold (review or quarantine) that goes
nowhere until a person looks: either is safe. What is asserted is only that everything a
student could see (the live page's frames, every channel's post) is free of the
identifier, in any of the forms a reader would still recognise.

A case marked xfail(strict) is one the engine still lets through (issue 13 items 3–4 are
being fixed in the engine on other branches): when the engine catches it, the strict
xfail fails and the marker must go.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.approval.support import watch
from tests.conftest import make_settings
from tests.fakes.social import channel_config, env_for, running_fakes
from tests.publisher.harness import write_channels
from tests.support.stack import Stack, eventually, start_stack, stop_stack

NAMES = ["Zebulon Quackenbush", "John Quackenbush"]
MRN = "44712345"
DOB = "1961-03-14"

# Cyrillic and Greek letters a reader takes for Latin ones (a subset of Unicode TS #39).
CONFUSABLES = str.maketrans("аеорсхуіјѕАВЕНКМОРСТХοα", "aeopcxyijsABEHKMOPCTXoa")
LEET = str.maketrans("013457@$", "oieastas")


def seen_as(text: str) -> str:
    """What a reader makes of the text: entities decoded, invisible characters gone,
    compatibility forms and look-alikes folded, lower case."""
    text = html.unescape(html.unescape(text))
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    return text.translate(CONFUSABLES).lower()


def squashed(text: str) -> str:
    """Letters only, digits read as letters: spaced-out and leet names join up again."""
    return re.sub(r"[^a-z]", "", seen_as(text).translate(LEET))


def grams(word: str, n: int = 4) -> list[str]:
    word = word.lower()
    return [word[i:i + n] for i in range(len(word) - n + 1)] or [word]


@dataclass(frozen=True)
class Obfuscation:
    name: str
    note: str
    # fragments of a name that must not survive, in any spacing or spelling
    name_parts: tuple[str, ...] = ()
    # patterns that must not match what a reader sees
    patterns: tuple[str, ...] = ()

    def leaks(self, text: str) -> list[str]:
        found = [g for part in self.name_parts for g in grams(part) if g in squashed(text)]
        seen = seen_as(text)
        found += [p for p in self.patterns if re.search(p, seen)]
        return found


def engine_misses(reason: str) -> Any:
    return pytest.mark.xfail(strict=True, reason=f"engine misses it today: {reason}")


CASES = [
    Obfuscation("soft hyphen in a registered surname", "Pt Quack\u00adenbush in room 4.",
                name_parts=("quackenbush",)),
    Obfuscation("zero-width space in a registered first name",
                "Pt Zebu\u200blon in room 4.", name_parts=("zebulon",)),
    Obfuscation("spaced letters", "Pt Q u a c k e n b u s h in room 4.",
                name_parts=("quackenbush",)),
    Obfuscation("digits for letters", "Pt Zebu1on in room 4.", name_parts=("zebulon",)),
    Obfuscation("Cyrillic homoglyph in a first name", "Pt Z\u0435bulon in room 4.",
                name_parts=("zebulon",)),
    Obfuscation("HTML entities", "Brother &#74;ohn waiting outside.",
                name_parts=("john",)),
    Obfuscation("birth date in words", "Pt born the fourth of July nineteen thirty-one.",
                patterns=(r"fourth of july", r"nineteen thirty", r"thirty-one")),
    Obfuscation("age over 89 in words", "Ninety-five year old for lap chole.",
                patterns=(r"ninety",)),
    Obfuscation("phone number spelled out",
                "Daughter's cell is five five five, one two three four.",
                patterns=(r"five five five", r"one two three four")),
    Obfuscation("partial phone number", "Daughter's cell 555 1234 if needed.",
                patterns=(r"555\D{0,3}1234", r"\b1234\b")),
    Obfuscation("MRN ending", "Confirmed MRN ending 2345 at time-out.",
                patterns=(r"2345",)),
    Obfuscation("born 14 Mar 61", "Pt born 14 Mar 61, consent on chart.",
                patterns=(r"14 mar", r"\b61\b")),
    Obfuscation("street name without a number", "Pt lives on Elm St, ride arranged.",
                patterns=(r"\belm\b",)),
]

# Filled in from a run against the engine as it stands (see the report): each of these
# reaches students with the identifier still readable.
MISSED: dict[str, str] = {
}


def params() -> list[Any]:
    return [pytest.param(c, id=c.name.replace(" ", "-"),
                         marks=[engine_misses(MISSED[c.name])] if c.name in MISSED else [])
            for c in CASES]


@dataclass
class Running:
    stack: Stack
    fakes: Any


@pytest.fixture(scope="module")
async def running(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) \
        -> AsyncIterator[Running]:
    tmp = tmp_path_factory.mktemp("obfuscation")
    patch = pytest.MonkeyPatch()
    async with running_fakes() as fakes:
        chosen = [channel_config("mastodon", fakes.mastodon.url, audience="students"),
                  channel_config("webhook", fakes.webhook.url, audience="students")]
        for fake in (fakes.mastodon.fake, fakes.webhook.fake):
            for name, value in env_for(fake).items():
                patch.setenv(name, value)
        path = write_channels(Path(tmp) / "channels.yaml", chosen)
        settings = dataclasses.replace(make_settings(kafka_bootstrap, Path(tmp)),
                                       channels_file=path)
        stack = await start_stack(settings)
        try:
            yield Running(stack, fakes)
        finally:
            await stop_stack(stack)
            patch.undo()


def channel_texts(fakes: Any) -> list[str]:
    posts = [p.text for p in fakes.mastodon.fake.posts.values()]
    hooks = [json.dumps(d.payload, ensure_ascii=False)
             for d in fakes.webhook.fake.deliveries.values()]
    return posts + hooks


async def students_outcome(stack: Stack, update_id: str) -> dict[str, Any]:
    async def decided() -> dict[str, Any] | None:
        status, body, _ = await stack.request("GET", f"/api/v1/reviews/{update_id}",
                                              role="approver")
        if status != 200:
            return None
        found = [r for r in body["reviews"] if r["audience"] == "students"]
        return dict(found[0]) if found else None

    found: dict[str, Any] = await eventually(decided, 30, 0.1,
                                             "the students' outcome of the update")
    return found


@pytest.mark.parametrize("case", params())
async def test_an_obfuscated_identifier_reaches_no_student_and_no_channel(
        running: Running, case: Obfuscation) -> None:
    stack, fakes = running.stack, running.fakes
    registered = await stack.register_case(names=NAMES, mrn=MRN, dob=DOB, scope=["students"])
    student = await watch(stack, registered["broadcast_id"])
    before = len(channel_texts(fakes))
    status, body, _ = await stack.post_milestone(registered["case_id"], note=case.note,
                                                 milestone="patient_in_room")
    assert status == 202, body
    outcome = await students_outcome(stack, body["event_id"])

    shown: list[str] = []
    if outcome["state"] == "approved":
        [frame] = await student.updates(1, timeout=20)
        shown.append(json.dumps(frame, ensure_ascii=False))

        async def posted() -> bool:
            return len(channel_texts(fakes)) - before >= 2

        await eventually(posted, 30, 0.1, "a post on each student channel")
    else:  # held for a person (review / quarantine): nothing may have gone out
        assert outcome["state"] == "held", outcome
        assert outcome["verdict"] in ("review", "quarantine"), outcome
        shown += [json.dumps(f) for f in await student.quiet(1.5) if f["type"] == "update"]
        assert shown == [], "a held update reached the live page"
    shown += channel_texts(fakes)[before:]
    await student.close()

    leaked = {text: case.leaks(text) for text in shown if case.leaks(text)}
    assert not leaked, (f"{case.name}: verdict {outcome['verdict']}, state "
                        f"{outcome['state']}; readable in what students got: {leaked}")
