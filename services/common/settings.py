"""One typed, frozen settings object read once from `ORCAST_*` variables.

Every variable, its default and meaning: `variables.py` (the README's table is made
from it). `environment()` below is the only reader of the process environment.
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Final

Network = IPv4Network | IPv6Network


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message names the variable."""


PREFIX = "ORCAST_"


# Values the example manifests and habit put where a key belongs: never a key.
KEY_PLACEHOLDERS: Final = frozenset({"change-me", "changeme", "secret", "password", "x"})
MIN_SESSION_KEY_BYTES: Final = 32


def _session_key(env: Mapping[str, str]) -> bytes:
    """ORCAST_SESSION_KEY, refused when anyone could guess it: whoever knows the key mints
    a session of any role that every service accepts. Unset: b"" (development derives one
    from the dev secret; sign-in refuses to start without one)."""
    raw = env.get("ORCAST_SESSION_KEY", "")
    if not raw:
        return b""
    if raw.strip().lower() in KEY_PLACEHOLDERS or "change-me" in raw.lower():
        raise ConfigError("ORCAST_SESSION_KEY is a placeholder: set 32+ random bytes "
                          "(openssl rand -base64 32)")
    if len(raw.encode()) < MIN_SESSION_KEY_BYTES:
        raise ConfigError(f"ORCAST_SESSION_KEY must be at least {MIN_SESSION_KEY_BYTES} bytes "
                          "(openssl rand -base64 32): a short key falls to an offline guess")
    return raw.encode()


def environment() -> dict[str, str]:
    """The `ORCAST_*` variables of this process: the one place that reads them, called only
    by `Settings.from_env` and `is_set` below. Every variable is a `Settings` field, each
    listed in `VARIABLES` (tests/common/test_settings_only.py keeps every other reader out
    and checks that the catalogue and the fields agree)."""
    return {k: v for k, v in os.environ.items() if k.startswith(PREFIX)}


def is_set(name: str) -> bool:
    """Whether the environment names `name` at all (a default cannot tell): the audit CLI
    falls back to `orcast dev`'s broker and secret only when none was given."""
    return bool(environment().get(name))


def process_environment() -> dict[str, str]:
    """The whole environment: what a child process inherits (`orcast dev` starts one per
    service), and where secrets live whose variable names a file chooses (the channel
    file's credentials). Never read an `ORCAST_*` variable from it: those are
    `environment()`'s."""
    return dict(os.environ)


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}") from None
    if not value > 0:
        raise ConfigError(f"{name} must be more than 0, got {raw!r}")
    return value


def _seconds_or_off(env: Mapping[str, str], name: str, default: float) -> float:
    """A number of seconds, where 0 switches the behaviour off."""
    raw = env.get(name)
    if raw is not None and raw.strip() in ("0", "0.0"):
        return 0.0
    return _float(env, name, default)


