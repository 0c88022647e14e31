"""Every `ORCAST_*` variable: its name, default and meaning, in the order the README
lists them. `scripts/config_table.py` writes the README's configuration table from this
(`--check` fails when they differ), and tests/common/test_settings_only.py checks that
every variable the code reads is here and that only `settings.py` reads the environment.
"""

from __future__ import annotations

from typing import NamedTuple


class Variable(NamedTuple):
    name: str  # "A / B" for two that go together
    default: str
    meaning: str

    def names(self) -> tuple[str, ...]:
        return tuple(n.strip() for n in self.name.split("/"))


VARIABLES: tuple[Variable, ...] = (
    Variable('ORCAST_KAFKA_BOOTSTRAP', '`127.0.0.1:9092`',
             'Kafka bootstrap servers (`orcast dev` starts its own broker unless set)'),
    Variable('ORCAST_TOPIC_NAMESPACE', '`orcast`',
             'topic prefix: `<ns>.milestones.submitted`, …'),
    Variable('ORCAST_KAFKA_SESSION_TIMEOUT_MS', '`10000`',
             'consumer-group session timeout (dev: 2000, Tansu joins after half of it)'),
    Variable('ORCAST_FETCH_IDLE_MAX_WAIT_MS', '`500`',
             'longest fetch wait once a consumer is idle (5 ms while records flow); on Tansu the '
             'first record after a lull may wait this long per hop'),
    Variable('ORCAST_FETCH_MIN_WAIT_MS', '`5`',
             'fetch wait while records flow; on Tansu each hop may wait this long, on Kafka a '
             'longer wait costs nothing'),
    Variable('ORCAST_KAFKA_HEARTBEAT_INTERVAL_MS', 'a fifth of the session',
             'consumer-group heartbeat (capped at a third of the session; `orcast dev`: 1000)'),
    Variable('ORCAST_KAFKA_REPLICATION_FACTOR', '`1`',
             'replication factor for `orcast topics create` (≥3 also sets '
             '`min.insync.replicas=2`)'),
    Variable('ORCAST_KAFKA_SECURITY_PROTOCOL', '—',
             'e.g. `SASL_SSL` for an ACL-enforcing cluster'),
    Variable('ORCAST_KAFKA_SASL_MECHANISM', '—',
             'SASL mechanism, e.g. `SCRAM-SHA-512` (principal `User:orcast-<service>`)'),
    Variable('ORCAST_KAFKA_SASL_USERNAME', '—',
             'SASL user name'),
    Variable('ORCAST_KAFKA_SASL_PASSWORD', '—',
             'SASL password (a secret: never logged)'),
    Variable('ORCAST_DATABASE_URL', 'SQLite file per service under the data dir',
             '`postgresql://user@host/db` in production'),
    Variable('ORCAST_DATA_DIR', '`var`',
             'SQLite files, dev secret and dev tokens'),
    Variable('ORCAST_EVENT_KEYS_DIR', '`<data dir>/keys`',
             'event signing keys: `<service>.key` (PKCS8 PEM, 0600) for each service this process '
             'signs as, `<service>.pub` for every service; `orcast dev` makes them all on first '
             'start'),
    Variable('ORCAST_SECRET', 'generated per data dir by `orcast dev`',
             'HS256 secret for development tokens'),
    Variable('ORCAST_JWKS_URL', '—',
             'identity provider JWKS URL (production token verification)'),
    Variable('ORCAST_JWT_AUDIENCE', '`orcast`',
             'required `aud` claim'),
    Variable('ORCAST_JWT_ISSUER', '—',
             'required `iss` claim when set'),
    Variable('ORCAST_IDENTIFIER_KEY', 'derived from the dev secret',
             'HMAC key for patient-identifier hashes; required in production'),
    Variable('ORCAST_HTTP_HOST / ORCAST_HTTP_PORT', '`127.0.0.1` / `8080`',
             'HTTP listener'),
    Variable('ORCAST_HTTP_HEADER_TIMEOUT', '`10`',
             "seconds for a request's headers to arrive, from connect (or a kept-alive request's "
             'first byte); then the connection is closed'),
    Variable('ORCAST_HTTP_BODY_TIMEOUT', '`30`',
             "seconds for a request's body to arrive after its headers; then 408 and close"),
    Variable('ORCAST_HTTP_IDLE_TIMEOUT', '`75`',
             'seconds a kept-alive connection may sit without a request. WebSockets and status '
             'streams are exempt from these three'),
    Variable('ORCAST_HTTP_MAX_CONNECTIONS_PER_IP', '`100`',
             'open connections per peer address; one more is answered 503 and closed; `0` '
             'disables. Behind a reverse proxy the proxy is the peer: raise it (or 0) and cap per '
             'client at the proxy'),
    Variable('ORCAST_INSTANCE_ID', '`hostname-pid`',
             'names this instance'),
    Variable('ORCAST_POLICY_FILE', 'built-in policy',
             'approval policy (YAML or JSON, `schemas/approval-policy.json`), reloaded on change'),
    Variable('ORCAST_CHANNELS_FILE', 'none (publisher idle)',
             'social channels (`schemas/channels.json`, example in '
             '`deploy/channels.example.yaml`)'),
    Variable('ORCAST_METRICS_TOKEN', '—',
             'bearer a Prometheus scraper sends to `/metrics`; without it only admin tokens read '
             'metrics (`deploy/prometheus/scrape-config.yaml`)'),
    Variable('ORCAST_LOG_FORMAT', '`text`',
             '`json` for JSON lines'),
    Variable('ORCAST_LOG_LEVEL', '`INFO`',
             'log level'),
    Variable('ORCAST_SCHEMAS_DIR', '`schemas/` of the checkout',
             'where the JSON Schemas live'),
    Variable('ORCAST_DEID_CACHE_DIR', "the user's cache folder (`~/.cache/orcast`)",
             'where `orcast deid` keeps its folded word lists between runs (start-up ~0.3 s '
             'faster); `off` keeps none'),
    Variable('ORCAST_STAFF_ROSTER_FILE', 'none: every name hidden',
             'staff who consented to be named (UTF-8, one full name a line, "Given Surname" or '
             '"Surname, Given", `#` comments), read at start: the full name, or the surname '
             'right after a staff title or role ("Dr. Quandt is closing"), stays in what is '
             'published; any other name, staff or not, is hidden ("Dr. [NAME]"), and a '
             'rostered name after a patient or relative cue ("pt Quandt", "husband Mr. '
             'Quandt") or that is the case\'s own patient is hidden too. A line with one name '
             'word besides titles and credentials ("Dr. Lee") is refused at start'),
    Variable('ORCAST_INGEST_RATE', '`5`',
             'milestones per second per principal (token bucket refill); `0` disables'),
    Variable('ORCAST_INGEST_BURST', '`60`',
             "bucket size: a tablet flushing a whole procedure's offline queue at once"),
    Variable('ORCAST_INGEST_UNDO_SECONDS', '`60`',
             'grace window in which the author may withdraw an update'),
    Variable('ORCAST_INGEST_MAX_STREAMS', '`8`',
             'concurrent status streams (SSE) per principal'),
    Variable('ORCAST_INGEST_MAX_LAG_SECONDS', '`5`',
             "when updates already accepted wait longer than this for the approval gate's "
             'decision, ingest answers new milestones 503 `pipeline_behind` with `Retry-After` '
             '(the tablet keeps them queued and says "Delayed"); `/readyz` check '
             '`ingest.pipeline_lag` and metric `orcast_ingest_pipeline_lag_seconds` say the same; '
             '`0` never refuses'),
    Variable('ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL', '`5`',
             'open live sockets per principal and viewer instance (`0`: no cap); one more closes '
             'with 4429'),
    Variable('ORCAST_AUDIT_SIGNING_KEY', 'none (checkpoints unsigned)',
             'Ed25519 private key (PEM path) that signs audit checkpoints; make one with `orcast '
             'audit keygen --out FILE`'),
    Variable('ORCAST_AUDIT_CHECKPOINT_EVERY', '`1000`',
             'audit records between signed checkpoints'),
    Variable('ORCAST_AUDIT_CHECKPOINT_SECONDS', '`60`',
             'longest a new audit record waits for its signed, anchored checkpoint'),
    Variable('ORCAST_AUDIT_WITNESS_FILE', '`<data dir>/audit-witness.jsonl`',
             'append-only file (only audit writes it) holding every signed checkpoint; `verify` '
             'compares the log with it and with topic `audit.checkpoints`'),
    Variable('ORCAST_TRUSTED_PROXIES', 'none',
             'addresses/CIDRs of reverse proxies whose `X-Forwarded-For` names the client in '
             'access records'),
    Variable('ORCAST_ACCESS_REPEAT_SECONDS', '`30`',
             'the same person re-reading the same record from the same address within this window '
             'is already on record (polling pages); `0` records every read'),
    Variable('ORCAST_OIDC_ISSUER', '—',
             'people sign in through this OpenID Connect provider (found by discovery); unset: '
             'bearer tokens only'),
    Variable('ORCAST_OIDC_CLIENT_ID', '`orcast`',
             "ORcast's client id at the provider"),
    Variable('ORCAST_OIDC_CLIENT_SECRET', '—',
             'its client secret (a confidential client, with PKCE)'),
    Variable('ORCAST_OIDC_ROLE_MAPPING', '—',
             "the provider's groups/roles → ORcast roles (`schemas/oidc-role-mapping.json`); no "
             'mapping, no role'),
    Variable('ORCAST_PUBLIC_URL', 'from the request',
             'the address people use (`https://…`: Secure `__Host-` cookies); sign-in and join '
             'links refuse to start without an https one, except on loopback in development'),
    Variable('ORCAST_SESSION_KEY', 'from the dev secret',
             'HMAC key every service verifies session cookies with (production: required); 32+ '
             'bytes, a placeholder or shorter key is refused'),
    Variable('ORCAST_SESSION_HOURS', '`12`',
             'a sign-in lasts this long (one shift)'),
    Variable('ORCAST_SESSION_MINUTES', '`15`',
             'one session token lives this long, renewed by the sign-in service while the sign-in '
             'lasts; the longest another service still takes a cookie after sign-out'),
    Variable('ORCAST_TABLET_LOCK_MINUTES', '`10`',
             "the OR tablet's screen locks after this many minutes untouched (re-sign-in opens "
             'it; its offline queue is kept); `0` never locks'),
    Variable('ORCAST_JOIN_LINKS', '`on` in development, else `off`',
             'instructors may make join links: a class watches one broadcast without accounts '
             '(`off`: students sign in)'),
    Variable('ORCAST_DEV_DOORBELL', 'set by `orcast dev`',
             "the loopback relay idle consumers sleep on (Tansu cannot end a waiting fetch); "
             '`off` runs `orcast dev` without it'),
    Variable('ORCAST_DEV_HANDOFF_FD', '—',
             'set by `orcast dev` for its children: connections arrive on this inherited socket '
             'too'),
    Variable('ORCAST_DEV_LISTEN_FD', '—',
             'set by `orcast dev` for its children: the inherited socket, already listening, '
             'they serve their own loopback port on (instead of `ORCAST_HTTP_PORT`)'),
)


def table() -> str:
    """The README's configuration table (markdown)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for v in VARIABLES:
        name = " / ".join(f"`{n}`" for n in v.names())
        rows.append(f"| {name} | {v.default} | {v.meaning} |")
    return "\n".join(rows) + "\n"
