"""Event keys and signatures: files on disk, the CLI, the settings field, sign and verify."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from services import cli
from services.common import events, signing
from services.common.consumer import Origin
from services.common.settings import ConfigError, Settings
from services.common.topics import SERVICES
from tests.support.retired_keys import rotated_keys


def status_event(service: str = "approval") -> events.Event:
    return events.make_event(
        "org.orcast.update.status.v1", service=service, subject="case-1",
        data={"update_id": "0b4f3c4e-8f0e-4d59-9a6b-000000000001", "case_id": "case-1",
              "state": "held", "at": "2026-11-22T09:42:00Z"})


def test_cli_generates_private_keys_readable_by_owner_only_and_keeps_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["keys", "generate", "--dir", str(tmp_path), "--service", "ingest"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ingest.key", "ingest.pub"]
    assert stat.S_IMODE((tmp_path / "ingest.key").stat().st_mode) == 0o600
    first = (tmp_path / "ingest.key").read_bytes()
    assert first.startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS8
    assert cli.main(["keys", "generate", "--dir", str(tmp_path)]) == 0
    assert (tmp_path / "ingest.key").read_bytes() == first  # a restart keeps its keys
    assert {p.stem for p in tmp_path.glob("*.key")} == set(SERVICES)
    assert str(tmp_path / "approval.key") in capsys.readouterr().out


def test_settings_field_defaults_under_the_data_dir() -> None:
    assert Settings.from_env({}).event_keys_dir == Path("var/keys")
    assert Settings.from_env({"ORCAST_DATA_DIR": "/d"}).event_keys_dir == Path("/d/keys")
    assert Settings.from_env({"ORCAST_EVENT_KEYS_DIR": "/k"}).event_keys_dir == Path("/k")


def test_key_ids_name_the_service_and_the_public_key(tmp_path: Path) -> None:
    signing.generate(tmp_path, ["approval"])
    keyring = signing.load_keyring(tmp_path)
    kid, private = keyring.signers["approval"]
    assert kid == signing.key_id("approval", private.public_key())
    assert kid.startswith("approval:") and len(kid.split(":")[1]) == 16
    assert signing.load_keyring(tmp_path) is keyring  # read once


def test_a_process_holding_only_public_keys_verifies_but_cannot_sign(tmp_path: Path) -> None:
    signing.generate(tmp_path / "all", ["approval", "viewer"])
    pod = tmp_path / "viewer-pod"  # what a viewer pod mounts: its own key, every .pub
    pod.mkdir()
    for name in ("viewer.key", "viewer.pub", "approval.pub"):
        (pod / name).write_bytes((tmp_path / "all" / name).read_bytes())
    raw = signing.load_keyring(tmp_path / "all").seal(status_event().to_dict())
    _, envelope = events.parse_envelope(raw)
    viewer = signing.load_keyring(pod)
    viewer.verify(envelope, raw, ("approval",))
    with pytest.raises(signing.NoSigningKey):
        viewer.seal(status_event().to_dict())


def test_signature_covers_the_whole_envelope_in_canonical_form(tmp_path: Path) -> None:
    signing.generate(tmp_path, ["approval"])
    keyring = signing.load_keyring(tmp_path)
    raw = keyring.seal(status_event().to_dict())
    event, envelope = events.parse_envelope(raw)
    assert event.orcastkid == keyring.signers["approval"][0] and event.orcastsig
    # re-encoded differently (key order, spaces, ASCII escapes): still the same signature
    reordered = json.dumps(dict(reversed(list(envelope.items()))), indent=1).encode()
    keyring.verify(events.parse_envelope(reordered)[1], reordered, ("approval",))
    for field, value in [("subject", "case-2"), ("time", "2026-11-22T09:43:00Z"),
                         ("id", "other")]:
        changed = {**envelope, field: value}
        with pytest.raises(signing.ForgedEvent, match="bad signature"):
            keyring.verify(changed, json.dumps(changed).encode(), ("approval",))


def test_missing_keys_directory_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="ORCAST_EVENT_KEYS_DIR"):
        signing.load_keyring(tmp_path / "absent")


def test_a_retired_public_key_verifies_history_only(tmp_path: Path) -> None:
    """A rotated-out key kept signing new events students saw (red team): it is retired
    because it may have leaked, so it verifies only what lies below its watermark
    (test_signing_retire.py has the rule in full)."""
    retired, keyring = rotated_keys(tmp_path, {"updates.status": {0: 1}})
    old = retired.seal(status_event().to_dict())
    keyring.verify(events.parse_envelope(old)[1], old, ("approval",),
                   at=Origin("updates.status", 0, 0))
    with pytest.raises(signing.ForgedEvent, match="retired"):
        keyring.verify(events.parse_envelope(old)[1], old, ("approval",))
    assert len(keyring.verifiers) == 2 and list(keyring.signers) == ["approval"]


async def test_a_service_without_its_own_key_does_not_start(tmp_path: Path) -> None:
    from aiohttp import web

    from services.common.web import create_base_app
    from services.registry import create_app_for

    signing.generate(tmp_path / "keys", ["ingest"])  # not the cases service's key
    settings = Settings(secret="s" * 32, data_dir=tmp_path, event_keys_dir=tmp_path / "keys")
    app = create_base_app(settings)
    create_app_for("cases")(settings, into=app)
    runner = web.AppRunner(app)
    with pytest.raises(signing.NoSigningKey, match="'cases'"):
        await runner.setup()
    await runner.cleanup()
