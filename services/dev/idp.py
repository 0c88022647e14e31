"""The identity provider `orcast dev` and the tests sign people in against.

A real OpenID Connect provider (panva's OpenID-certified `oidc-provider`, run by node
from `services/dev/oidc/`, installed with `npm ci --prefix services/dev/oidc`) on a free
loopback port, with one demo user per ORcast role (and a second approver, for four eyes)
whose password is made fresh at each start, and ORcast registered as a confidential
client that must use PKCE. Users, passwords and the client secret reach the provider on
its stdin, never its argv or environment; `orcast dev` prints the passwords once on its
console, nothing logs them.
"""

from __future__ import annotations

import json
import os
import secrets
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Final

from services.common.broker import free_port
from services.common.lifetime import die_with_parent

OIDC_DIR: Final = Path(__file__).resolve().parent / "oidc"
ROLE_MAPPING: Final = OIDC_DIR / "role-mapping.json"
CLIENT_ID: Final = "orcast"
# The group each demo user is in; ROLE_MAPPING turns it into the ORcast role.
DEMO_GROUPS: Final = {"coordinator": "orcast-coordinators", "approver": "orcast-approvers",
                      "student": "orcast-students", "compliance": "orcast-compliance",
                      "admin": "orcast-admins"}
START_TIMEOUT: Final = 20.0


class ProviderUnavailable(RuntimeError):
    """node or the provider's npm packages are missing, or it did not start."""


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    role: str
    name: str
    password: str = field(repr=False)


def missing() -> str | None:
    """Why the provider cannot start here, or None."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        return "its packages are not installed (npm ci --prefix services/dev/oidc)"
    return None


@dataclass
class DevProvider:
    process: subprocess.Popen[bytes]
    issuer: str
    client_secret: str = field(repr=False)
    users: tuple[DemoUser, ...]

    @classmethod
    def start(cls, app_base: str, *, port: int | None = None,
              log: IO[bytes] | None = None) -> DevProvider:
        """`app_base`: where ORcast is served (`http://127.0.0.1:8080`): its callback
        and post-logout addresses are registered with the provider."""
        return cls.spawn(app_base, port=port, log=log).ready()

    @classmethod
    def spawn(cls, app_base: str, *, port: int | None = None,
              log: IO[bytes] | None = None) -> DevProvider:
        """Start node and return at once: its issuer, secret and users are known before it
        listens, so `orcast dev` starts the broker meanwhile. `ready()` waits for it."""
        reason = missing()
        if reason:
            raise ProviderUnavailable(f"the development identity provider cannot start: "
                                      f"{reason}")
        from services.common.auth import ROLES  # here: jwt and cryptography are slow to import

        port = port or free_port()
        secret = secrets.token_urlsafe(32)
        # one per role, and a second approver: under four eyes another approver approves
        # an approver's edit, and with one there would be nobody to do it
        people = [(role, role, f"Demo {role}") for role in ROLES]
        people.append(("approver2", "approver", "Second demo approver"))
        users = tuple(DemoUser(username, role, name, secrets.token_urlsafe(12))
                      for username, role, name in people)
        config = {
            "port": port,
            "client": {"client_id": CLIENT_ID, "client_secret": secret,
                       "redirect_uris": [f"{app_base}/signin/callback"],
                       "post_logout_redirect_uris": [f"{app_base}/"]},
            "users": [{"username": u.username, "password": u.password, "name": u.name,
                       "groups": [DEMO_GROUPS[u.role]]} for u in users],
        }
        process = subprocess.Popen(
            ["node", str(OIDC_DIR / "server.js")], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=log if log is not None else subprocess.DEVNULL,
            start_new_session=True, preexec_fn=die_with_parent(), cwd=OIDC_DIR)
        assert process.stdin is not None
        process.stdin.write(json.dumps(config).encode())
        process.stdin.close()
        return cls(process, f"http://127.0.0.1:{port}", secret, users)  # as server.js says

    def ready(self, timeout: float = START_TIMEOUT) -> DevProvider:
        """Wait for `ready <issuer>`; the provider is stopped if it does not come."""
        assert self.process.stdout is not None
        line = _read_line(self.process.stdout, timeout).split()
        if len(line) != 2 or line[0] != "ready" or line[1] != self.issuer:
            self.process.kill()
            self.process.wait()
            raise ProviderUnavailable("the development identity provider did not start")
        return self

    def env(self) -> dict[str, str]:
        """The `ORCAST_OIDC_*` settings that make ORcast sign people in here."""
        return {"ORCAST_OIDC_ISSUER": self.issuer, "ORCAST_OIDC_CLIENT_ID": CLIENT_ID,
                "ORCAST_OIDC_CLIENT_SECRET": self.client_secret,
                "ORCAST_OIDC_ROLE_MAPPING": str(ROLE_MAPPING)}

    def user(self, role: str) -> DemoUser:
        return next(u for u in self.users if u.role == role)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _read_line(stream: IO[bytes], timeout: float) -> str:
    deadline = time.monotonic() + timeout
    buffered = b""
    fd = stream.fileno()
    while b"\n" not in buffered:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        buffered += chunk
    return buffered.split(b"\n", 1)[0].decode(errors="replace")
