"""Errors become HTTP in one place: domain code raises the domain errors of its
service's `errors.py`, and only the HTTP surface (each service's app.py/api.py) and
the error middleware (common/web.py) speak in `web.HTTP*` exceptions or status numbers.

Client code that reads *other* servers' statuses (the publisher's channel adapters,
the dev front door relaying its children's answers) is not an HTTP surface of ours.
"""

from __future__ import annotations

import ast
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[2] / "services"
HTTP_SURFACE = {"app.py", "api.py"}
# The error middleware, and the two wrappers around every handler that see its answer
# (access records successful reads; serving answers what never reaches the app).
MIDDLEWARE = {SERVICES / "common" / n for n in ("web.py", "access.py", "serving.py")}
CLIENTS = {SERVICES / "publisher" / "adapters", SERVICES / "dev", SERVICES / "demo.py",
           SERVICES / "common" / "oidc.py"}  # oidc.py reads the identity provider's answers


def _is_status(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int \
        and 100 <= node.value <= 599


def _names_status(node: ast.AST) -> bool:
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return "status" in name.lower()


def offences(source: Path, root: Path = SERVICES) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source.read_text(), str(source))):
        where = f"{source.relative_to(root)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Attribute) and node.attr.startswith("HTTP") \
                and isinstance(node.value, ast.Name) and node.value.id == "web":
            found.append(f"{where} web.{node.attr}")
        elif isinstance(node, ast.keyword) and node.arg == "status" and _is_status(node.value):
            found.append(f"{where} status={ast.unparse(node.value)}")
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_is_status(s) for s in sides) and any(_names_status(s) for s in sides):
                found.append(f"{where} {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and any(_is_status(a) for a in node.args[:1]) \
                and isinstance(node.func, ast.Name) and node.func.id[:1].isupper():
            found.append(f"{where} {ast.unparse(node)}")  # an error built with a status
    return found


def test_only_the_http_surface_speaks_http() -> None:
    found = []
    for source in sorted(SERVICES.rglob("*.py")):
        if source.name in HTTP_SURFACE or source in MIDDLEWARE \
                or any(source.is_relative_to(c) for c in CLIENTS):
            continue
        found += offences(source)
    assert found == []


def test_the_check_sees_what_it_forbids(tmp_path: Path) -> None:
    """The guard itself: each forbidden shape is reported, a plain number is not."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from aiohttp import web\n"
        "raise web.HTTPNotFound()\n"
        "answer = web.json_response({}, status=409)\n"
        "if response.status >= 500: pass\n"
        "raise Refused(403, 'four_eyes', 'no')\n"
        "limit = 500\n"
    )
    assert sorted(line.split(" ")[0] for line in offences(sample, tmp_path)) == [
        "sample.py:2", "sample.py:3", "sample.py:4", "sample.py:5"]


# Errors the middleware itself answers 503 + Retry-After (they are `retriable`).
RETRIABLE = {"BrokerUnavailable", "StoreUnavailable"}


def _names(node: ast.expr | None) -> set[str]:
    parts = node.elts if isinstance(node, ast.Tuple) else [node] if node else []
    return {p.attr if isinstance(p, ast.Attribute) else getattr(p, "id", "") for p in parts}


def remappings(source: Path, root: Path = SERVICES) -> list[str]:
    """`except BrokerUnavailable: raise SomethingElse(...)`: a retriable error caught to be
    answered by hand (logging it and re-raising it as it is stays allowed)."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(), str(source))):
        if isinstance(node, ast.ExceptHandler) and _names(node.type) & RETRIABLE:
            raised = [r for part in node.body for r in ast.walk(part)
                      if isinstance(r, ast.Raise) and r.exc is not None]
            found += [f"{source.relative_to(root)}:{r.lineno}" for r in raised]
    return found


def test_no_code_answers_a_retriable_error_by_hand() -> None:
    """A broker or database away is a 503 with Retry-After from the middleware; a handler
    that catches it to raise its own 503 is a second, diverging mapping (issue 17)."""
    found = []
    for source in sorted(SERVICES.rglob("*.py")):
        found += remappings(source)
    assert found == []


def test_the_remapping_check_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "try:\n    publish()\nexcept BrokerUnavailable:\n"
        "    raise ServiceUnavailable('x', retry_after=2) from None\n"
        "try:\n    read()\nexcept (ValueError, store.StoreUnavailable) as exc:\n"
        "    raise Gone('y') from exc\n"
        "try:\n    read()\nexcept StoreUnavailable:\n    log()\n    raise\n"
    )
    assert remappings(sample, tmp_path) == ["sample.py:4", "sample.py:8"]


