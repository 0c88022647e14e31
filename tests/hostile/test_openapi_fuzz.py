"""Schemathesis against `schemas/openapi.yaml` on a running stack, a bounded number of
examples per operation, valid and invalid data: no 5xx, and every answer conforms to the
spec (status documented, body matches its schema, content type and headers as declared).

Schemathesis calls are blocking (requests), and the stack serves on this test's event
loop, so the fuzzing runs in a thread. Each operation is called with a token of a role
its `x-roles` admits. Failures are collected for every operation, then reported at once.
"""

from __future__ import annotations

import ast
import asyncio
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
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
    name real objects (a case, a milestone) so the handlers get past their 404s.

    The SLOW operations spend their time waiting out the server's 2 s look for an unknown
    case, so each runs in a thread of its own beside the rest (which keep their order):
    the same calls, answered by the same stack, overlapped instead of one after another.
    Neither uses the real ids, so the rest sees the same objects as it would alone."""
    schema = schemathesis.openapi.from_path(str(SPEC))
    failures: list[str] = []
    slow: list[Callable[[], int]] = []
    rest: list[Callable[[], int]] = []
    for result in schema.get_all_operations():
        if not isinstance(result, Ok):
            raise AssertionError(f"schemathesis cannot load an operation: {result.err()}")
        operation = result.ok()
        (slow if operation.path in SLOW else rest).append(
            partial(fuzz_every_way, operation, base_url, tokens, real, failures))
    with ThreadPoolExecutor(len(slow) + 1) as pool:
        running = [pool.submit(job) for job in slow]
        running.append(pool.submit(lambda: sum(job() for job in rest)))
        calls = sum(future.result() for future in running)
    return calls, failures


def fuzz_every_way(operation: Any, base_url: str, tokens: dict[str, str],
                   real: dict[str, str], failures: list[str]) -> int:
    """One operation, valid and invalid data, and with real ids where it takes them."""
    role = role_for(operation)
    headers = {"Authorization": f"Bearer {tokens[role]}"} if role else {}
    label = f"{operation.method.upper()} {operation.path} as {role}"
    calls = 0
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
        calls += fuzz_operation(operation, mode, base_url, headers, label, failures)
    names = re.findall(r"\{(\w+)\}", operation.path)
    if names and all(n in real for n in names) and operation.path not in SLOW:
        calls += fuzz_operation(operation, GenerationMode.POSITIVE, base_url, headers,
                                label + " (real ids)", failures,
                                {n: real[n] for n in names})
    return calls


def one_parse_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """CPython 3.11's ast.parse fails now and then when two threads run it at once
    ("SystemError: AST constructor recursion depth mismatch"), and Hypothesis parses the
    local sources on a first run: the fuzzing threads take turns at it."""
    parse, lock = ast.parse, threading.Lock()

    def locked(*args: Any, **kwargs: Any) -> Any:
        with lock:
            return parse(*args, **kwargs)

    monkeypatch.setattr(ast, "parse", locked)


async def test_api_survives_schemathesis(stack: Stack, monkeypatch: pytest.MonkeyPatch) -> None:
    one_parse_at_a_time(monkeypatch)
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