def _minutes_or_off(env: Mapping[str, str], name: str, default: float) -> float:
    """A number of minutes, where 0 switches the behaviour off."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number of minutes (0: off), got {raw!r}") from None
    if not value >= 0 or value == float("inf"):
        raise ConfigError(f"{name} must be 0 or more minutes, got {raw!r}")
    return value


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None


def _at_least(env: Mapping[str, str], name: str, default: float, minimum: float) -> float:
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}, got {raw!r}")
    return value


def _whole_or_off(env: Mapping[str, str], name: str, default: int) -> int:
    """A whole number >= 0, where 0 switches the cap off."""
    raw = env.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(f"{name} must be a whole number >= 0, got {raw!r}")
    return value


def _bounded_int(env: Mapping[str, str], name: str, default: int, minimum: int) -> int:
    raw = env.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}")
    return value


def _seconds_between(env: Mapping[str, str], name: str, default: float,
                     low: float, high: float) -> float:
    raw = env.get(name, "")
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number of seconds, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(f"{name} must be between {low:g} and {high:g}")
    return value


def _networks(env: Mapping[str, str], name: str) -> tuple[Network, ...]:
    found: list[Network] = []
    for part in env.get(name, "").split(","):
        if part.strip():
            try:
                found.append(ip_network(part.strip(), strict=False))
            except ValueError:
                raise ConfigError(f"{name}: {part.strip()!r} is not an address or CIDR") \
                    from None
    return tuple(found)


def _on_off(env: Mapping[str, str], name: str) -> bool | None:
    """`on` / `off`; unset: None (the setting's own default decides)."""
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return None
    if raw not in ("on", "off"):
        raise ConfigError(f"{name} must be on or off, got {raw!r}")
    return raw == "on"


def _path(env: Mapping[str, str], name: str) -> Path | None:
    return Path(raw) if (raw := env.get(name)) else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    kafka_bootstrap: str = "127.0.0.1:9092"
    topic_namespace: str = "orcast"
    data_dir: Path = Path("var")
    database_url: str | None = None
    secret: str | None = None
    jwks_url: str | None = None
    jwt_audience: str = "orcast"
    jwt_issuer: str | None = None
    identifier_key: bytes = field(default=b"", repr=False)
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    # Slow-client guards (services/common/serving.py); WebSockets and event streams are
    # exempt from the body and idle timeouts once their handler runs.
    http_header_timeout: float = 10.0
    http_body_timeout: float = 30.0
    http_idle_timeout: float = 75.0
    http_max_connections_per_ip: int = 100
    instance_id: str = ""
    policy_file: Path | None = None
    channels_file: Path | None = None
    log_format: str = "text"
    log_level: str = "INFO"
    replication_factor: int = 1
    # Tansu completes a group join after half the session timeout; Apache Kafka refuses
    # timeouts under its group.min.session.timeout.ms (6 s by default).
    kafka_session_timeout_ms: int = 10_000
    metrics_token: str | None = field(default=None, repr=False)
    # `<service>.key` for each service this process signs as, `<service>.pub` for all
    event_keys_dir: Path | None = None
    # Ingest refuses new milestones (503) while the pipeline lags past this (0: never).
    ingest_max_lag_seconds: float = 5.0
    # `orcast dev` only: the inherited socket on which the supervisor hands over the
    # connections it accepted for this service (services/dev/handoff.py).
    dev_handoff_fd: int | None = None
    # `orcast dev` only: the inherited socket, already listening on the loopback port
    # this service serves directly (its probes); see services/dev/supervisor.py.
    dev_listen_fd: int | None = None
    # Sign-in for people (services/signin/); unset issuer: no sign-in, bearer tokens only.
    oidc_issuer: str | None = None
    oidc_client_id: str = "orcast"
    oidc_client_secret: str | None = field(default=None, repr=False)
    oidc_role_mapping: Path | None = None
    public_url: str | None = None
    # Signs the session cookie; shared by every service so each verifies it by itself.
    session_key: bytes = field(default=b"", repr=False)
    session_hours: float = 12.0
    # How long one session token lives: the bound on how long another service still takes
    # a signed-out cookie. Only the sign-in service renews it, and not for an ended session.
    session_minutes: float = 15.0
    # A shared OR tablet's screen locks after this long without a touch (0: never); the
    # session itself still lasts ORCAST_SESSION_HOURS. The page reads it from /signin/session.
    tablet_lock_minutes: float = 10.0
    # An ACL-enforcing cluster (kafka_config.security_options); unset: plaintext.
    kafka_security_protocol: str | None = None
    kafka_sasl_mechanism: str | None = None
    kafka_sasl_username: str = ""
    kafka_sasl_password: str = field(default="", repr=False)
    # Consumers' fetch waits (kafka_config.FetchWait) and group heartbeat (0: a fifth of
    # the session; kafka_config.heartbeat_interval_ms).
    fetch_min_wait_ms: int = 5
    fetch_idle_max_wait_ms: int = 500
    kafka_heartbeat_interval_ms: int = 0
    # None: the `schemas/` folder of this checkout (schemas.schemas_dir).
    schemas_dir: Path | None = None
    # `orcast deid`'s word-list cache: "" the user's cache folder, "off" none.
    deid_cache_dir: str = ""
    # Staff who consented to be named (services/deidentify/roster.py); None: every name hidden.
    staff_roster_file: Path | None = None
    # Ingest's rate limit, undo window and status streams (ingest/config.py).
    ingest_rate: float = 5.0
    ingest_burst: int = 60
    ingest_undo_seconds: float = 60.0
    ingest_max_streams: int = 8
    # Viewer sockets per principal and instance (0: no cap).
    live_max_sockets_per_principal: int = 5
    # Audit checkpoints (audit/checkpoints.py) and their witness file (audit/anchors.py;
    # None: `<data dir>/audit-witness.jsonl`).
    audit_signing_key: Path | None = None
    audit_checkpoint_every: int = 1000
    audit_checkpoint_seconds: float = 60.0
    audit_witness_file: Path | None = None
    # Access records (common/access.py): proxies whose X-Forwarded-For counts, and the
    # window in which a repeated read is already on record (0: record every read).
    trusted_proxies: tuple[Network, ...] = ()
    access_repeat_seconds: float = 30.0
    # `orcast dev`'s loopback relay, "host:port" ("off" or unset: none; doorbell.py).
    dev_doorbell: str = ""
    # Join links let a class watch one broadcast without accounts (viewer/joinlinks.py).
    # None: allowed in development (dev secret, no JWKS), refused in production unless on.
    join_links: bool | None = None

    def __post_init__(self) -> None:
        if not self.identifier_key and self.secret and not self.jwks_url:
            # Development only: derive from the dev secret. A JWKS URL is public, so
            # production must set ORCAST_IDENTIFIER_KEY (see `require_identifier_key`).
            key = hashlib.sha256(b"orcast-identifier-key\0" + self.secret.encode()).digest()
            object.__setattr__(self, "identifier_key", key)
        if not self.session_key and self.secret and not self.jwks_url:
            # Development only, as for the identifier key: production sets ORCAST_SESSION_KEY.
            key = hashlib.sha256(b"orcast-session-key\0" + self.secret.encode()).digest()
            object.__setattr__(self, "session_key", key)
        if self.join_links is None:
            object.__setattr__(self, "join_links", bool(self.secret and not self.jwks_url))
        if not self.instance_id:
            object.__setattr__(self, "instance_id", f"{socket.gethostname()}-{os.getpid()}")
        if self.event_keys_dir is None:
            object.__setattr__(self, "event_keys_dir", self.data_dir / "keys")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = environment() if env is None else env
        values: dict[str, object] = {
            "kafka_bootstrap": env.get("ORCAST_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
            "topic_namespace": env.get("ORCAST_TOPIC_NAMESPACE", "orcast"),
            "data_dir": Path(env.get("ORCAST_DATA_DIR", "var")),
            "database_url": env.get("ORCAST_DATABASE_URL") or None,
            "secret": env.get("ORCAST_SECRET") or None,
            "jwks_url": env.get("ORCAST_JWKS_URL") or None,
            "jwt_audience": env.get("ORCAST_JWT_AUDIENCE", "orcast"),
            "jwt_issuer": env.get("ORCAST_JWT_ISSUER") or None,
            "identifier_key": env.get("ORCAST_IDENTIFIER_KEY", "").encode(),
            "http_host": env.get("ORCAST_HTTP_HOST", "127.0.0.1"),
            "http_port": _int(env, "ORCAST_HTTP_PORT", 8080),
            "http_header_timeout": _float(env, "ORCAST_HTTP_HEADER_TIMEOUT", 10.0),
            "http_body_timeout": _float(env, "ORCAST_HTTP_BODY_TIMEOUT", 30.0),
            "http_idle_timeout": _float(env, "ORCAST_HTTP_IDLE_TIMEOUT", 75.0),
            "http_max_connections_per_ip": _int(env, "ORCAST_HTTP_MAX_CONNECTIONS_PER_IP", 100),
            "instance_id": env.get("ORCAST_INSTANCE_ID", ""),
            "policy_file": Path(p) if (p := env.get("ORCAST_POLICY_FILE")) else None,
            "channels_file": Path(p) if (p := env.get("ORCAST_CHANNELS_FILE")) else None,
            "log_format": env.get("ORCAST_LOG_FORMAT", "text"),
            "log_level": env.get("ORCAST_LOG_LEVEL", "INFO"),
            "replication_factor": _int(env, "ORCAST_KAFKA_REPLICATION_FACTOR", 1),
            "kafka_session_timeout_ms": _int(env, "ORCAST_KAFKA_SESSION_TIMEOUT_MS", 10_000),
            "metrics_token": env.get("ORCAST_METRICS_TOKEN") or None,
            "event_keys_dir": Path(p) if (p := env.get("ORCAST_EVENT_KEYS_DIR")) else None,
            "ingest_max_lag_seconds": _seconds_or_off(env, "ORCAST_INGEST_MAX_LAG_SECONDS", 5.0),
            "dev_handoff_fd": _int(env, "ORCAST_DEV_HANDOFF_FD", -1) if
            env.get("ORCAST_DEV_HANDOFF_FD") else None,
            "dev_listen_fd": _int(env, "ORCAST_DEV_LISTEN_FD", -1) if
            env.get("ORCAST_DEV_LISTEN_FD") else None,
            "oidc_issuer": env.get("ORCAST_OIDC_ISSUER") or None,
            "oidc_client_id": env.get("ORCAST_OIDC_CLIENT_ID") or "orcast",
            "oidc_client_secret": env.get("ORCAST_OIDC_CLIENT_SECRET") or None,
            "oidc_role_mapping": Path(p) if (p := env.get("ORCAST_OIDC_ROLE_MAPPING")) else None,
            "public_url": (env.get("ORCAST_PUBLIC_URL") or "").rstrip("/") or None,
            "session_key": _session_key(env),
            "session_hours": _float(env, "ORCAST_SESSION_HOURS", 12.0),
            "session_minutes": _float(env, "ORCAST_SESSION_MINUTES", 15.0),
            "tablet_lock_minutes": _minutes_or_off(env, "ORCAST_TABLET_LOCK_MINUTES", 10.0),
            "kafka_security_protocol": env.get("ORCAST_KAFKA_SECURITY_PROTOCOL") or None,
            "kafka_sasl_mechanism": env.get("ORCAST_KAFKA_SASL_MECHANISM") or None,
            "kafka_sasl_username": env.get("ORCAST_KAFKA_SASL_USERNAME", ""),
            "kafka_sasl_password": env.get("ORCAST_KAFKA_SASL_PASSWORD", ""),
            "fetch_min_wait_ms": _int(env, "ORCAST_FETCH_MIN_WAIT_MS", 5),
            "fetch_idle_max_wait_ms": _int(env, "ORCAST_FETCH_IDLE_MAX_WAIT_MS", 500),
            "kafka_heartbeat_interval_ms": _int(env, "ORCAST_KAFKA_HEARTBEAT_INTERVAL_MS", 0),
            "schemas_dir": _path(env, "ORCAST_SCHEMAS_DIR"),
            "deid_cache_dir": env.get("ORCAST_DEID_CACHE_DIR", ""),
            "staff_roster_file": _path(env, "ORCAST_STAFF_ROSTER_FILE"),
            "ingest_rate": _at_least(env, "ORCAST_INGEST_RATE", 5.0, 0.0),
            "ingest_burst": int(_at_least(env, "ORCAST_INGEST_BURST", 60, 1)),
            "ingest_undo_seconds": _at_least(env, "ORCAST_INGEST_UNDO_SECONDS", 60.0, 0.0),
            "ingest_max_streams": int(_at_least(env, "ORCAST_INGEST_MAX_STREAMS", 8, 1)),
            "live_max_sockets_per_principal":
                _whole_or_off(env, "ORCAST_LIVE_MAX_SOCKETS_PER_PRINCIPAL", 5),
            "audit_signing_key": _path(env, "ORCAST_AUDIT_SIGNING_KEY"),
            "audit_checkpoint_every": _bounded_int(env, "ORCAST_AUDIT_CHECKPOINT_EVERY", 1000, 1),
            "audit_checkpoint_seconds":
                _seconds_between(env, "ORCAST_AUDIT_CHECKPOINT_SECONDS", 60.0, 0.05, 3600),
            "audit_witness_file": _path(env, "ORCAST_AUDIT_WITNESS_FILE"),
            "trusted_proxies": _networks(env, "ORCAST_TRUSTED_PROXIES"),
            "access_repeat_seconds":
                _seconds_between(env, "ORCAST_ACCESS_REPEAT_SECONDS", 30.0, 0, 3600),
            "dev_doorbell": env.get("ORCAST_DEV_DOORBELL", ""),
            "join_links": _on_off(env, "ORCAST_JOIN_LINKS"),
        }
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def require_auth(self) -> None:
        if not self.secret and not self.jwks_url:
            raise ConfigError("set ORCAST_SECRET (development) or ORCAST_JWKS_URL (production)")

    def require_identifier_key(self) -> bytes:
        if not self.identifier_key:
            raise ConfigError("set ORCAST_IDENTIFIER_KEY (secret key for patient-identifier "
                              "hashes; required with ORCAST_JWKS_URL)")
        return self.identifier_key

    def topic(self, short_name: str) -> str:
        return f"{self.topic_namespace}.{short_name}"

    def database_url_for(self, service: str) -> str:
        """SQLite gets one file per service (no cross-service lock contention)."""
        if self.database_url:
            url = self.database_url
            if url.startswith("postgresql://"):
                url = "postgresql+asyncpg://" + url.removeprefix("postgresql://")
            elif url.startswith("sqlite:///"):
                url = "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
            return url
        return f"sqlite+aiosqlite:///{self.data_dir / f'{service}.db'}"
