"""`orcast audit …`: verify and export the audit log straight from its database.

    orcast audit verify                                   exit 0 intact, 1 broken
    orcast audit export --format csv|jsonl|fhir [--out FILE] [--case-id ID] [--since T] …
    orcast audit keygen --out FILE                        a new Ed25519 signing key (PEM)

Reads ORCAST_DATABASE_URL / ORCAST_DATA_DIR like the service; with no key set, the
checkpoint key of `orcast dev` (its data dir's `dev-secret`) is used, and with no broker
set the one `orcast dev` runs (its data dir's `dev-broker`). `verify` also compares the
log with the newest anchor in the witness file and on the `audit.checkpoints` topic (a
broker that cannot be reached is reported, not fatal).
These reads are audited like the API's: the actor is `cli:<os user>`.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import os
import sys
from pathlib import Path
from typing import IO

from services.common.auth import Principal
from services.common.broker import BROKER_ADDRESS_FILE
from services.common.settings import ConfigError, Settings, is_set
from services.common.store import Store

from . import export, search
from .anchors import KafkaAnchor, WitnessFile
from .checkpoints import generate_pem, signer_for
from .errors import BadFilter
from .log import AuditLog, recorded_time
from .tables import MIGRATIONS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orcast audit", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("verify", help="recompute the chain and checkpoints")
    out = sub.add_parser("export", help="stream the log as CSV, JSON Lines or a FHIR Bundle")
    out.add_argument("--format", choices=sorted(export.FORMATS), default="jsonl")
    out.add_argument("--out", type=Path, default=None, help="file (default: stdout)")
    for name in ("case-id", "broadcast-id", "actor", "action", "since", "until"):
        out.add_argument(f"--{name}", default=None)
    key = sub.add_parser("keygen", help="write a new Ed25519 private key for checkpoints")
    key.add_argument("--out", type=Path, required=True)
    return parser


def _actor() -> Principal:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return Principal(sub=f"cli:{user}", role="admin")


async def _open(settings: Settings) -> AuditLog:
    store = Store(settings.database_url_for("audit"), service="audit", migrations=MIGRATIONS)
    await store.open()
    anchors = (WitnessFile.for_settings(settings), KafkaAnchor(settings, None, timeout=3.0))
    return AuditLog(store, signer=signer_for(settings),
                    checkpoint_every=settings.audit_checkpoint_every,
                    anchors=anchors)


def _settings() -> Settings:
    """The environment's settings; in development (no key of any kind set) the secret
    `orcast dev` keeps in its data dir, so the checkpoints it signed verify here, and
    (no broker set) the broker `orcast dev` runs, for the `audit.checkpoints` anchor."""
    settings = Settings.from_env()
    dev: dict[str, object] = {}
    dev_broker = settings.data_dir / BROKER_ADDRESS_FILE
    if not is_set("ORCAST_KAFKA_BOOTSTRAP") and dev_broker.is_file():
        dev["kafka_bootstrap"] = dev_broker.read_text(encoding="utf-8").strip()
    dev_secret = settings.data_dir / "dev-secret"
    if not (settings.secret or settings.identifier_key or settings.audit_signing_key):
        if not dev_secret.is_file():
            # said before any database is opened, so nothing is created where it ran
            raise ConfigError(
                f"no key to check the log with, and no `orcast dev` data dir at "
                f"{settings.data_dir}/: run it where `orcast dev` runs, or beside "
                f"`orcast dev --data-dir DIR` as `ORCAST_DATA_DIR=DIR orcast audit verify`; "
                f"in production set ORCAST_AUDIT_SIGNING_KEY (Ed25519 PEM) or "
                f"ORCAST_IDENTIFIER_KEY")
        dev["secret"] = dev_secret.read_text(encoding="utf-8").strip()
    return Settings.from_env(None, **dev) if dev else settings


async def _verify(settings: Settings, stdout: IO[str]) -> int:
    # an unreachable broker is reported in the result; aiokafka's own connection errors
    # would only repeat it on stderr
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    log = await _open(settings)
    try:
        result = await log.verify()
        state = "intact" if result["ok"] else f"broken at seq {result['first_bad_seq']}"
        await log.record_access(_actor(), "audit.verify",
                                f"verify (cli): {state}; {result['records']} records",
                                detail={"ok": result["ok"], "records": result["records"],
                                        "first_bad_seq": result["first_bad_seq"]},
                                outcome="ok" if result["ok"] else "broken")
    finally:
        await log.store.close()
    stdout.write(json.dumps(result, indent=2) + "\n")
    return 0 if result["ok"] else 1


async def _export(settings: Settings, args: argparse.Namespace, sink: IO[bytes]) -> int:
    filters = search.parse_filters({k: v for k, v in (
        ("case_id", args.case_id), ("broadcast_id", args.broadcast_id), ("actor", args.actor),
        ("action", args.action), ("since", args.since), ("until", args.until)) if v})
    log = await _open(settings)
    try:
        async with log.store.engine.connect() as conn:
            known_case = await search.case_known(conn, filters.case_id)
        await log.record_access(_actor(), "audit.export",
                                f"export {args.format} (cli): {filters.describe()}",
                                detail={**filters.detail(log.signer.keyed_hash),
                                        "format": args.format},
                                case_id=known_case)
        async for chunk in export.chunks(args.format, export.rows(log.store, filters),
                                         recorded_time()):
            sink.write(chunk)
        sink.flush()
    finally:
        await log.store.close()
    return 0


def _keygen(path: Path) -> int:
    if path.exists():
        sys.stderr.write(f"orcast audit: {path} exists; not overwriting\n")
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(generate_pem())
    sys.stdout.write(f"wrote {path}; set ORCAST_AUDIT_SIGNING_KEY={path}\n")
    return 0


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "keygen":
            return _keygen(args.out)
        settings = _settings()
        if args.command == "verify":
            return asyncio.run(_verify(settings, sys.stdout))
        if args.out is None:
            return asyncio.run(_export(settings, args, sys.stdout.buffer))
        with args.out.open("wb") as sink:
            return asyncio.run(_export(settings, args, sink))
    except ConfigError as exc:
        sys.stderr.write(f"orcast audit: configuration error: {exc}\n")
        return 2
    except BadFilter as exc:
        fields = "; ".join(f"{f.pointer.lstrip('/')}: {f.reason}" for f in exc.fields)
        sys.stderr.write(f"orcast audit: {exc.message}: {fields}\n")
        return 2
