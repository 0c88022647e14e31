"""What `orcast dev`'s supervisor answers itself: the home page, `/readyz` over every
service process (an admin sees each process's own checks), and `/metrics` merged from
them (each sample labelled `process`)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping

import aiohttp
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.parser import text_string_to_metric_families

from services.common import auth
from services.common.auth import issue_token
from services.common.health import HEALTH, Health
from services.common.settings import Settings
from services.common.web import authorize_metrics, create_base_app
from services.registry import create_app_for

PROBE_TIMEOUT = 2.0


class _Merged:
    """A collector over metric families already scraped."""

    def __init__(self, families: list[Metric]) -> None:
        self._families = families

    def collect(self) -> Iterator[Metric]:
        yield from self._families


def merge(texts: Mapping[str, str]) -> bytes:
    """One exposition from several: same-named families joined, samples labelled."""
    by_name: dict[str, Metric] = {}
    for process, text in texts.items():
        for family in text_string_to_metric_families(text):
            merged = by_name.get(family.name)
            if merged is None:
                merged = Metric(family.name, family.documentation, family.type, family.unit)
                by_name[family.name] = merged
            for sample in family.samples:
                merged.samples.append(sample._replace(labels={**sample.labels,
                                                              "process": process}))
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Merged(list(by_name.values())))  # type: ignore[arg-type]
    return generate_latest(registry)


def create_front_app(settings: Settings, services: Mapping[str, int]) -> web.Application:
    """`services`: name → the port its `orcast run` listens on (127.0.0.1)."""

    def scrape_token() -> str:  # fresh each time: the stack may run longer than a token
        return issue_token(settings, sub="orcast-dev-supervisor", role="admin", ttl=300)

    async def scrape(name: str, port: int) -> str:
        timeout = aiohttp.ClientTimeout(total=PROBE_TIMEOUT)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(
                f"http://127.0.0.1:{port}/metrics",
                headers={"Authorization": f"Bearer {scrape_token()}"}) as response:
            return await response.text() if response.status == 200 else ""

    @auth.allow(auth.PUBLIC)  # authorize_metrics checks the bearer itself
    async def metrics(request: web.Request) -> web.Response:
        await authorize_metrics(request)
        names = list(services)
        texts = await asyncio.gather(*(scrape(n, services[n]) for n in names),
                                     return_exceptions=True)
        found = {n: t for n, t in zip(names, texts, strict=True) if isinstance(t, str)}
        response = web.Response(body=merge(found))
        response.content_type = CONTENT_TYPE_LATEST.split(";")[0]
        return response

    app = create_base_app(settings, metrics_handler=metrics)
    # the sign-in service (and the home page) on this process, through its create_app:
    # sessions are verified by every service, made here
    create_app_for("signin")(settings, into=app)
    app[HEALTH] = ProcessesHealth(services, scrape_token)
    return app


class ProcessesHealth(Health):
    """Readiness of every service process: each one's own checks (`ingest.pipeline_lag`,
    `approval.store`, …), or `<service>.process` false when it does not answer."""

    def __init__(self, services: Mapping[str, int], token: Callable[[], str]) -> None:
        super().__init__()
        self._services = services
        self._token = token

    async def report(self) -> dict[str, bool]:
        timeout = aiohttp.ClientTimeout(total=PROBE_TIMEOUT)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            found = await asyncio.gather(*(self._one(session, name, port)
                                           for name, port in self._services.items()))
        return {k: v for checks in found for k, v in checks.items()}

    async def _one(self, session: aiohttp.ClientSession, name: str,
                   port: int) -> dict[str, bool]:
        try:
            async with session.get(f"http://127.0.0.1:{port}/readyz",
                                   headers={"Authorization": f"Bearer {self._token()}"}) as r:
                body = await r.json()
            checks = body.get("checks") if isinstance(body, dict) else None
            if isinstance(checks, dict) and checks:
                return {str(k): bool(v) for k, v in checks.items()}
            return {f"{name}.process": r.status == 200}
        except (aiohttp.ClientError, TimeoutError, ValueError):
            return {f"{name}.process": False}
