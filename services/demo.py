"""`orcast dev --demo`: replay a realistic procedure through the public API.

Registers a consented laparoscopic cholecystectomy and posts its milestones every few
seconds as the coordinator would, notes included (one deliberately carries the
patient's name so the de-identification gate has something to do).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
from aiohttp import web

from services.common.auth import issue_token
from services.common.settings import Settings

logger = logging.getLogger(__name__)

SCRIPT = [
    ("patient_in_room", "Patient positioned supine, safety strap on."),
    ("anesthesia_start", "Induction uneventful; airway secured at 08:12."),
    ("time_out", "Time-out complete; antibiotics given 20 minutes before incision."),
    ("incision", "Periumbilical incision, Hasson technique."),
    ("pneumoperitoneum", "Insufflated to 15 mmHg; four ports placed."),
    ("critical_view", "Critical view of safety achieved for Mr. Demo Whitaker's anatomy."),
    ("cystic_clipped", "Cystic duct and artery clipped and divided."),
    ("gallbladder_removed", "Gallbladder removed in a retrieval bag; EBL 20 mL."),
    ("closure", "Fascia closed at the umbilicus; counts correct."),
    ("patient_out", "To recovery, stable."),
]


def attach_demo(app: web.Application, settings: Settings, interval: float = 6.0) -> None:
    async def demo(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(_replay(settings, interval))
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    app.cleanup_ctx.append(demo)


async def _replay(settings: Settings, interval: float) -> None:
    base = f"http://{settings.http_host}:{settings.http_port}"
    admin = {"Authorization": "Bearer " + issue_token(settings, sub="demo-admin", role="admin")}
    nurse = {"Authorization": "Bearer " + issue_token(settings, sub="demo-nurse",
                                                      role="coordinator")}
    async with aiohttp.ClientSession() as session:
        for _ in range(100):
            try:
                async with session.get(base + "/readyz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
        until = (datetime.now(UTC) + timedelta(hours=4)).isoformat()
        async with session.post(base + "/api/v1/cases", headers=admin, json={
            "procedure": "lap_chole",
            "patient": {"names": ["Demo Whitaker"], "mrn": "00451187", "dob": "1958-07-02"},
            "consent": {"scope": ["students", "public"], "valid_until": until,
                        "document_ref": "demo/consent.pdf"},
            # the demo nurse posts; the dev coordinator can follow it on the tablet
            "coordinators": ["demo-nurse", "dev-coordinator"],
        }) as response:
            case = await response.json()
        logger.info("demo case registered: broadcast %s", case.get("broadcast_id"))
        for milestone, note in SCRIPT:
            await asyncio.sleep(interval)
            async with session.post(base + "/api/v1/milestones", headers=nurse, json={
                "event_id": str(uuid.uuid4()), "case_id": case["case_id"],
                "milestone": milestone, "note": note,
                "occurred_at": datetime.now(UTC).isoformat(),
            }) as response:
                logger.info("demo milestone %s: HTTP %d", milestone, response.status)
