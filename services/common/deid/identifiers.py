"""Case identifiers as keyed hashes: the shared contract lives in services.common.identifiers
(the cases registry hashes, this engine matches; both must normalise identically)."""

from services.common.identifiers import (
    ALG,
    MRN_END_DIGITS,
    PARTICLES,
    WIRE_VERSION,
    CaseIdentifiers,
    deletions,
    key_id,
    mrn_end_value,
    name_forms,
    normalise,
    normalise_mrn,
)

__all__ = [
    "ALG",
    "MRN_END_DIGITS",
    "PARTICLES",
    "WIRE_VERSION",
    "CaseIdentifiers",
    "deletions",
    "key_id",
    "mrn_end_value",
    "name_forms",
    "normalise",
    "normalise_mrn",
]
