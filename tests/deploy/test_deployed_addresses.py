"""Red team 16b: who a request comes from, as ORcast is deployed (deploy/k8s): the join
links' rate limit and every access record key on it. Fails while the hole is open."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import yaml
from aiohttp.test_utils import make_mocked_request

from services.common.access import client_address
from services.common.settings import Settings

CONFIGMAP = Path(__file__).resolve().parents[2] / "deploy" / "k8s" / "configmap.yaml"
INGRESS_POD = "10.244.1.17"  # the ingress controller's pod, the services' only peer


def deployed_settings() -> Settings:
    docs = [d for d in yaml.safe_load_all(CONFIGMAP.read_text()) if d]
    data = next(d for d in docs if d["kind"] == "ConfigMap"
                and d["metadata"]["name"] == "orcast-config")["data"]
    return Settings.from_env({k: str(v) for k, v in data.items()})


def through_the_ingress(student: str) -> object:
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (
        (INGRESS_POD, 41000) if name == "peername" else default)
    return make_mocked_request("POST", "/api/v1/join", transport=transport,
                               headers={"X-Forwarded-For": student})


def test_behind_the_ingress_each_client_is_itself_not_the_ingress() -> None:
    """Attack (a guest holding a join link, anywhere): deploy/k8s puts every service
    behind the nginx ingress and sets no ORCAST_TRUSTED_PROXIES, so `client_address`
    ignores X-Forwarded-For and every request comes "from" the ingress pod. POST
    /api/v1/join is limited per link and address (a burst of 300, then one a second):
    deployed, that is one bucket per link for the whole world. One guest looping the
    link's secret (or two lecture halls opening it together) spends it, and every other
    student's first opening and every guest's renewal (each ORCAST_SESSION_MINUTES)
    answers 429, so the class drops off the broadcast. The same address is written into
    every `join_link.used` and every PHI access record as the reader's `client_ip`, so
    the audit log cannot say where a read came from.
    Safe: as deployed, two students behind the ingress are two addresses (the configmap
    names the ingress's addresses in ORCAST_TRUSTED_PROXIES, or the services otherwise
    learn the real client)."""
    settings = deployed_settings()
    first = client_address(through_the_ingress("198.51.100.7"), settings.trusted_proxies)
    second = client_address(through_the_ingress("203.0.113.9"), settings.trusted_proxies)
    assert first[0] != second[0], (
        f"as deployed, every client is {first[0]} (the ingress): one join-link rate-limit "
        f"bucket for everyone and one address in every access record "
        f"(ORCAST_TRUSTED_PROXIES is {settings.trusted_proxies or 'unset'})")
