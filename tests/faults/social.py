"""Recording fake networks for the publisher process: a channel file and the env it needs.

Two `students` channels (Mastodon and Bluesky), so every auto-approved update
is posted twice, once per channel. Bluesky's createRecord has no idempotency
key, so a post the publisher makes twice shows up twice in the fake.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.fakes.social import (
    CREDENTIALS,
    FakeBluesky,
    FakeMastodon,
    FakeNetwork,
    Running,
    env_for,
    serve,
)


@dataclass
class Social:
    networks: dict[str, Running[FakeNetwork]]
    channels_file: Path
    env: dict[str, str]

    def caught_up(self, total: int) -> Callable[[], Awaitable[object]]:
        async def check() -> object:
            counts = {name: len(r.fake.live_posts()) for name, r in self.networks.items()}
            return all(n >= total for n in counts.values())

        return check

    def check_once(self, expected: dict[str, list[str]]) -> None:
        """Each expected note in exactly one live post on every network."""
        notes = [n for by_case in expected.values() for n in by_case]
        pattern = re.compile(r"step \d{3} of case \d{2}")
        for name, running in self.networks.items():
            posts = running.fake.live_posts()
            found = [m.group(0) for p in posts for m in pattern.finditer(p.text)]
            twice = sorted({n for n in found if found.count(n) > 1})
            assert twice == [], f"{name} got these updates twice: {twice[:5]}"
            missing = sorted(set(notes) - set(found))
            assert missing == [], f"{name} never got: {missing[:5]}"


@asynccontextmanager
async def social_fakes(root: Path) -> AsyncIterator[Social]:
    async with AsyncExitStack() as stack:
        networks: dict[str, Running[FakeNetwork]] = {
            "mastodon": await stack.enter_async_context(serve(FakeMastodon())),
            "bluesky": await stack.enter_async_context(serve(FakeBluesky())),
        }
        env: dict[str, str] = {}
        channels = []
        for kind, running in networks.items():
            env.update(env_for(running.fake))
            channels.append({
                "id": f"{kind}-students", "kind": kind, "base_url": running.url,
                "audience": "students", "credentials": CREDENTIALS[kind],
                "rate_limit": {"per_second": 1000, "burst": 1000},
                "timeout_seconds": 5,
            })
        path = root / "channels.json"
        path.write_text(json.dumps({"channels": channels}), encoding="utf-8")
        env["ORCAST_CHANNELS_FILE"] = str(path)
        yield Social(networks, path, env)