def _error_classes() -> set[str]:
    """Every error class the errors.py modules define (common's kinds, each service's)."""
    names = set()
    for source in SERVICES.rglob("errors.py"):
        names |= {n.name for n in ast.walk(ast.parse(source.read_text()))
                  if isinstance(n, ast.ClassDef)}
    return names


def stray_errors(source: Path, kinds: set[str], root: Path = SERVICES) -> list[str]:
    """Classes outside an errors.py that subclass a domain error."""
    return [f"{source.relative_to(root)}:{n.lineno} {n.name}"
            for n in ast.walk(ast.parse(source.read_text(), str(source)))
            if isinstance(n, ast.ClassDef) and _names(ast.Tuple(elts=n.bases)) & kinds]


def test_domain_errors_live_in_errors_py() -> None:
    """A newcomer learns what a service refuses from its errors.py (issue 17), so an error
    class declared beside a handler is one the tree in that docstring does not show."""
    kinds = _error_classes() & {"DomainError", *_domain_error_names()}
    found = []
    for source in sorted(SERVICES.rglob("*.py")):
        if source.name != "errors.py":
            found += stray_errors(source, kinds)
    assert found == []


def _domain_error_names() -> set[str]:
    """The DomainError classes, found by following bases through every errors.py."""
    bases: dict[str, set[str]] = {}
    for source in SERVICES.rglob("errors.py"):
        for n in ast.walk(ast.parse(source.read_text())):
            if isinstance(n, ast.ClassDef):
                bases.setdefault(n.name, set()).update(_names(ast.Tuple(elts=n.bases)))
    found = {"DomainError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def test_the_stray_error_check_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("class LinkEnded(Gone):\n    code = 'x'\n"
                      "class Fine(ValueError):\n    pass\n")
    assert stray_errors(sample, _domain_error_names(), tmp_path) == ["sample.py:1 LinkEnded"]


COMMON_KINDS = {n.name for n in ast.walk(ast.parse((SERVICES / "common" / "errors.py")
                                                    .read_text()))
                if isinstance(n, ast.ClassDef)}


def shared_kinds_raised(source: Path, root: Path = SERVICES) -> list[str]:
    """`raise Unprocessable(...)` (or one returned to be raised) where a service's own
    errors.py should name the refusal."""
    found = []
    for node in ast.walk(ast.parse(source.read_text(), str(source))):
        made = node.exc if isinstance(node, ast.Raise) else \
            node.value if isinstance(node, ast.Return) else None
        if isinstance(made, ast.Call) and isinstance(made.func, ast.Name) \
                and made.func.id in COMMON_KINDS:
            found.append(f"{source.relative_to(root)}:{node.lineno} {made.func.id}")
    return found


def test_domain_code_raises_its_own_services_errors() -> None:
    """Below the HTTP surface a service says what went wrong in its own words (its
    errors.py); the shared kinds are for common/ and the handlers' request parsing."""
    found = []
    for package in sorted(p for p in SERVICES.iterdir() if (p / "errors.py").is_file()):
        if package.name == "common":
            continue
        for source in sorted(package.rglob("*.py")):
            if source.name not in HTTP_SURFACE | {"errors.py"} \
                    and not any(source.is_relative_to(c) for c in CLIENTS):
                found += shared_kinds_raised(source)
    assert found == []


def test_the_shared_kind_check_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("raise Unprocessable('x')\nraise InvalidCase('y')\n"
                      "def f():\n    return Conflict('z')\n")
    assert shared_kinds_raised(sample, tmp_path) == [
        "sample.py:1 Unprocessable", "sample.py:4 Conflict"]
