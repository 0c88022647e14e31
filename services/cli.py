"""The `orcast` command line.

    orcast dev [--port 8080] [--data-dir var] [--kafka-port N] [--demo]
    orcast run <service>
    orcast topics create
    orcast deid --jsonl            (stdin → stdout)
    orcast token --role ROLE [--sub SUB]
    orcast keys generate --dir DIR [--service S ...]   (event signing key pairs)
    orcast keys retire --dir DIR --service S [--bootstrap HOST:PORT]
    orcast keys watermark --dir DIR --retired S.STAMP.pub [--bootstrap HOST:PORT]
    orcast audit verify | export --format csv|jsonl|fhir [--out FILE] | keygen --out FILE
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import socket
import sys
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from services.common import logconfig
from services.common.settings import (
    ConfigError,
    Settings,
    is_set,
    process_environment,
)
from services.common.topics import SERVICES
from services.registry import RUNNABLE

if TYPE_CHECKING:  # imported where a server starts: `orcast deid` starts without aiohttp
    from aiohttp import web

    from services.dev.idp import DevProvider


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="orcast", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dev = sub.add_parser("dev", help="the whole system on one machine (embedded broker)")
    dev.add_argument("--port", type=int, default=None, help="HTTP port (default 8080)")
    dev.add_argument("--host", default=None, help="HTTP host (default 127.0.0.1)")
    dev.add_argument("--data-dir", type=Path, default=None, help="SQLite and tokens (var)")
    dev.add_argument("--kafka-port", type=int, default=None, help="embedded broker port")
    dev.add_argument("--demo", action="store_true", help="replay a realistic procedure")
    run = sub.add_parser("run", help="run one service (production)")
    run.add_argument("service", choices=RUNNABLE)
    topics = sub.add_parser("topics", help="topic administration")
    topics.add_argument("action", choices=["create"])
    deid = sub.add_parser("deid", help="de-identify JSON Lines from stdin")
    deid.add_argument("--jsonl", action="store_true", required=True)
    token = sub.add_parser("token", help="issue a development token (HS256)")
    token.add_argument("--role", required=True)
    token.add_argument("--sub", default=None)
    token.add_argument("--ttl", type=int, default=12 * 3600)
    keys = sub.add_parser("keys", help="event signing keys (Ed25519, one pair per service)")
    keys.add_argument("action", choices=["generate", "retire", "watermark"])
    keys.add_argument("--dir", type=Path, required=True, help="keys directory")
    keys.add_argument("--service", action="append", choices=SERVICES,
                      help="only this service (repeatable; default: every service; "
                           "retire: exactly one)")
    keys.add_argument("--retired", default=None,
                      help="watermark: the retired public key's file name in --dir")
    keys.add_argument("--bootstrap", default=None,
                      help="retire, watermark: Kafka bootstrap (default ORCAST_KAFKA_BOOTSTRAP)")
    audit = sub.add_parser("audit", help="verify or export the audit log",
                           description="orcast audit {verify,export,keygen} [-h] ...")
    audit.add_argument("args", nargs=argparse.REMAINDER)
    return parser


PRIVATE_UMASK = 0o077  # the data dir holds PHI (SQLite), secrets, tokens and keys


def private_process() -> None:
    """Whatever this process creates (SQLite files, logs, keys) is readable by no one else."""
    os.umask(PRIVATE_UMASK)


def private_data_dir(data_dir: Path) -> Path:
    """The data dir, created (or tightened) to 0700: only this user may list or read it."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    data_dir.chmod(0o700)
    return data_dir


def _dev_secret(data_dir: Path) -> str:
    """Development keeps one random secret per data dir, so tokens survive restarts."""
    path = data_dir / "dev-secret"
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    private_data_dir(data_dir)
    secret = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # never readable by others
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    return secret


def _dev_keys(settings: Settings) -> None:
    """Development signs as every service in one process: all key pairs, made on first
    start under the data dir and kept, so events already on topics still verify."""
    from services.common import signing

    signing.generate(signing.keys_dir(settings), SERVICES)


