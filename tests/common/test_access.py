"""Where a read came from: the peer, unless a configured trusted proxy forwarded it."""

from __future__ import annotations

from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request

from services.common.access import client_address
from services.common.settings import ConfigError, Settings


def _request(peer: str, forwarded: str | None = None) -> object:
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: \
        (peer, 40000) if name == "peername" else default
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return make_mocked_request("GET", "/api/v1/cases", headers=headers, transport=transport)


def test_forwarded_for_counts_only_from_a_trusted_proxy() -> None:
    proxies = Settings.from_env({"ORCAST_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7"}).trusted_proxies
    spoofed = _request("198.51.100.4", "203.0.113.9")
    assert client_address(spoofed, proxies) == ("198.51.100.4", None)  # type: ignore[arg-type]
    assert client_address(_request("10.1.2.3", "203.0.113.9"),  # type: ignore[arg-type]
                          ()) == ("10.1.2.3", None)
    # a client may prepend anything; the nearest untrusted hop is the one our proxies saw
    chained = _request("10.1.2.3", "1.2.3.4, 203.0.113.9, 192.0.2.7")
    assert client_address(chained, proxies) == ("203.0.113.9", "10.1.2.3")  # type: ignore[arg-type]
    garbage = _request("10.1.2.3", "<script>")
    assert client_address(garbage, proxies) == ("10.1.2.3", None)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="ORCAST_TRUSTED_PROXIES"):
        Settings.from_env({"ORCAST_TRUSTED_PROXIES": "not-an-ip"})
