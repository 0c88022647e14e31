"""Errors of the de-identification engine.

    DeidError
    └── LexiconError           a data file is missing or malformed (raised by Engine())
    CaseIdentifiersError       bad wire form, wrong key, unusable plain identifiers
                               (ValueError; defined with CaseIdentifiers in
                               services.common.identifiers, re-exported here)

`Engine.deidentify` never raises: anything that goes wrong inside it becomes a
quarantine verdict with reason `engine_error`. Messages never quote PHI.
"""

from __future__ import annotations

from services.common.identifiers import CaseIdentifiersError


class DeidError(Exception):
    """Base class for engine errors."""


class LexiconError(DeidError):
    """A lexicon under services/common/deid/data could not be loaded."""


__all__ = ["CaseIdentifiersError", "DeidError", "LexiconError"]