def dev_banner(base: str, bootstrap: str, tokens_path: Path, memory: str = "",
               people: Sequence[tuple[str, str]] = (), signin_off: str = "") -> str:
    """What `orcast dev` prints: where things are, never a token (terminals get logged,
    scrolled back and screen-shared). `people`: the demo users' (username, password),
    made fresh at each start for the development identity provider, printed only here."""
    pages = [("tablet", "coordinator"), ("approvals", "approver"), ("live", "student"),
             ("cases", "admin"), ("compliance", "compliance")]
    lines = [f"ORcast dev stack on {base}  (broker {bootstrap})"]
    if memory:
        lines.append(f"  {memory}")
    if people:
        lines.append(f"  sign in     {base}/signin   as one of (username / password, "
                     f"this start only):")
        lines += [f"              {user:<11} {password}" for user, password in people]
    elif signin_off:
        lines.append(f"  sign-in off: {signin_off}")
    lines += [f"  {page:<11} {base}/{page}   (as {role})" for page, role in pages]
    lines += [f"  readiness   {base}/readyz",
              f"  dev tokens  {tokens_path}  (API clients: one bearer token per role; "
              f"pages take none, people sign in)"]
    return "\n".join(lines) + "\n"


async def _serve(app: web.Application, settings: Settings, on_started: object = None) -> None:
    import asyncio

    from services.common import serving

    # under `orcast dev` the port was bound by the supervisor, which passes the socket: a
    # port it only picked could be taken by an outgoing connection before this binds it
    listening = (socket.socket(fileno=settings.dev_listen_fd)
                 if settings.dev_listen_fd is not None else None)
    runner = await serving.start(app, settings, host=settings.http_host,
                                 port=settings.http_port, sock=listening, access_log=None,
                                 handle_signals=False, shutdown_timeout=5)
    if settings.dev_handoff_fd is not None:  # `orcast dev`'s one port
        from services.common.serving import GuardedServer
        from services.dev.handed import owns_routes
        from services.dev.handoff import serve_handed

        assert isinstance(runner.server, GuardedServer)
        serve_handed(settings.dev_handoff_fd, runner.server,
                     owns_routes(r.canonical for r in app.router.resources()))
    settle_after_start()
    try:
        if callable(on_started):
            on_started()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()


def settle_after_start() -> None:
    """Started: what is loaded now stays for the process's life (common/heap.py)."""
    from services.common import heap

    heap.settle()


def _run_server(main: Coroutine[Any, Any, None]) -> None:
    """Serve on uvloop where it is installed: it roughly halves WebSocket fan-out
    latency (bench/results/viewer.md); plain asyncio otherwise."""
    try:
        import uvloop
    except ImportError:
        import asyncio

        asyncio.run(main)
        return
    uvloop.run(main)


