"""`POST /api/v1/publications/preview`: the post exactly as each channel would receive it.

An approver sees, before approving, the text each channel of the update's audience
will get (rendered by the same `render` the outbox uses, against the channel's own
limit and measure) and which channels those are, or that none is configured for that
audience: then approving puts the update on the record and, for students, on the live
page, but posts it nowhere. The text is already de-identified; nothing is stored.
"""

from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

from services.common.auth import allow
from services.common.web import read_json

from .delivery import Publisher
from .render import FitError, Update, render

logger = logging.getLogger(__name__)

PREVIEW_PUBLISHER = web.AppKey("publisher.preview", Publisher)


async def _channel_view(publisher: Publisher, channel_id: str, body: dict[str, Any]) \
        -> dict[str, Any]:
    worker = publisher.workers.get(channel_id)
    channel = next(c for c in publisher.channels if c.id == channel_id)
    view: dict[str, Any] = {"channel_id": channel.id, "kind": channel.kind}
    if worker is None:
        return {**view, "text": None, "length": None, "limit": None, "fits": False,
                "problem": "this channel is not running"}
    try:
        limits = await worker.ctx.adapter.limits()
        # the same inputs as the outbox's post (attempt.py): update.approved's fields
        text = render(Update(body["procedure_name"], body["milestone_label"],
                             body.get("text", ""), channel.hashtags,
                             channel.link_for(body["broadcast_id"])), limits)
    except FitError:
        return {**view, "text": None, "length": None, "limit": None, "fits": False,
                "problem": "nothing fits in this channel's limit"}
    except Exception as exc:  # the network would not say its limit: say so, post later
        logger.info("preview for channel %s: limits unavailable (%s)", channel.id,
                    type(exc).__name__)
        return {**view, "text": None, "length": None, "limit": None, "fits": False,
                "problem": "the channel did not answer; its text is made when it posts"}
    length = limits.measure(text)
    return {**view, "text": text, "length": length, "limit": limits.max_length,
            "fits": length <= limits.max_length}


@allow({"approver", "admin", "compliance"})
async def preview(request: web.Request) -> web.Response:
    body = await read_json(request, "api/publication-preview.json")
    publisher = request.app[PREVIEW_PUBLISHER]
    audience = body["audience"]
    chosen = [c.id for c in publisher.channels if c.audience == audience]
    channels = [await _channel_view(publisher, cid, body) for cid in chosen]
    message = (f"Goes to {len(channels)} channel{'s' if len(channels) != 1 else ''}"
               f" for the {audience} audience" if channels
               else f"No channel is configured for the {audience} audience")
    return web.json_response({"audience": audience, "channels": channels,
                              "message": message})


@allow({"coordinator", "approver", "admin", "compliance"})
async def audiences(request: web.Request) -> web.Response:
    """How many channels each audience goes to, so the tablet can say that an approved
    public copy is posted nowhere rather than "being posted" for ever."""
    publisher = request.app[PREVIEW_PUBLISHER]
    counts = {audience: sum(1 for c in publisher.channels if c.audience == audience)
              for audience in ("students", "public")}
    return web.json_response({"audiences": counts})


def add_routes(app: web.Application, publisher: Publisher) -> None:
    app[PREVIEW_PUBLISHER] = publisher
    app.router.add_post("/api/v1/publications/preview", preview)
    app.router.add_get("/api/v1/publications/audiences", audiences)
