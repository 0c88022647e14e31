"""De-identification engine (HIPAA Safe Harbor) for short OR notes.

    from services.common.deid import Engine, EngineConfig, CaseIdentifiers
    engine = Engine(EngineConfig(staff_allow_list=("Maria Alvarez",)))
    case = CaseIdentifiers.from_plain(names=["John Smith"], mrn="0012345", dob="1961-03-14",
                                      key=key)
    result = engine.deidentify("Mr. Smith in OR 4 at 09:42", case)
    result.text, result.verdict  # "[NAME] in OR 4 at 09:42", "redacted"
"""

from .engine import Engine
from .errors import CaseIdentifiersError, DeidError, LexiconError
from .identifiers import CaseIdentifiers
from .model import CLEAN, QUARANTINE, REDACTED, REVIEW, Doubt, EngineConfig, Finding, Result

__all__ = [
    "CLEAN",
    "QUARANTINE",
    "REDACTED",
    "REVIEW",
    "CaseIdentifiers",
    "CaseIdentifiersError",
    "DeidError",
    "Doubt",
    "Engine",
    "EngineConfig",
    "Finding",
    "LexiconError",
    "Result",
]
