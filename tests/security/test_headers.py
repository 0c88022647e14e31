"""Pages send a strict Content-Security-Policy and the usual hardening headers, and keep
to it (no inline script or style, nothing from elsewhere); API answers are not cached."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from tests.support.stack import Stack

HARDENING = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
UNSAFE = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:",
          "'strict-dynamic'")


def directives(csp: str) -> dict[str, list[str]]:
    found = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            found[words[0]] = words[1:]
    return found


def assert_strict_csp(csp: str | None, where: str) -> None:
    assert csp, f"{where}: no Content-Security-Policy"
    policy = directives(csp)
    assert policy.get("default-src") == ["'self'"], where
    for name in ("script-src", "style-src"):
        sources = policy.get(name, policy["default-src"])
        assert not set(sources) & set(UNSAFE), f"{where}: {name} {sources}"
        assert "data:" not in sources, f"{where}: {name} allows data:"
    assert policy.get("object-src") == ["'none'"], where
    assert policy.get("base-uri") in (["'none'"], ["'self'"]), where
    assert policy.get("frame-ancestors") == ["'none'"], where
    for name, sources in policy.items():
        assert "*" not in sources, f"{where}: {name} allows *"


def assert_hardened(headers: object, where: str) -> None:
    server = headers.get("Server")  # type: ignore[attr-defined]
    assert server == "orcast", f"{where}: Server={server!r} (names the software)"
    for name, value in HARDENING.items():
        assert headers.get(name) == value, f"{where}: {name}={headers.get(name)!r}"  # type: ignore[attr-defined]
    assert_strict_csp(headers.get("Content-Security-Policy"), where)  # type: ignore[attr-defined]


class InlineFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, styles, handlers, remote URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.assets: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> inline handler")
            if name == "style":
                self.problems.append(f"<{tag} style=...> inline style")
            if name in ("src", "href") and value and re.match(r"^(https?:)?//", value):
                self.problems.append(f"<{tag} {name}={value}> loads from elsewhere")
            if name in ("src", "href") and value and value.startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:...>")
        if tag == "style":
            self.problems.append("<style> block")
        if tag == "script":
            if values.get("src"):
                self.assets.append(str(values["src"]))
            else:
                self._in_script = True
        if tag == "link" and values.get("href") and values.get("rel") in ("stylesheet",):
            self.assets.append(str(values["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append("inline <script>")


def page_paths(stack: Stack) -> list[str]:
    found = []
    for resource in stack.app.router.resources():
        for route in resource:
            if route.method == "GET" and route.handler.__name__.endswith("_page"):
                found.append(resource.canonical.replace("{broadcast_id}", "b-unknown"))
    return sorted(set(found))


async def test_pages_are_strict_and_keep_to_it(stack: Stack) -> None:
    pages = page_paths(stack)
    assert {"/tablet", "/approvals", "/live", "/cases", "/compliance"} <= set(pages)
    for path in pages:
        async with stack.session.get(stack.base_url + path) as response:
            assert response.status == 200, path
            assert response.content_type == "text/html", path
            assert_hardened(response.headers, path)
            finder = InlineFinder()
            finder.feed(await response.text())
        assert finder.problems == [], f"{path}: {finder.problems}"
        for asset in finder.assets:
            async with stack.session.get(stack.base_url + asset) as response:
                assert response.status == 200, f"{path} links {asset}"
                assert_hardened(response.headers, asset)
                assert response.content_type in ("text/javascript", "text/css"), asset


async def test_api_answers_and_errors_carry_the_headers(stack: Stack) -> None:
    cases = [
        ("GET", "/api/v1/cases", "admin", 200),
        ("GET", "/api/v1/cases", None, 401),
        ("GET", "/api/v1/cases", "student", 403),
        ("GET", "/api/v1/cases/no-such-case", "admin", 404),
        ("POST", "/api/v1/cases", "admin", 422),
        ("GET", "/api/v1/nothing-here", "admin", 404),
        ("DELETE", "/api/v1/cases", "admin", 405),
    ]
    failures = []
    for method, path, role, expected in cases:
        status, body, headers = await stack.request(
            method, path, role=role, json_body={} if method == "POST" else None)
        where = f"{method} {path} as {role} ({status})"
        assert status == expected, (where, body)
        assert (isinstance(body, dict) and "error" in body) or status == 200, where
        assert headers.get("Content-Type", "").startswith("application/json"), where
        try:
            assert_hardened(headers, where)
            assert headers.get("Cache-Control") == "no-store", f"{where}: Cache-Control"
        except AssertionError as exc:
            failures.append(str(exc).splitlines()[0])
    assert failures == [], "\n".join(failures)
