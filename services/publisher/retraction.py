"""Deleting what a retraction withdrew, on the channel's own worker, until it is gone.

The intake (outbox.py) cancels rows that never left and flags the rest
`retract`. Here each flagged row is settled:

- posted (or delete_failed): DELETE on the network; success or "already
  gone" (404, RecordNotFound, 410 for webhooks) → `deleted`; any failure →
  `delete_failed` and another try after backoff, however long it takes
  (a consent revocation does not expire);
- written but in doubt (a crash or timeout during its post): Bluesky, X and
  Mastodon are asked with `find_existing`; a post found is adopted as
  `posted` and deleted on the next turn, none found → `cancelled`. A webhook
  cannot be asked, so its receiver is sent the deletion for the message id
  the post would have had (receivers ignore ids they never processed).

Deletion goes before posting on each channel: a revocation is a kill switch.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa

from . import metrics
from .adapters.base import PostRequest, RemoteRef
from .adapters.errors import PublishError
from .adapters.webhook import message_id
from .attempt import since
from .context import ChannelContext
from .ledger import posted_ref, ref_from

logger = logging.getLogger(__name__)

Row = sa.Row[Any]


async def settle(ctx: ChannelContext, row: Row) -> None:
    if row.state in ("posted", "delete_failed"):
        await _delete(ctx, row, posted_ref(row))
    elif row.in_doubt_since is None or row.text is None:
        # Its attempt was in flight at the retraction and then failed for certain.
        await ctx.ledger.cancel(row)
    elif row.channel_kind == "webhook":
        ref = RemoteRef(message_id(ctx.channel.id, row.idempotency_key), None)
        await _delete(ctx, row, ref)
    else:
        await _resolve(ctx, row)


async def _delete(ctx: ChannelContext, row: Row, ref: RemoteRef) -> None:
    await ctx.bucket.acquire()
    try:
        with metrics.CALL_SECONDS.labels(ctx.channel.id, "delete").time():
            await ctx.adapter.delete(ref)
    except PublishError as err:
        ctx.breaker.record(err)
        await _failed(ctx, row, err)
        return
    ctx.breaker.record(None)
    await ctx.ledger.deleted(row, remote_id=ref.remote_id)
    logger.info("channel %s: update %s seq %d deleted (%s)", ctx.channel.id, row.update_id,
                row.seq, row.retract_reason or "retracted")


async def _resolve(ctx: ChannelContext, row: Row) -> None:
    assert row.text is not None and row.in_doubt_since is not None
    request = PostRequest(row.text, row.idempotency_key, ref_from(row.reply_to),
                          ref_from(row.thread_root))
    try:
        found = await ctx.adapter.find_existing(request, since=since(row.in_doubt_since))
    except PublishError as err:
        ctx.breaker.record(err)
        await _failed(ctx, row, err)
        return
    ctx.breaker.record(None)
    if found is None:
        await ctx.ledger.cancel(row)
        logger.info("channel %s: update %s never landed; cancelled", ctx.channel.id,
                    row.update_id)
    else:
        await ctx.ledger.posted(row, found, attempts=row.attempts,
                                reply_to_seq=row.reply_to_seq, adopted=True)


async def _failed(ctx: ChannelContext, row: Row, err: PublishError) -> None:
    attempts = row.delete_attempts + 1
    if err.retry_after is not None:
        ctx.bucket.pause(err.retry_after)
    retry_at = ctx.clock() + ctx.backoff.delay(attempts, err.retry_after)
    await ctx.ledger.delete_failed(row, str(err), retry_at=retry_at)
    logger.info("channel %s: deleting update %s failed (attempt %d); retrying", ctx.channel.id,
                row.update_id, attempts)
