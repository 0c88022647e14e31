"""Checkpoint signing: Ed25519 from a key file, HMAC otherwise; a checkpoint from another key
does not verify; the service signs the head when it shuts down."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from services.audit.api import LOG
from services.audit.checkpoints import KEY_ENV, Signer, generate_pem, signer_for
from services.common.settings import ConfigError, Settings
from tests.support.stack import start_stack, stop_stack

from .support import open_log, pipeline, store_url


def test_signer_from_settings(tmp_path: Path) -> None:
    settings = Settings(secret="s" * 32)
    assert signer_for(settings).algorithm == "hmac-sha256"
    key = tmp_path / "audit.pem"
    key.write_bytes(generate_pem())
    signer = signer_for(replace(settings, audit_signing_key=key))
    assert signer.algorithm == "ed25519"
    signature = signer.sign(5, "a" * 64, "2026-01-01T00:00:00.000000Z")
    row = {"seq": 5, "hash": "a" * 64, "created_at": "2026-01-01T00:00:00.000000Z",
           "algorithm": signature.algorithm, "key_id": signature.key_id,
           "signature": signature.signature}
    assert signer.verify(row)
    assert not signer.verify({**row, "seq": 6})
    assert not signer.verify({**row, "hash": "b" * 64})
    (tmp_path / "bad.pem").write_text("not a key")
    with pytest.raises(ConfigError, match=KEY_ENV):
        signer_for(replace(settings, audit_signing_key=tmp_path / "bad.pem"))
    with pytest.raises(ConfigError):
        signer_for(Settings(jwks_url="https://idp.example/jwks"))


async def test_checkpoints_from_another_key_do_not_verify(tmp_path: Path) -> None:
    url = store_url(tmp_path)
    ours = Signer(ed25519=_key())
    async with open_log(url, every=5, signer=ours) as log:
        await log.on_batch(pipeline(12))
        verdict = await log.verify()
        assert verdict["ok"] and verdict["checkpoints_verified"] == 2
        assert verdict["signer"].startswith("ed25519:") and verdict["unsigned_tail"] == 2
    async with open_log(url, every=5, signer=Signer(ed25519=_key())) as impostor:
        verdict = await impostor.verify()
        assert verdict["ok"] is False and verdict["first_bad_seq"] == 5


async def test_shutdown_signs_the_head(settings: Settings) -> None:
    stack = await start_stack(settings, ("audit",))
    try:
        log = stack.app[LOG]
        await log.on_batch(pipeline(3))
        assert (await log.verify())["checkpoints"] == 0
    finally:
        await stop_stack(stack)
    async with open_log(settings.database_url_for("audit"), signer=log.signer) as reopened:
        verdict = await reopened.verify()
    assert verdict["ok"] and verdict["last_checkpoint_seq"] == 3 and verdict["unsigned_tail"] == 0


def _key() -> object:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()
