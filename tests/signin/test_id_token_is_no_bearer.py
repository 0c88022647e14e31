"""Red team 2, H1: with the shipped deployment (deploy/k8s/configmap.yaml: the API
audience and the sign-in client id are both `orcast`, one issuer) the ID token the
provider returns at sign-in must not pass as an API bearer token, and ORcast must not
send it out in a URL (the RP-logout `id_token_hint`) nor keep it in a cookie."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.common.auth import TokenRejected, TokenVerifier
from services.common.oidc import OidcClient, ProviderMetadata
from services.common.rolemap import load
from services.common.settings import Settings
from services.dev import idp
from tests.signin.conftest import CLIENT, FakeProvider


def api_verifier(provider: FakeProvider) -> TokenVerifier:
    return TokenVerifier(Settings(jwks_url=provider.issuer + "/jwks", jwt_audience=CLIENT,
                                  jwt_issuer=provider.issuer,
                                  oidc_role_mapping=idp.ROLE_MAPPING))


@pytest.mark.parametrize("shape", [
    {"nonce": "n-1"},  # every ID token ORcast's sign-in receives (it always sends a nonce)
    {"nonce": None, "at_hash": "x"},  # an ID token issued alongside an access token
    {"nonce": None, "typ": "ID"},  # Keycloak names its ID tokens
])
async def test_an_id_token_is_not_an_api_bearer(provider: FakeProvider,
                                                shape: dict[str, str | None]) -> None:
    id_token = provider.sign(sub="kim", groups=["orcast-admins"], **shape)
    with pytest.raises(TokenRejected, match="ID token"):
        await api_verifier(provider).verify(id_token)


async def test_an_access_token_of_the_same_provider_still_passes(
        provider: FakeProvider) -> None:
    access = provider.sign(sub="svc", groups=["orcast-admins"], nonce=None, scope="openid")
    who = await api_verifier(provider).verify(access)
    assert (who.sub, who.role) == ("svc", "admin")


async def test_the_logout_url_never_carries_the_id_token(provider: FakeProvider,
                                                         tmp_path: Path) -> None:
    settings = Settings(oidc_issuer=provider.issuer, oidc_client_id=CLIENT,
                        oidc_client_secret="s", oidc_role_mapping=idp.ROLE_MAPPING,
                        secret="x" * 40)
    client = OidcClient(settings, load(idp.ROLE_MAPPING))
    client._metadata = ProviderMetadata(provider.issuer, "a", "t", "j",
                                        provider.issuer + "/logout")
    url = await client.logout_url(None, post_logout_redirect_uri="https://orcast/")  # type: ignore[arg-type]
    assert url == (provider.issuer + "/logout?client_id=orcast"
                   "&post_logout_redirect_uri=https%3A%2F%2Forcast%2F")
