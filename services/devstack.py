"""`orcast dev`: the whole system in one process on one port, with the embedded broker."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from aiohttp import web

from services.common.admin import ensure_topics
from services.common.auth import ROLES, issue_token
from services.common.settings import Settings
from services.common.web import create_base_app
from services.registry import SERVICES, WEB_ONLY, create_app_for

logger = logging.getLogger(__name__)


def build_app(settings: Settings, services: tuple[str, ...] = SERVICES) -> web.Application:
    """`services` and always sign-in with the home page (`WEB_ONLY`)."""
    app = create_base_app(settings)
    for service in (*services, *WEB_ONLY):  # one app, one port: each create_app mounts on it
        create_app_for(service)(settings, into=app)
    return app


def dev_tokens(settings: Settings) -> dict[str, str]:
    return {role: issue_token(settings, sub=f"dev-{role}", role=role, name=f"Dev {role}")
            for role in ROLES}


def write_dev_tokens(settings: Settings) -> Path:
    path = settings.data_dir / "dev-tokens.json"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Created 0600 (not chmod-ed afterwards): the tokens are never readable by others.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(dev_tokens(settings), indent=2) + "\n")
    return path


async def prepare(settings: Settings) -> None:
    await ensure_topics(settings)