def cmd_dev(args: argparse.Namespace) -> int:
    import asyncio

    from services.common import doorbell
    from services.common.broker import free_port
    from services.dev.keeperproc import Keeper, KeeperFailed

    private_process()
    given = Settings.from_env()  # what this process was told; `env` is for the children
    data_dir = args.data_dir or given.data_dir
    data_dir = private_data_dir(data_dir.resolve())  # absolute: the children share it
    env = process_environment()
    env.setdefault("ORCAST_SECRET", _dev_secret(data_dir))
    env["ORCAST_DATA_DIR"] = str(data_dir)
    keeper: Keeper | None = None
    overrides: dict[str, object] = {"data_dir": data_dir}
    if args.port is not None:
        overrides["http_port"] = args.port
    if args.host is not None:
        overrides["http_host"] = args.host
    provider: DevProvider | None = None
    services = None
    try:
        # The broker (and the journal's restore) and the identity provider start at once,
        # first: the slow imports and the route table below happen while they start.
        if not is_set("ORCAST_KAFKA_BOOTSTRAP"):
            env.setdefault("ORCAST_KAFKA_SESSION_TIMEOUT_MS", "3000")  # fast joins on Tansu
            env.setdefault("ORCAST_KAFKA_HEARTBEAT_INTERVAL_MS", "1000")  # idle: cheap
            # Tansu cannot wake a waiting fetch: producers ring, idle consumers sleep.
            if given.dev_doorbell != "off":
                env[doorbell.ENV] = doorbell.Relay().start().address
            # its address known now: the services load with it while the keeper starts
            kafka_port = args.kafka_port or free_port()
            env["ORCAST_KAFKA_BOOTSTRAP"] = f"127.0.0.1:{kafka_port}"
            keeper = Keeper.spawn(data_dir, env, kafka_port)
        provider, signin_off = _spawn_dev_provider(env, overrides)

        from services.dev.supervisor import Services, serve
        from services.devstack import prepare, write_dev_tokens

        settings = Settings.from_env(env, **overrides)
        logconfig.configure(fmt=settings.log_format, level=settings.log_level)
        _dev_keys(settings)  # before the services load: they read their keys
        tokens_path = write_dev_tokens(settings)
        services = Services()
        services.start(env, SERVICES)  # they load meanwhile, and wait for the gate
        if provider is not None:
            provider, signin_off = _provider_ready(provider, env)
            if provider is None:  # no sign-in after all: services and routes without it
                services.stop()
                settings = Settings.from_env(env, **overrides)
                services = Services()
                services.start(env, SERVICES)
        if keeper is not None:
            try:
                keeper.ready()  # the journal is restored before any service starts
            except KeeperFailed as exc:
                sys.stderr.write(f"orcast dev: {exc}\n")
                return 1
            if keeper.bootstrap != settings.kafka_bootstrap:
                raise RuntimeError(f"broker on {keeper.bootstrap}, not {settings.kafka_bootstrap}")
        else:  # the keeper made the topics on its broker; an external one needs them here
            asyncio.run(prepare(settings))
        services.open_gate()
        routes = services.route_table()
        if keeper is not None:
            for process in services.processes.values():
                keeper.tell(f"pid {process.pid}")
        base = f"http://{settings.http_host}:{settings.http_port}"

        def announce() -> None:
            people = [(u.username, u.password) for u in provider.users] if provider else []
            sys.stdout.write(dev_banner(base, settings.kafka_bootstrap, tokens_path,
                                        memory=dev_memory(keeper, data_dir), people=people,
                                        signin_off=signin_off))
            sys.stdout.flush()

        def demo(app: web.Application) -> None:
            if args.demo:
                from services.demo import attach_demo

                attach_demo(app, settings)

        outcome: list[int] = []
        _run_server(_serve_dev(serve(settings, services, keeper, announce, demo, routes),
                               outcome))
    finally:
        if services is not None:
            services.stop()
        if keeper is not None:
            keeper.stop()
        if provider is not None:
            provider.stop()
    return outcome[0] if outcome else 1


def _dev_provider(env: dict[str, str], overrides: dict[str, object]
                  ) -> tuple[DevProvider | None, str]:
    """Start the development identity provider for the address `orcast dev` serves on and
    point ORcast at it (`env` gains ORCAST_OIDC_*), unless ORCAST_OIDC_ISSUER names one
    already. Without node or its packages the stack runs with tokens only, and says so."""
    provider, off = _spawn_dev_provider(env, overrides)
    if provider is None:
        return None, off
    return _provider_ready(provider, env)


def _spawn_dev_provider(env: dict[str, str], overrides: dict[str, object]
                        ) -> tuple[DevProvider | None, str]:
    """`_dev_provider` without waiting for it to listen (`_provider_ready` does)."""
    from services.dev.idp import DevProvider, ProviderUnavailable

    where = Settings.from_env(env, **overrides)
    if where.oidc_issuer:
        return None, ""
    data_dir = where.data_dir
    try:
        with (data_dir / "oidc-provider.log").open("ab") as log:
            provider = DevProvider.spawn(f"http://{where.http_host}:{where.http_port}", log=log)
    except ProviderUnavailable as exc:
        return None, f"{exc} (make dev installs it)"
    env.update(provider.env())
    return provider, ""


def _provider_ready(provider: DevProvider, env: dict[str, str]
                    ) -> tuple[DevProvider | None, str]:
    from services.dev.idp import ProviderUnavailable

    try:
        return provider.ready(), ""
    except ProviderUnavailable as exc:
        for name in provider.env():
            env.pop(name, None)
        return None, f"{exc} (make dev installs it)"


async def _serve_dev(main: Coroutine[Any, Any, int], outcome: list[int]) -> None:
    outcome.append(await main)


def dev_memory(keeper: object, data_dir: Path) -> str:
    """One line saying what this start remembers, so nobody wonders after a restart."""
    if keeper is None:
        return "broker: external (ORCAST_KAFKA_BOOTSTRAP); it keeps the topics itself"
    restored = getattr(keeper, "restored", 0)
    journal = data_dir / "journal"
    if restored:
        return f"restored {restored} records from {journal}: every case as it was left"
    return f"fresh start; topics are journaled to {journal} and restored on the next start"


