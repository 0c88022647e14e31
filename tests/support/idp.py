"""The development identity provider for tests, with ORcast's address chosen first (the
provider registers the exact callback URL)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from services.common.broker import free_port
from services.dev import idp


@dataclass(frozen=True)
class SignInWorld:
    provider: idp.DevProvider
    app_port: int  # serve ORcast here: the provider knows only this callback

    @property
    def app_base(self) -> str:
        return f"http://127.0.0.1:{self.app_port}"


@contextmanager
def running_provider(log_dir: Path) -> Iterator[SignInWorld]:
    reason = idp.missing()
    if reason:
        if os.environ.get("CI"):  # `make test` installs it: missing there is a failure
            raise RuntimeError(f"development identity provider unavailable: {reason}")
        pytest.skip(f"development identity provider unavailable: {reason}")
    port = free_port()
    with (log_dir / "oidc-provider.log").open("wb") as log:
        provider = idp.DevProvider.start(f"http://127.0.0.1:{port}", log=log)
        try:
            yield SignInWorld(provider, port)
        finally:
            provider.stop()
