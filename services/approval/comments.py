"""A rejection's comment passes the de-identification engine before it is kept.

The comment is free text an approver writes for the update's author. It is checked
here, synchronously, with the case's own identifiers, and a comment in which the
engine finds anything (however sure) is refused with a 422 naming `/comment` and
what was found: the approver rephrases at once ("say 'the patient'"), and nothing
that could identify someone is stored or served, not even redacted. Redacting it
instead would keep and show a text its author never wrote.

The engine is a pure library (the same one `orcast deid` runs); it is loaded on the
first comment, so the approval service pays nothing for it until then.
"""

from __future__ import annotations

import asyncio
import logging

from services.common.cases_view import CaseState
from services.common.deid import CaseIdentifiers, Engine
from services.common.schemas import FieldError

from .errors import CaseNotReady, CommentIdentifies

logger = logging.getLogger(__name__)

WORDS = {
    "NAME": "a name", "DATE": "a date", "MRN": "a record number", "PHONE": "a phone number",
    "FAX": "a fax number", "EMAIL": "an email address", "SSN": "a Social Security number",
    "ADDRESS": "an address", "LOCATION": "a place", "ZIP": "a ZIP code", "AGE": "an age over 89",
}


class CommentGate:
    def __init__(self, *, key: bytes) -> None:
        self._key = key
        self._engine: Engine | None = None
        self._loading = asyncio.Lock()

    async def _loaded(self) -> Engine:
        async with self._loading:
            if self._engine is None:
                self._engine = await asyncio.to_thread(Engine)
            return self._engine

    async def check(self, comment: str, case: CaseState | None) -> None:
        """Return when the comment carries nothing identifying; else `CommentIdentifies`
        (or `CaseNotReady` when it cannot be checked)."""
        if case is None:
            raise CaseNotReady("the case is not known here yet; nothing was decided")
        engine = await self._loaded()
        try:
            identifiers = CaseIdentifiers.from_wire(case.identifiers, key=self._key)
        except Exception as exc:  # fail closed: unreadable identifiers check nothing
            logger.error("case identifiers unreadable (%s); comment refused",
                         type(exc).__name__)
            raise CaseNotReady("the case's identifiers could not be read; "
                               "nothing was decided") from None
        result = await asyncio.to_thread(engine.deidentify, comment, identifiers)
        if result.verdict == "clean":
            return
        found = sorted(result.counts) or ["something the checker could not clear"]
        what = ", ".join(WORDS.get(c, c.lower()) for c in found)
        logger.info("rejection comment refused by de-identification (%s)",
                    ",".join(sorted(result.counts)) or result.verdict)
        raise CommentIdentifies("the comment could identify someone", fields=[FieldError(
            "/comment", f"it seems to contain {what}; the author should not receive that: "
            "say it without it (e.g. 'the patient', 'the family'), or leave the comment out")])