def cmd_run(args: argparse.Namespace) -> int:
    from services.registry import create_app_for

    private_process()
    settings = Settings.from_env()
    logconfig.configure(fmt=settings.log_format, level=settings.log_level)
    app = create_app_for(args.service)(settings)
    if settings.dev_handoff_fd is not None:
        from services.dev.handed import hold_between_requests
        from services.dev.handoff import tell_routes

        app.on_response_prepare.append(hold_between_requests)
        tell_routes(settings.dev_handoff_fd, [r.canonical for r in app.router.resources()])
        # under `orcast dev`: loaded, now wait for the journal's restore (Services.start)
        if sys.stdin.buffer.readline().strip() != b"go":
            return 0  # `orcast dev` stopped before the broker was ready
    _run_server(_serve(app, settings))
    # Everything durable is closed and committed by now; skip the interpreter's slow
    # teardown so an orchestrator's SIGTERM ends the pod promptly.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def cmd_topics(args: argparse.Namespace) -> int:
    import asyncio

    from services.common.admin import ensure_topics

    settings = Settings.from_env()
    logconfig.configure(fmt=settings.log_format, level=settings.log_level)
    names = asyncio.run(ensure_topics(settings))
    sys.stdout.write("\n".join(names) + "\n")
    return 0


def cmd_deid(args: argparse.Namespace) -> int:
    from services.deidentify.cli import run_jsonl
    from services.deidentify.roster import engine_config

    # Only a key given as ORCAST_IDENTIFIER_KEY, never one derived from the dev secret.
    settings = Settings.from_env(secret=None)
    return run_jsonl(sys.stdin, sys.stdout, key=settings.identifier_key or None,
                     config=engine_config(settings), cache_dir=settings.deid_cache_dir)


def cmd_token(args: argparse.Namespace) -> int:
    from services.common.auth import ROLES, issue_token

    if args.role not in ROLES:
        sys.stderr.write(f"unknown role {args.role!r}; one of {', '.join(ROLES)}\n")
        return 2
    settings = Settings.from_env()
    sys.stdout.write(issue_token(settings, sub=args.sub or f"dev-{args.role}", role=args.role,
                                 ttl=args.ttl) + "\n")
    return 0


def cmd_keys(args: argparse.Namespace) -> int:
    from services.common import signing

    if args.action != "generate":
        return _cmd_keys_retire(args)
    written = signing.generate(args.dir, args.service or SERVICES)
    sys.stdout.write("".join(f"{path}\n" for path in written)
                     or f"keys already present in {args.dir}\n")
    return 0


def _cmd_keys_retire(args: argparse.Namespace) -> int:
    """Retire a key (or bound one retired before) at the broker's end offsets now."""
    import asyncio
    import dataclasses

    from services.common import key_rotation, signing

    settings = Settings.from_env()
    if args.bootstrap:
        settings = dataclasses.replace(settings, kafka_bootstrap=args.bootstrap)
    if args.action == "retire":
        if len(args.service or ()) != 1:
            sys.stderr.write("orcast keys retire: give exactly one --service\n")
            return 2
        service = args.service[0]
        ends = asyncio.run(key_rotation.end_offsets(settings, service))
        written = key_rotation.retire(args.dir, service, ends)
    else:
        if not args.retired:
            sys.stderr.write("orcast keys watermark: give --retired <service>.<stamp>.pub\n")
            return 2
        retired = args.dir / args.retired
        service, _ = signing.key_file_owner(retired)
        ends = asyncio.run(key_rotation.end_offsets(settings, service))
        written = [key_rotation.watermark(retired, ends)]
    missing = sorted(set(key_rotation.written_by(service)) - set(ends))
    if missing:  # no history there for the old key: fine for a topic never created
        sys.stderr.write(f"orcast keys: not on the broker, so no history: {', '.join(missing)}\n")
    sys.stdout.write("".join(f"{path}\n" for path in written))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from services.audit.cli import main as audit_main

    return audit_main(list(args.args))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"dev": cmd_dev, "run": cmd_run, "topics": cmd_topics, "deid": cmd_deid,
                "token": cmd_token, "keys": cmd_keys, "audit": cmd_audit}
    try:
        code: int = commands[args.command](args)
        return code
    except ConfigError as exc:
        sys.stderr.write(f"orcast: configuration error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
