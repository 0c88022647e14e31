"""The front door, served by the sign-in service: `/` links every surface."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from services.common.pages import add_page


def add_home_page(app: web.Application) -> None:
    add_page(app, service="home", folder=Path(__file__).parent / "page", paths=("/",))
