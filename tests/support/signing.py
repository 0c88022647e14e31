"""Event keys for tests: one directory of every service's key pair per test session, and
helpers to sign hand-built envelopes produced straight onto topics (or to forge them)."""

from __future__ import annotations

import atexit
import base64
import json
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from services.common import events, signing
from services.common.topics import SERVICES


def _fresh_keys(prefix: str) -> Path:
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    signing.generate(directory, SERVICES)
    return directory


@cache
def session_keys_dir() -> Path:
    """Every service's `.key` and `.pub`, generated once per test process."""
    return _fresh_keys("orcast-keys-")


@cache
def stranger_keys_dir() -> Path:
    """Key pairs for the same service names that no test keyring knows."""
    return _fresh_keys("orcast-stranger-keys-")


def signed(event: events.Event | dict[str, Any], *, keys: Path | None = None) -> bytes:
    """Wire bytes of `event`, signed as its own source service would sign it."""
    envelope = event.to_dict() if isinstance(event, events.Event) else event
    return signing.load_keyring(keys or session_keys_dir()).seal(envelope)


def signed_by(event: events.Event | dict[str, Any], service: str, *,
              keys: Path | None = None) -> bytes:
    """Wire bytes of `event` signed with `service`'s key, whatever its source says."""
    envelope = dict(event.to_dict() if isinstance(event, events.Event) else event)
    kid, private = signing.load_keyring(keys or session_keys_dir()).signers[service]
    envelope[signing.KID] = kid
    envelope.pop(signing.SIG, None)
    signature = base64.urlsafe_b64encode(private.sign(signing.canonical(envelope)))
    envelope[signing.SIG] = signature.rstrip(b"=").decode()
    return json.dumps(envelope, separators=(",", ":")).encode()
