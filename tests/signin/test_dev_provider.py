"""`orcast dev` starts the development identity provider for its own address and prints
where to sign in and as whom; the provider answers discovery on loopback only."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from services import cli
from services.common.broker import free_port
from services.dev import idp


def test_the_banner_prints_the_sign_in_url_and_the_demo_users(tmp_path: Path) -> None:
    banner = cli.dev_banner("http://127.0.0.1:8080", "127.0.0.1:9092", tmp_path / "t.json",
                            people=[("coordinator", "pw-1"), ("admin", "pw-2")])
    assert "sign in     http://127.0.0.1:8080/signin" in banner
    assert "coordinator pw-1" in banner and "admin       pw-2" in banner
    off = cli.dev_banner("http://127.0.0.1:8080", "x", tmp_path / "t.json",
                         signin_off="node is not installed")
    assert "sign-in off: node is not installed" in off


def test_orcast_dev_points_orcast_at_a_provider_it_starts(tmp_path: Path) -> None:
    if idp.missing():
        pytest.skip(str(idp.missing()))
    port = free_port()
    env = {"ORCAST_DATA_DIR": str(tmp_path), "ORCAST_SECRET": "s" * 40}
    provider, off = cli._dev_provider(env, {"http_port": port})
    assert provider is not None and off == ""
    try:
        assert env["ORCAST_OIDC_ISSUER"] == provider.issuer
        assert provider.issuer.startswith("http://127.0.0.1:")
        assert env["ORCAST_OIDC_ROLE_MAPPING"] == str(idp.ROLE_MAPPING)
        assert {u.role for u in provider.users} == set(idp.DEMO_GROUPS)
        # two approvers: under four eyes an approver's edit needs another one to approve
        # it, and in dev that path led nowhere (issue 15 item 3)
        assert [u.username for u in provider.users if u.role == "approver"] == [
            "approver", "approver2"]
        assert len({u.username for u in provider.users}) == len(provider.users)
        assert len({u.password for u in provider.users}) == len(provider.users)
        with urllib.request.urlopen(provider.issuer + "/.well-known/openid-configuration",
                                    timeout=10) as answer:
            found = json.loads(answer.read())
        assert found["issuer"] == provider.issuer
        assert found["code_challenge_methods_supported"] == ["S256"]
        log = (tmp_path / "oidc-provider.log").read_text()
        assert not any(u.password in log for u in provider.users)
        assert provider.client_secret not in log
    finally:
        provider.stop()
    assert provider.process.returncode is not None
    # A provider named by the person running `orcast dev` is used as it is.
    mine = {"ORCAST_DATA_DIR": str(tmp_path), "ORCAST_OIDC_ISSUER": "https://idp.example"}
    assert cli._dev_provider(mine, {}) == (None, "")
