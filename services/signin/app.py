"""The sign-in service, `orcast run signin`: people's sign-in (`api.py`; what it
refuses: `errors.py`) and the home page, in a Deployment of its own behind the ingress
(`deploy/k8s/signin.yaml`).

It alone mints, renews and ends sessions and keeps the record of ended ones (its own
database); every other service verifies the session cookie by itself with the shared
`ORCAST_SESSION_KEY`, so nothing else depends on it at request time. It reads and
writes no topic. `orcast dev` serves the same routes from its front process.
"""

from __future__ import annotations

from aiohttp import web

from services.common.settings import Settings
from services.common.web import create_base_app

from .api import setup_signin
from .homepage import add_home_page


def create_app(settings: Settings, *, into: web.Application | None = None) -> web.Application:
    app = into if into is not None else create_base_app(settings)
    add_home_page(app)
    setup_signin(app, settings)
    return app
