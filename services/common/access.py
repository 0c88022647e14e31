"""Reads of PHI-bearing records leave a record: who, what, when, from where.

Services may not write the audit log (only audit does) nor import each other, so a
service that serves such a read produces an `org.orcast.access.recorded.v1` event
onto its own topic `access.<service>` (writer: that service, reader: audit), and
audit appends one record per read. A handler opts in:

    @allow({"admin", "compliance"})
    @records_access("cases", "consent", id_param="case_id", case_param="case_id")
    async def consent_fhir(request): ...

Fail closed: the response leaves only after the broker acknowledged the record; if
it cannot be recorded within `RECORD_TIMEOUT`, the read answers 503 (Retry-After)
instead of going unlogged. Concurrent reads do not queue behind each other: their
produces share the producer's in-flight batches. Successful reads (status < 400)
are recorded; refusals are answered by the auth middleware before any data is read.

Pages poll (the approval queue every 1.5 s): the same person reading the same
resource from the same address again within `ORCAST_ACCESS_REPEAT_SECONDS` is
already on record, and is not recorded again (0: record every single read).

| variable | default | meaning |
|---|---|---|
| ORCAST_TRUSTED_PROXIES | — | comma-separated addresses/CIDRs whose X-Forwarded-For is believed |
| ORCAST_ACCESS_REPEAT_SECONDS | 30 | an identical read within this window is already on record |
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from . import events, topics
from .producer import BrokerUnavailable, EventProducer
from .settings import Network, Settings
from .web import principal

logger = logging.getLogger(__name__)

ACCESS_TYPE = "org.orcast.access.recorded.v1"
RECORD_TIMEOUT = 2.0
REMEMBERED_READS = 10_000

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(request: web.Request, proxies: tuple[Network, ...]) -> tuple[str, str | None]:
    """(client IP, proxy IP). X-Forwarded-For counts only when the peer is a trusted proxy:
    the nearest address in it that is not itself a trusted proxy is the client."""
    peer = request.remote or "unknown"
    forwarded = request.headers.get("X-Forwarded-For", "")
    if not forwarded or not _trusted(peer, proxies):
        return peer[:64], None
    for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
        if not _trusted(hop, proxies):
            try:
                return str(ipaddress.ip_address(hop)), peer[:64]
            except ValueError:
                break  # garbage from beyond our proxies: name the proxy, not the garbage
    return peer[:64], None


class AccessRecorder:
    def __init__(self, producer: EventProducer, *, service: str,
                 proxies: tuple[Network, ...] = (), repeat_seconds: float = 0.0) -> None:
        self._producer = producer
        self._service = service
        self._proxies = proxies
        self._repeat_seconds = repeat_seconds
        self._recorded: OrderedDict[tuple[str, ...], float] = OrderedDict()
        self.topic = topics.ACCESS[service].name

    def _already_recorded(self, key: tuple[str, ...]) -> bool:
        at = self._recorded.get(key)
        return at is not None and time.monotonic() - at < self._repeat_seconds

    def _remember(self, key: tuple[str, ...]) -> None:
        if self._repeat_seconds > 0:
            self._recorded[key] = time.monotonic()
            self._recorded.move_to_end(key)
            while len(self._recorded) > REMEMBERED_READS:
                self._recorded.popitem(last=False)

    async def record(self, request: web.Request, *, kind: str, resource_id: str | None,
                     case_id: str | None, status: int) -> None:
        client, proxy = client_address(request, self._proxies)
        route = request.match_info.route.resource
        who = principal(request)
        key = (who.sub, who.role, kind, resource_id or "", case_id or "", client,
               request.method, request.path)
        if self._already_recorded(key):
            return
        data: dict[str, Any] = {
            "actor": {"sub": who.sub[:256], "role": who.role},
            "resource": {"kind": kind, **({"id": resource_id} if resource_id else {})},
            "accessed_at": events.isoformat(events.now()),
            "client_ip": client,
            "method": request.method if request.method in ("GET", "HEAD") else "POST",
            "route": (route.canonical if route is not None else request.path)[:200],
            "status": status,
        }
        if case_id:
            data["case_id"] = case_id
        if proxy:
            data["proxy_ip"] = proxy
        try:
            event = events.make_event(ACCESS_TYPE, service=self._service,
                                      subject=case_id or f"access.{self._service}", data=data)
        except events.InvalidEvent:
            # an id from the path that is not a valid id: read nothing of it, name the kind
            data["resource"] = {"kind": kind}
            data.pop("case_id", None)
            event = events.make_event(ACCESS_TYPE, service=self._service,
                                      subject=f"access.{self._service}", data=data)
        try:
            await self._producer.publish(self.topic, event, timeout=RECORD_TIMEOUT)
        except BrokerUnavailable:  # the middleware answers it: 503 with Retry-After
            logger.warning("%s: a %s read could not be recorded; refusing it", self._service,
                           kind)
            raise
        self._remember(key)


class Recorders(dict[str, AccessRecorder]):
    """One recorder per service in this app (`orcast dev` runs them all in one)."""


RECORDERS = web.AppKey("access.recorders", Recorders)


def install(app: web.Application, producer: EventProducer, settings: Settings, *,
            service: str) -> None:
    if RECORDERS not in app:
        app[RECORDERS] = Recorders()
    app[RECORDERS][service] = AccessRecorder(producer, service=service,
                                             proxies=settings.trusted_proxies,
                                             repeat_seconds=settings.access_repeat_seconds)


async def record_read(request: web.Request, service: str, kind: str, *,
                      resource_id: str | None = None, case_id: str | None = None) -> None:
    """Record a read from inside a handler, for responses that stream (SSE): call it
    once the request is known to be valid and before the first byte goes out."""
    await request.app[RECORDERS][service].record(request, kind=kind, status=200,
                                                 resource_id=resource_id, case_id=case_id)


def records_access(service: str, kind: str, *, id_param: str | None = None,
                   case_param: str | None = None,
                   case_query: str | None = None) -> Callable[[Handler], Handler]:
    """Record each successful call of the handler before its response leaves; the
    resource id and case come from the path (`id_param`, `case_param`) or the query."""

    def wrap(handler: Handler) -> Handler:
        @functools.wraps(handler)  # keeps the roles `allow` declared
        async def recorded(request: web.Request) -> web.StreamResponse:
            response = await handler(request)
            if response.status < 400:
                case_id = request.match_info.get(case_param) if case_param else None
                if case_query and not case_id:
                    case_id = request.query.get(case_query) or None
                await request.app[RECORDERS][service].record(
                    request, kind=kind, status=response.status, case_id=case_id,
                    resource_id=request.match_info.get(id_param) if id_param else None)
            return response

        return recorded

    return wrap
