"""Serving a service's static page folder: HTML at a path, assets under /assets/<service>/.

Pages are plain files that call the JSON API; the CSP forbids inline script,
so every script and style is a file served from here.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from .auth import PUBLIC, allow
from .errors import NotFound

_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml",
          ".html": "text/html", ".json": "application/json", ".png": "image/png"}


def add_page(app: web.Application, *, service: str, folder: Path,
             paths: tuple[str, ...], html: str = "index.html") -> None:
    html_file = folder / html

    @allow(PUBLIC)
    async def page(request: web.Request) -> web.FileResponse:
        return web.FileResponse(html_file, headers={"Content-Type": "text/html; charset=utf-8",
                                                    "Cache-Control": "no-cache"})

    @allow(PUBLIC)
    async def asset(request: web.Request) -> web.FileResponse:
        name = request.match_info["name"]
        try:
            path = (folder / name).resolve()
            found = folder.resolve() in path.parents and path.is_file()  # noqa: ASYNC240
        except (ValueError, OSError):  # a NUL byte, a name too long for the file system
            found = False
        if not found:
            raise NotFound("Not Found")  # the router's own 404 body
        content_type = _TYPES.get(path.suffix, "application/octet-stream")
        return web.FileResponse(path, headers={"Content-Type": content_type,
                                               "Cache-Control": "no-cache"})

    page.__name__ = f"{service}_page"
    for path in paths:
        if not html_file.exists():
            raise FileNotFoundError(html_file)
        app.router.add_get(path, page)
    prefix = f"/assets/{service}/"
    if not any(r.canonical == prefix + "{name}" for r in app.router.resources()):
        app.router.add_get(prefix + "{name}", asset)
