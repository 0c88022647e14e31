"""A client that stops reading is cut off (1013) without delaying anyone else."""

from __future__ import annotations

import time

from services.common.auth import issue_token
from services.viewer.connection import Limits
from tests.support.stack import eventually

from .conftest import StalledClient, StartViewer
from .feed import Feed
from .test_live import known, seqs

NOTE = "Dissection continues along the hepatocystic triangle. " * 35  # ~1.9 KB


async def test_stalled_client_is_cut_off_while_another_keeps_receiving_on_time(
        start_viewer: StartViewer, feed: Feed) -> None:
    viewer = await start_viewer(Limits(send_buffer=16 * 1024, socket_send_buffer=16 * 1024,
                                               close_grace=20))
    case = await feed.case()
    await known(viewer, case.broadcast_id)
    healthy = await viewer.connect()
    await healthy.subscribe(case.broadcast_id)
    other = issue_token(viewer.settings, sub="stalled-student", role="student")
    stalled = await StalledClient.open(f"{viewer.url}?access_token={other}",
                                       case.broadcast_id)

    async def both_watching() -> bool:  # two principals, so two viewers
        return viewer.hub.viewers(case.broadcast_id) == 2

    await eventually(both_watching, 10)
    lags: list[float] = []
    seq = 0
    while viewer.hub.viewers(case.broadcast_id) == 2:
        seq += 1
        assert seq <= 400, "the stalled client was never cut off"
        await feed.approve(case, seq, text=NOTE)
        acked = time.monotonic()
        [update] = await healthy.updates(1)
        lags.append(time.monotonic() - acked)
        assert update["seq"] == seq
    for _ in range(3):  # and after the cut, the healthy client carries on
        seq += 1
        await feed.approve(case, seq, text=NOTE)
        acked = time.monotonic()
        assert seqs(await healthy.updates(1)) == [seq]
        lags.append(time.monotonic() - acked)
    assert max(lags) < 2.0, f"a healthy client waited {max(lags):.2f}s"

    # The stalled client, reading at last: an unbroken prefix, then close 1013.
    frames, code = await stalled.drain()
    stalled.close()
    assert code == 1013
    assert frames[0]["type"] == "snapshot"
    got = [f["seq"] for f in frames if f["type"] == "update"]
    assert got == list(range(1, len(got) + 1)) and len(got) < seq
    # It resumes from the last seq it holds and gets exactly the rest.
    again = await viewer.connect()
    snapshot = await again.subscribe(case.broadcast_id, after_seq=got[-1] if got else 0)
    assert seqs(snapshot["updates"]) == list(range(len(got) + 1, seq + 1))
    await again.close()
    await healthy.close()
