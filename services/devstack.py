"""`orcast dev`: the whole system in one process on one port, with the embedded broker."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from aiohttp import web

from services.common.admin import ensure_topics
from services.common.auth import ROLES, issue_token
from services.common.settings import Settings
from services.common.web import create_base_app
from services.pages import setup_pages
from services.registry import SERVICES, setup_for

logger = logging.getLogger(__name__)


def build_app(settings: Settings, services: tuple[str, ...] = SERVICES) -> web.Application:
    app = create_base_app(settings)
    for service in services:
        setup_for(service)(app, settings)
    setup_pages(app)
    return app


def dev_tokens(settings: Settings) -> dict[str, str]:
    return {role: issue_token(settings, sub=f"dev-{role}", role=role, name=f"Dev {role}")
            for role in ROLES}


def write_dev_tokens(settings: Settings) -> Path:
    path = settings.data_dir / "dev-tokens.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(dev_tokens(settings), indent=2) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


async def prepare(settings: Settings) -> None:
    await ensure_topics(settings)
