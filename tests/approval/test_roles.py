"""The role matrix of every cases and approval endpoint, driven by `x-roles` in their
OpenAPI fragments: each declared role gets past authorisation, every other role gets 403,
no token 401."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from services.common.auth import ROLES
from tests.support.stack import Stack

FRAGMENTS = Path(__file__).resolve().parents[2] / "schemas" / "openapi"


def operations() -> list[tuple[str, str, list[str]]]:
    found = []
    for name in ("cases.yaml", "approval.yaml"):
        fragment: dict[str, Any] = yaml.safe_load((FRAGMENTS / name).read_text("utf-8"))
        for path, item in fragment["paths"].items():
            for method, op in item.items():
                found.append((path, method, list(op["x-roles"])))
    return found


async def test_every_endpoint_admits_exactly_its_declared_roles(stack: Stack) -> None:
    ops = operations()
    assert {(p, m) for p, m, _ in ops} >= {
        ("/api/v1/cases/{case_id}/revoke", "post"), ("/api/v1/cases/{case_id}/consent.fhir",
                                                     "get"),
        ("/api/v1/reviews", "get"), ("/api/v1/reviews/{update_id}", "post"),
    }
    case = await stack.register_case()
    update_id = "0b5e7c1e-0000-4000-8000-000000000000"
    for path, method, roles in ops:
        assert roles and set(roles) <= set(ROLES), path
        url = path.replace("{case_id}", case["case_id"]).replace("{update_id}", update_id)
        body = {} if method == "post" else None
        for role in ROLES:
            status, answer, _ = await stack.request(method.upper(), url, role=role,
                                                    json_body=body)
            if role in roles:
                assert status not in (401, 403), (role, method, path, status, answer)
            else:
                assert status == 403, (role, method, path, status)
        status, _, _ = await stack.request(method.upper(), url, json_body=body)
        assert status == 401, (method, path)
