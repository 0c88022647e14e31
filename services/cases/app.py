"""HTTP surface of the consent registry: `/api/v1/cases…`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web

from services.common import access, auth
from services.common.auth import Principal, allow
from services.common.components import Components
from services.common.errors import Unprocessable
from services.common.pages import add_page
from services.common.procedures import templates
from services.common.settings import Settings
from services.common.web import create_base_app, principal, read_json

from . import SERVICE, references
from .fhir import consent_resource
from .registry import CaseRegistry
from .tables import MIGRATIONS

REGISTRY = web.AppKey("cases.registry", CaseRegistry)
SYSTEM = Principal(sub="service:cases", role="admin")
EXPIRY_SWEEP_SECONDS = 0.5


def public_view(state: dict[str, Any], role: str) -> dict[str, Any]:
    """What a role may see of a case: never the identifier hashes; coordinators and
    approvers get the broadcast facts only."""
    view = {k: v for k, v in state.items() if k not in ("identifiers", "changed_by")}
    if role in ("coordinator", "approver", "student"):
        view.pop("consent", None)
        view.pop("coordinators", None)
        view["accepting"] = state["status"] == "active" and state["consent"]["status"] == "active"
    return view


def _may_post(state: dict[str, Any], who: Principal) -> bool:
    assigned = state.get("coordinators") or []
    return not assigned or any(auth.same_person({"sub": sub}, who.as_actor())
                               for sub in assigned)


@allow({"admin", "compliance"})
async def register_case(request: web.Request) -> web.Response:
    try:
        body = await read_json(request, "api/case-create.json")
    except Unprocessable as exc:
        raise references.readable(exc) from None
    references.check(body["consent"]["document_ref"], body["patient"])
    state = await request.app[REGISTRY].register(body, principal(request))
    return web.json_response(
        {"case_id": state["case_id"], "broadcast_id": state["broadcast_id"],
         "status": state["status"]},
        status=201,
    )


@allow({"admin", "compliance", "coordinator", "approver"})
@access.records_access(SERVICE, "case_list")
async def list_cases(request: web.Request) -> web.Response:
    who = principal(request)
    states = await request.app[REGISTRY].list()
    active_only = request.query.get("active") in ("true", "1") or who.role == "coordinator"
    if active_only:
        states = [s for s in states if s["status"] == "active" and
                  s["consent"]["status"] == "active"]
    if who.role == "coordinator":  # a tablet lists only the cases it may post to
        states = [s for s in states if _may_post(s, who)]
    return web.json_response({"cases": [public_view(s, who.role) for s in states]})


@allow({"admin", "compliance", "coordinator", "approver"})
@access.records_access(SERVICE, "case", id_param="case_id", case_param="case_id")
async def get_case(request: web.Request) -> web.Response:
    who = principal(request)
    state = await request.app[REGISTRY].get(request.match_info["case_id"])
    return web.json_response(public_view(state, who.role))


async def _revoke_reason(request: web.Request) -> str:
    """The coded reason a revocation gives; older clients send no body ("not_given")."""
    if not request.can_read_body:
        return "not_given"
    body = await read_json(request, "api/case-revoke.json")
    return str(body.get("reason", "not_given"))


def _transition(change: str) -> Any:
    @allow({"admin", "compliance"})
    async def handler(request: web.Request) -> web.Response:
        reason = await _revoke_reason(request) if change == "revoked" else None
        state = await request.app[REGISTRY].transition(
            request.match_info["case_id"], change, principal(request), reason=reason,
        )
        return web.json_response(public_view(state, principal(request).role))

    handler.__name__ = f"case_{change}"
    return handler


@allow({"admin", "compliance"})
@access.records_access(SERVICE, "consent", id_param="case_id", case_param="case_id")
async def consent_fhir(request: web.Request) -> web.Response:
    """The consent as a FHIR R4 Consent resource, for the hospital's records."""
    state, recorded_at = await request.app[REGISTRY].with_recorded_at(
        request.match_info["case_id"])
    return web.json_response(consent_resource(state, recorded_at),
                             content_type="application/fhir+json")


@allow(auth.ANY_ROLE)
async def list_procedures(request: web.Request) -> web.Response:
    return web.json_response({"procedures": list(templates().values())})


def setup(app: web.Application, settings: Settings) -> None:
    parts = Components(settings, SERVICE)
    store = parts.use_store(MIGRATIONS)
    registry = CaseRegistry(settings=settings, store=store, producer=parts.producer)
    app[REGISTRY] = registry

    async def expire_consents() -> None:
        await registry.expire_due(SYSTEM)

    parts.every(EXPIRY_SWEEP_SECONDS, expire_consents)
    parts.attach(app)
    access.install(app, parts.producer, settings, service=SERVICE)
    app.router.add_post("/api/v1/cases", register_case)
    app.router.add_get("/api/v1/cases", list_cases)
    app.router.add_get("/api/v1/cases/{case_id}", get_case)
    app.router.add_post("/api/v1/cases/{case_id}/start", _transition("started"))
    app.router.add_post("/api/v1/cases/{case_id}/end", _transition("ended"))
    app.router.add_post("/api/v1/cases/{case_id}/revoke", _transition("revoked"))
    app.router.add_get("/api/v1/cases/{case_id}/consent.fhir", consent_fhir)
    app.router.add_get("/api/v1/procedures", list_procedures)
    add_page(app, service="cases", folder=Path(__file__).parent / "page", paths=("/cases",))


def create_app(settings: Settings, *, into: web.Application | None = None) -> web.Application:
    """`into`: mount on this app (the in-process stack of every service) instead of one
    of its own."""
    app = create_base_app(settings) if into is None else into
    setup(app, settings)
    return app


__all__ = ["create_app", "setup"]
