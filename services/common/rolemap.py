"""Which ORcast role a person signed in through the identity provider has.

A mapping file (schemas/oidc-role-mapping.json, `ORCAST_OIDC_ROLE_MAPPING`) names one
ID-token claim (groups, roles) and ordered rules `value → role`; the first rule whose
value the claim holds decides. No matching rule, no role: the person is not signed in.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schemas
from .settings import ConfigError

SCHEMA_ID = "oidc-role-mapping.json"


@dataclass(frozen=True, slots=True)
class RoleMapping:
    claim: str
    rules: tuple[tuple[str, str], ...]  # (claim value, ORcast role), first match wins

    def role_for(self, claims: Mapping[str, Any]) -> str | None:
        held = claims.get(self.claim)
        values = {held} if isinstance(held, str) else \
            {v for v in held if isinstance(v, str)} if isinstance(held, list) else set()
        for value, role in self.rules:
            if value in values:
                return role
        return None


def parse(document: object, *, source: str = "role mapping") -> RoleMapping:
    problems = schemas.errors(SCHEMA_ID, document)
    if problems:
        where = ", ".join(f"{p.pointer or '/'}: {p.reason}" for p in problems[:5])
        raise ConfigError(f"{source} is not a valid role mapping ({where})")
    assert isinstance(document, dict)
    return RoleMapping(document["claim"],
                       tuple((r["value"], r["role"]) for r in document["rules"]))


def load(path: Path) -> RoleMapping:
    """The mapping in `path`; ConfigError naming the file and each problem."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"ORCAST_OIDC_ROLE_MAPPING {path}: {type(exc).__name__}") from None
    return parse(document, source=f"ORCAST_OIDC_ROLE_MAPPING {path}")
