"""API clients holding the hospital provider's own access tokens (JWKS-verified, groups
instead of an ORcast `role` claim) get their role through the same mapping file as
people signing in: no mapping, no role. A `role` claim still decides when present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.common.auth import TokenRejected, TokenVerifier
from services.common.settings import ConfigError, Settings
from services.dev import idp
from tests.signin.conftest import CLIENT, FakeProvider


def verifier(provider: FakeProvider, mapping: Path | None) -> TokenVerifier:
    return TokenVerifier(Settings(jwks_url=provider.issuer + "/jwks", jwt_audience=CLIENT,
                                  jwt_issuer=provider.issuer, oidc_role_mapping=mapping))


async def test_groups_give_the_mapped_role(provider: FakeProvider) -> None:
    check = verifier(provider, idp.ROLE_MAPPING)
    who = await check.verify(provider.sign(groups=["orcast-approvers"], nonce=None))
    assert (who.sub, who.role) == ("ann", "approver")
    with pytest.raises(TokenRejected, match="no valid role"):
        await check.verify(provider.sign(groups=["visitors"], nonce=None))


async def test_without_a_mapping_groups_give_no_role(provider: FakeProvider) -> None:
    with pytest.raises(TokenRejected, match="no valid role"):
        await verifier(provider, None).verify(provider.sign(groups=["orcast-admins"],
                                                              nonce=None))


async def test_a_role_claim_still_decides_and_a_bad_one_is_not_mapped_around(
        provider: FakeProvider, tmp_path: Path) -> None:
    check = verifier(provider, idp.ROLE_MAPPING)
    assert (await check.verify(provider.sign(role="student", nonce=None))).role == "student"
    with pytest.raises(TokenRejected, match="no valid role"):
        await check.verify(provider.sign(role="superuser", groups=["orcast-admins"],
                                             nonce=None))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"claim": "groups", "rules": []}))
    with pytest.raises(ConfigError, match="not a valid role mapping"):
        verifier(provider, bad)
