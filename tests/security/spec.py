"""The role table, read from `schemas/openapi.yaml` so tests and spec cannot drift apart.

Every operation declares `x-roles`. An operation with `security: []` and no
`x-roles` is public (health, metrics); one with `security: []` *and* `x-roles`
authenticates itself (the live WebSocket) rather than through the middleware.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[2] / "schemas" / "openapi.yaml"
METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Operation:
    method: str  # upper case
    path: str  # as in the spec, with {params}
    roles: frozenset[str] | None  # None: public
    self_auth: bool  # authenticates itself (WebSocket)
    has_body: bool

    @property
    def key(self) -> tuple[str, str]:
        return self.method, normalise(self.path)

    def example_path(self) -> str:
        """The path with each parameter filled by a well-formed id that matches nothing."""
        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            return str(uuid.uuid4()) if name in ("event_id", "update_id") else "no-such-id"

        return re.sub(r"\{([^}]+)\}", fill, self.path)

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


@cache
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def normalise(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def operations() -> list[Operation]:
    found = []
    for path, item in document()["paths"].items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            roles = op.get("x-roles")
            public = op.get("security") == [] and roles is None
            found.append(Operation(
                method=method.upper(), path=path,
                roles=None if public else frozenset(roles or ()),
                self_auth=op.get("security") == [] and roles is not None,
                has_body="requestBody" in op))
    return found
