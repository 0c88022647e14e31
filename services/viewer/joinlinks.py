"""Join links: a class watches one broadcast without accounts, where the hospital allows
(`ORCAST_JOIN_LINKS`).

An instructor (approver or admin) makes a link for one broadcast, valid for minutes up to
a day; opening it gives the device a guest session (`session.JoinScope`) that may watch
that broadcast and use nothing else. The link is `/join/<secret>`: only the secret's
SHA-256 is kept, and neither is ever logged.

State lives on the `joinlinks` topic (created, used, revoked; audit records each): every
viewer instance replays it, so whichever instance holds the class's sockets learns of a
revocation and closes them at once, and refuses the link's guests from then on. A guest's
token ends with the link, so expiry needs no message: the socket closes at the token's
`exp` (fanout.Hub._expire_at) and nothing renews it (POST /signin/refresh refuses guests).
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from typing import Any, Final

from services.common.auth import Principal
from services.common.events import parse_time

KEEP_SECONDS: Final = 24 * 3600  # an ended link is forgotten this long after its expiry


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_link_id() -> str:
    return f"jl-{secrets.token_hex(8)}"


@dataclass(slots=True)
class Link:
    id: str
    broadcast_id: str
    secret_hash: str
    expires_at: float
    created_by: dict[str, str]
    case_id: str | None = None
    revoked: bool = False

    def open(self, now: float | None = None) -> bool:
        return not self.revoked and (time.time() if now is None else now) < self.expires_at

    def public(self) -> dict[str, Any]:
        """What the instructor's list shows (never the secret, which is not kept)."""
        found: dict[str, Any] = {"id": self.id, "broadcast_id": self.broadcast_id,
                                 "expires_at": self.expires_at,
                                 "created_by": dict(self.created_by),
                                 "revoked": self.revoked}
        return found


class JoinLinks:
    """Every link this instance has read from the topic (or made itself)."""

    def __init__(self, *, allowed: bool = True) -> None:
        self._by_id: dict[str, Link] = {}
        self._by_hash: dict[str, Link] = {}
        # ORCAST_JOIN_LINKS: off, and no guest is admitted, whatever its link says
        self.allowed = allowed

    def apply(self, data: dict[str, Any]) -> Link | None:
        """One `org.orcast.joinlink.v1` payload; idempotent (the maker applies its own
        event at once and again when it reads it back). The link, or None if unknown."""
        action, link_id = data["action"], data["link_id"]
        link = self._by_id.get(link_id)
        if action == "created" and link is None:
            link = Link(id=link_id, broadcast_id=data["broadcast_id"],
                        secret_hash=data["secret_hash"],
                        expires_at=parse_time(data["expires_at"]).timestamp(),
                        created_by={"sub": data["actor"]["sub"], "role": data["actor"]["role"]},
                        case_id=data.get("case_id"))
            self._by_id[link_id] = link
            self._by_hash[link.secret_hash] = link
            self._prune()
        elif action == "revoked" and link is not None:
            link.revoked = True
        return link

    def get(self, link_id: str) -> Link | None:
        return self._by_id.get(link_id)

    def find(self, secret: str) -> Link | None:
        """The link a secret opens (open or not), by its hash."""
        return self._by_hash.get(secret_hash(secret))

    def for_broadcast(self, broadcast_id: str) -> list[Link]:
        now = time.time()
        return sorted((link for link in self._by_id.values()
                       if link.broadcast_id == broadcast_id and link.open(now)),
                      key=lambda link: link.expires_at)

    def admits(self, principal: Principal) -> bool:
        """A person, or a guest whose link is still open and for the broadcast it names."""
        if principal.broadcast is None:
            return True
        if not self.allowed:
            return False
        link = self._by_id.get(principal.join_link or "")
        return link is not None and link.open() and link.broadcast_id == principal.broadcast

    def _prune(self) -> None:
        cutoff = time.time() - KEEP_SECONDS
        for link in [link for link in self._by_id.values() if link.expires_at < cutoff]:
            del self._by_id[link.id]
            self._by_hash.pop(link.secret_hash, None)
