"""Schemathesis against `schemas/openapi.yaml` on a running stack, a bounded number of
examples per operation, valid and invalid data: no 5xx, and every answer conforms to the
spec (status documented, body matches its schema, content type and headers as declared).

Schemathesis calls are blocking (requests), and the stack serves on this test's event
loop, so the fuzzing runs in a thread. Each operation is called with a token of a role
its `x-roles` admits. Failures are collected for every operation, then reported at once.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.core.result import Ok

from tests.security.spec import SPEC
from tests.support.stack import Stack

pytestmark = [
    pytest.mark.slow,
    # schemathesis 4.x draws from `random` inside its strategies; Hypothesis 6.170 warns.
    pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisDeprecationWarning"),
]

EXAMPLES = 6  # per operation and generation mode
SLOW = {"/api/v1/milestones", "/api/v1/milestones/stream"}  # unknown cases wait up to 2 s
ROLE_PREFERENCE = ("admin", "compliance", "coordinator", "approver", "student")
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, response_headers_conformance]


def role_for(operation: Any) -> str | None:
    roles = operation.definition.raw.get("x-roles")
    if not roles:
        return None
    return next(r for r in ROLE_PREFERENCE if r in roles)


def describe(exc: BaseException) -> str:
    if isinstance(exc, FailureGroup):
        return "; ".join(describe(e) for e in exc.exceptions)
    if isinstance(exc, Failure):
        return f"{exc.title}: {exc.message.splitlines()[0][:200] if exc.message else ''}"
    return str(exc).splitlines()[0][:300]


def fuzz_operation(operation: Any, mode: GenerationMode, base_url: str,
                   headers: dict[str, str], label: str, failures: list[str],
                   path_parameters: dict[str, str] | None = None) -> int:
    calls = 0
    examples = 3 if operation.path in SLOW else EXAMPLES
    strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)

    @settings(max_examples=examples, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def run(case: Any) -> None:
        nonlocal calls
        calls += 1
        if headers:
            case.headers = {**(case.headers or {}), **headers}
        response = case.call(base_url=base_url, timeout=15)
        try:
            case.validate_response(response, checks=CHECKS)
        except (AssertionError, Failure, FailureGroup) as exc:
            failures.append(f"{label} ({mode.value}): {describe(exc)}")

    try:
        run()
    except Unsatisfiable:
        assert mode is GenerationMode.NEGATIVE, label  # nothing to break: no parameters
    return calls


def fuzz(base_url: str, tokens: dict[str, str], real: dict[str, str]) -> tuple[int, list[str]]:
    """Every operation, valid and invalid data; then once more with path parameters that
    name real objects (a case, a milestone) so the handlers get past their 404s."""
    schema = schemathesis.openapi.from_path(str(SPEC))
    failures: list[str] = []
    calls = 0
    for result in schema.get_all_operations():
        if not isinstance(result, Ok):
            raise AssertionError(f"schemathesis cannot load an operation: {result.err()}")
        operation = result.ok()
        role = role_for(operation)
        headers = {"Authorization": f"Bearer {tokens[role]}"} if role else {}
        label = f"{operation.method.upper()} {operation.path} as {role}"
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            calls += fuzz_operation(operation, mode, base_url, headers, label, failures)
        names = re.findall(r"\{(\w+)\}", operation.path)
        if names and all(n in real for n in names) and operation.path not in SLOW:
            calls += fuzz_operation(operation, GenerationMode.POSITIVE, base_url, headers,
                                    label + " (real ids)", failures,
                                    {n: real[n] for n in names})
    return calls, failures


async def test_api_survives_schemathesis(stack: Stack) -> None:
    case = await stack.register_case()
    status, body, _ = await stack.post_milestone(case["case_id"], note="fuzz target")
    assert status == 202, body
    real = {"case_id": case["case_id"], "event_id": body["event_id"],
            "update_id": body["event_id"]}
    tokens = {role: stack.token(role) for role in ROLE_PREFERENCE}
    calls, failures = await asyncio.to_thread(fuzz, stack.base_url, tokens, real)
    assert calls > 100
    unique = sorted(set(failures))
    assert unique == [], f"{len(unique)} kinds of failure:\n" + "\n".join(unique)
