"""One attempt to post one outbox row, and why it can never post twice.

Order of work: render the text (once; it is frozen with the attempt), settle
any earlier attempt that may have gone through, record the attempt
(`attempt_started_at`, `in_doubt_since`, the idempotency key, text and reply
refs) and only then call the network, then record the outcome.

How each way of posting twice is closed, per case and network:

1. Kafka redelivers `updates.approved`, or a second event names the same
   update (all networks): `claim_event` in the intake's transaction, and the
   (update, channel) primary key; no second row, so no second post.
2. A crash after the HTTP call and before its outcome is stored (the row
   still carries `in_doubt_since`), or
3. a retry after a timeout, a dropped connection or a 5xx other than a plain
   503 (`PublishError.in_doubt`; the post may exist):
   - Mastodon: re-sent with the same `Idempotency-Key`; Mastodon answers a
     repeat with the status it already created. Keys live about an hour, so
     past `KEY_WINDOW` we call `find_existing` (own statuses) first.
   - Bluesky: no idempotency key; `find_existing` (listRecords: same text,
     same reply parent, createdAt not before the attempt) before re-posting.
     Found → adopted as posted, nothing re-sent.
   - X: no idempotency key; `find_existing` (own timeline since the attempt,
     links masked) before re-posting. X also refuses identical live text
     (403 duplicate), which the adapter turns into adopting the original.
   - webhook: re-sent with the same `webhook-id` (derived from the key);
     Standard Webhooks obliges receivers to drop a repeated id.
4. A plain 503, a 429, a refused connection or a 4xx: the network did not
   apply it; a plain retry (still with the same key / webhook-id).

A lookup that finds nothing clears the doubt before the re-post; a lookup
that fails leaves it in place for the next attempt. Retractions of rows in
doubt use the same lookups (retraction.py). The window left open: a network
that stores a post but only lists it after our lookup (eventual
consistency) could see it twice; none of the four documents such lag for an
account's own records.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from services.common.store import StoreUnavailable

from . import metrics, threads
from .adapters.base import PostRequest
from .adapters.errors import PublishError, RateLimited
from .context import ChannelContext
from .ledger import ref_from
from .render import FitError, Update, render

logger = logging.getLogger(__name__)

Row = sa.Row[Any]

KEY_WINDOW = 50 * 60.0  # Mastodon keeps an Idempotency-Key about an hour
# Reset headers in epoch seconds are truncated, so a retry at the stated second can
# still be early; waiting at least this long after a 429 keeps it to one repeat.
MIN_RATE_LIMIT_WAIT = 1.0
CLOCK_SKEW = 5.0  # look back this much further than the attempt began


def needs_lookup(kind: str, doubt_since: float, now: float) -> bool:
    """Before re-posting a row that may already be live: ask the network first?"""
    if kind == "webhook":
        return False  # same webhook-id; receivers deduplicate
    if kind == "mastodon":
        return now - doubt_since > KEY_WINDOW  # else the same Idempotency-Key settles it
    return True


def since(doubt_since: float) -> datetime:
    return datetime.fromtimestamp(doubt_since - CLOCK_SKEW, UTC)


async def post(ctx: ChannelContext, row: Row) -> None:
    """One attempt for `row`; every outcome is written to the outbox before returning."""
    cid = ctx.channel.id
    attempts = row.attempts + 1
    prior = row.in_doubt_since  # an earlier write may have gone through
    started: float | None = None
    try:
        text = row.text or render(
            Update(row.procedure_name, row.milestone_label, row.note, ctx.channel.hashtags,
                   ctx.channel.link_for(row.broadcast_id)),
            await ctx.adapter.limits())
        if prior is not None:
            reply, root, reply_seq = (ref_from(row.reply_to), ref_from(row.thread_root),
                                      row.reply_to_seq)
        else:
            async with ctx.store.engine.connect() as conn:
                reply, root, reply_seq = await threads.reply_refs(conn, row)
        earlier = since(prior) if prior is not None else None
        request = PostRequest(text, row.idempotency_key, reply, root,
                              earlier_attempt_since=earlier)
        if earlier is not None and needs_lookup(row.channel_kind, prior, ctx.clock()):
            found = await ctx.adapter.find_existing(request, since=earlier)
            ctx.breaker.record(None)
            if found is not None:
                logger.info("channel %s: update %s was already posted as %s; adopted",
                            cid, row.update_id, found.remote_id)
                await ctx.ledger.posted(row, found, attempts=row.attempts,
                                        reply_to_seq=reply_seq, adopted=True)
                return
            prior = None  # looked: the earlier attempt did not land
        await ctx.bucket.acquire()
        started = await ctx.ledger.start_attempt(
            row, text=text, reply=reply, root=root, reply_seq=reply_seq, doubt_since=prior,
            fence=ctx.fence)
        if started is None:
            return  # retracted meanwhile, or another instance holds the channel
        with metrics.CALL_SECONDS.labels(cid, "post").time():
            ref = await ctx.adapter.post(request)
    except (PublishError, FitError) as err:
        if isinstance(err, PublishError):
            ctx.breaker.record(err)
        await _failed(ctx, row, err, attempts, prior, started)
        return
    except StoreUnavailable:
        raise  # not the network's fault; the worker retries the row as it stands
    except Exception as err:  # a malformed answer or a bug: retried, never re-posted blind
        logger.warning("channel %s: update %s attempt %d raised %s", cid, row.update_id,
                       attempts, type(err).__name__)
        await _failed(ctx, row, err, attempts, prior, started)
        return
    ctx.breaker.record(None)
    await ctx.after_call(row)
    await ctx.ledger.posted(row, ref, attempts=attempts, reply_to_seq=reply_seq)
    logger.info("channel %s: update %s seq %d posted as %s (attempt %d)", cid, row.update_id,
                row.seq, ref.remote_id, attempts)


async def _failed(ctx: ChannelContext, row: Row, err: Exception, attempts: int,
                  prior: float | None, started: float | None) -> None:
    now = ctx.clock()
    in_doubt = started is not None and (
        getattr(err, "in_doubt", False) or not isinstance(err, PublishError))
    doubt_since = (prior if prior is not None else started) if in_doubt else prior
    counter: str | None = None
    if isinstance(err, RateLimited):
        # The network is fine, just busy: hold the whole channel until its reset
        # time and do not spend one of the row's attempts on it.
        wait = max(MIN_RATE_LIMIT_WAIT, ctx.backoff.delay(attempts, err.retry_after))
        ctx.bucket.pause(wait)
        retry_at: float | None = now + wait
        attempts -= 1
        counter = f"429-{retry_at:.3f}"
    elif isinstance(err, PublishError):
        delay = ctx.backoff.next_delay(err, attempts, ctx.channel.max_attempts)
        retry_at = None if delay is None else now + delay
    elif isinstance(err, FitError):
        retry_at = None
    else:
        retry_at = now + ctx.backoff.delay(attempts) \
            if attempts < ctx.channel.max_attempts else None
    error = str(err) if isinstance(err, PublishError | FitError) else type(err).__name__
    state = await ctx.ledger.failed(row, error, attempts=attempts, retry_at=retry_at,
                                    doubt_since=doubt_since, counter=counter)
    logger.info("channel %s: update %s seq %d %s after attempt %d%s", ctx.channel.id,
                row.update_id, row.seq, state, attempts, " (in doubt)" if doubt_since else "")
