"""Case identifiers as keyed hashes: the shared contract lives in services.common.identifiers
(the cases registry hashes, this engine matches; both must normalise identically)."""

from services.common.identifiers import (
    ALG,
    PARTICLES,
    WIRE_VERSION,
    CaseIdentifiers,
    deletions,
    key_id,
    name_forms,
    normalise,
    normalise_mrn,
)

__all__ = [
    "ALG",
    "PARTICLES",
    "WIRE_VERSION",
    "CaseIdentifiers",
    "deletions",
    "key_id",
    "name_forms",
    "normalise",
    "normalise_mrn",
]
