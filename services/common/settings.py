"""One typed, frozen settings object read once from `ORCAST_*` variables.

| variable | default | meaning |
|---|---|---|
| ORCAST_KAFKA_BOOTSTRAP | 127.0.0.1:9092 | Kafka bootstrap servers |
| ORCAST_TOPIC_NAMESPACE | orcast | topic prefix (`<ns>.milestones.submitted`) |
| ORCAST_DATABASE_URL | sqlite under data dir | SQLAlchemy URL; `postgresql://…` allowed |
| ORCAST_DATA_DIR | var | SQLite files, dev tokens, checkpoint keys |
| ORCAST_EVENT_KEYS_DIR | `<data dir>/keys` | own `<service>.key`, every `<service>.pub` |
| ORCAST_SECRET | (required unless JWKS) | HS256 secret for development tokens |
| ORCAST_JWKS_URL | — | identity provider JWKS URL (production) |
| ORCAST_JWT_AUDIENCE | orcast | expected `aud` claim |
| ORCAST_JWT_ISSUER | — | expected `iss` claim when set |
| ORCAST_IDENTIFIER_KEY | from dev secret | HMAC key for identifier hashes (production: required) |
| ORCAST_KAFKA_REPLICATION_FACTOR | 1 | replication factor used by `orcast topics create` |
| ORCAST_KAFKA_SESSION_TIMEOUT_MS | 10000 | consumer-group session timeout (dev/tests: 2000) |
| ORCAST_HTTP_HOST / ORCAST_HTTP_PORT | 127.0.0.1 / 8080 | HTTP listener |
| ORCAST_HTTP_HEADER_TIMEOUT | 10 | seconds for a request's headers to arrive in full |
| ORCAST_HTTP_BODY_TIMEOUT | 30 | seconds for a request's body to arrive in full (408) |
| ORCAST_HTTP_IDLE_TIMEOUT | 75 | seconds an idle keep-alive connection stays open |
| ORCAST_HTTP_MAX_CONNECTIONS_PER_IP | 100 | open connections per client address (0: no cap) |
| ORCAST_INSTANCE_ID | hostname-pid | names this instance (viewer consumer group) |
| ORCAST_POLICY_FILE | bundled policy | approval policy (YAML/JSON) |
| ORCAST_CHANNELS_FILE | none | publisher channel file |
| ORCAST_LOG_FORMAT | text | `json` for JSON lines |
| ORCAST_LOG_LEVEL | INFO | log level |
| ORCAST_METRICS_TOKEN | — | scrape bearer for `/metrics` (else admin tokens only) |
| ORCAST_INGEST_MAX_LAG_SECONDS | 5 | ingest's 503 bound on the pipeline's lag (0: never) |
| ORCAST_DEV_HANDOFF_FD | — | set by `orcast dev` for its children: connections arrive here too |
| ORCAST_OIDC_ISSUER | — | people sign in through this OpenID Connect provider (discovery) |
| ORCAST_OIDC_CLIENT_ID | orcast | ORcast's client id at the provider |
| ORCAST_OIDC_CLIENT_SECRET | — | its client secret (confidential client, with PKCE) |
| ORCAST_OIDC_ROLE_MAPPING | — | groups/roles → ORcast roles (schemas/oidc-role-mapping.json) |
| ORCAST_PUBLIC_URL | from the request | the address people use (`https://…` makes cookies Secure) |
| ORCAST_SESSION_KEY | from dev secret | HMAC key every service verifies session cookies with |
| ORCAST_SESSION_HOURS | 12 | a sign-in lasts this long (one shift) |
"""

from __future__ import annotations

import hashlib
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(RuntimeError):
    """A setting is missing or malformed; the message names the variable."""


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


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from None


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
    # Sign-in for people (services/signin.py); unset issuer: no sign-in, bearer tokens only.
    oidc_issuer: str | None = None
    oidc_client_id: str = "orcast"
    oidc_client_secret: str | None = field(default=None, repr=False)
    oidc_role_mapping: Path | None = None
    public_url: str | None = None
    # Signs the session cookie; shared by every service so each verifies it by itself.
    session_key: bytes = field(default=b"", repr=False)
    session_hours: float = 12.0

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
        if not self.instance_id:
            object.__setattr__(self, "instance_id", f"{socket.gethostname()}-{os.getpid()}")
        if self.event_keys_dir is None:
            object.__setattr__(self, "event_keys_dir", self.data_dir / "keys")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        env = os.environ if env is None else env
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
            "oidc_issuer": env.get("ORCAST_OIDC_ISSUER") or None,
            "oidc_client_id": env.get("ORCAST_OIDC_CLIENT_ID") or "orcast",
            "oidc_client_secret": env.get("ORCAST_OIDC_CLIENT_SECRET") or None,
            "oidc_role_mapping": Path(p) if (p := env.get("ORCAST_OIDC_ROLE_MAPPING")) else None,
            "public_url": (env.get("ORCAST_PUBLIC_URL") or "").rstrip("/") or None,
            "session_key": env.get("ORCAST_SESSION_KEY", "").encode(),
            "session_hours": _float(env, "ORCAST_SESSION_HOURS", 12.0),
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
