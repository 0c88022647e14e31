"""The viewer's role matrix, driven by the x-roles in schemas/openapi/viewer.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml

from services.common.auth import ROLES

from .conftest import Viewer, check_frame

SPEC = Path(__file__).resolve().parents[2] / "schemas" / "openapi" / "viewer.yaml"


def declared(path: str) -> list[str]:
    return list(yaml.safe_load(SPEC.read_text())["paths"][path]["get"]["x-roles"])


async def test_live_list_admits_exactly_the_declared_roles(viewer: Viewer) -> None:
    url = str(viewer.server.make_url("/api/v1/live/cases"))
    for role in ROLES:
        async with viewer.session.get(
                url, headers={"Authorization": f"Bearer {viewer.token(role)}"}) as response:
            assert response.status == (200 if role in declared("/api/v1/live/cases") else 403)
            if response.status == 200:
                check_frame(await response.json(), "cases")
    async with viewer.session.get(url) as response:
        assert response.status == 401


async def test_live_socket_admits_exactly_the_declared_roles(viewer: Viewer) -> None:
    for role in ROLES:
        live = await viewer.connect(role=role, first_frame=True)
        await live.send({"type": "list"})
        if role in declared("/api/v1/live"):
            assert (await live.next("cases"))["type"] == "cases"
        else:
            code, _ = await live.closed()
            assert code == 4403
        await live.close()
