"""Events signed by the service that produced them (Ed25519), verified by every consumer.

Kafka ACLs say who may write a topic, but only where a broker enforces them (not
in development) and only per topic. A signature travels with the event itself, so
a consumer can tell, even on an open broker, that `/orcast/approval` really sent
this `update.approved`.

Why Ed25519 and not HMAC: every consumer must be able to verify every producer. A
shared HMAC key would let each of those verifiers sign as anyone, so one
compromised reader could forge the approval service. With a key pair per service
a consumer holds only public keys; a forgery needs that service's private key,
which is mounted into that service alone. Ed25519 signatures are small (64 bytes)
and cheap to check (tens of microseconds).

Envelope: two CloudEvents extension attributes,
- `orcastkid` = `<service>:<first 16 hex of sha256(raw public key)>`,
- `orcastsig` = base64url (no padding) signature over the canonical JSON of the
  whole envelope without `orcastsig` (`json.dumps(sort_keys=True,
  separators=(",", ":"), ensure_ascii=False)`, UTF-8).

Events sent together (the derived events of one consumed batch, a tree per topic:
producer.send_held) share one signature over a Merkle tree instead (merkle.py, RFC 6962
hashing): leaf i = SHA-256(0x00 || canonical envelope without `orcastsig` and
`orcastpath`), and `orcastsig` signs
`MERKLE_PREFIX || leaf count (8 bytes, big-endian) || root`. Each record carries
- `orcastpath` = `<index>.<count>.<hex of the sibling hashes>`, deepest first (a
  tree of one leaf has no path: `0.1`),
so it verifies on its own (another partition's consumer, a replay, the one-by-one
fallback see only part of a batch): index, count and path determine the root, whose
signature is checked once per consumer and remembered (`ROOTS_REMEMBERED`). The records
of a tree that one fetch holds whole are proven together (`Keyring.prove_together`). The prefix
keeps the two kinds of signature apart: a single-event signature covers JSON (it
starts with `{`), a root signature covers bytes that start with `orcast-merkle-v1`.

Keys on disk, one directory (`ORCAST_EVENT_KEYS_DIR`): `<service>.key` (PKCS8 PEM,
mode 0600) for each service this process may sign as, `<service>.pub`
(SubjectPublicKeyInfo PEM) for every service. `orcast keys generate` writes them.
A retired public key kept as `<service>.<anything>.pub` still verifies what it signed
before the rotation: records below its watermark `<service>.<anything>.ends.json`, the
end offsets `orcast keys retire` read from the broker (watermarks.py). Without that file
it verifies nothing (a key is retired because it may have leaked).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import merkle, watermarks
from .ed25519_fast import Sign, Verify, signer, verifier
from .events import InvalidEvent
from .settings import ConfigError, Settings

logger = logging.getLogger(__name__)

KID = "orcastkid"
SIG = "orcastsig"
PROOF = "orcastpath"
SOURCE_PREFIX = "/orcast/"
MERKLE_PREFIX = b"orcast-merkle-v1\0"
# (key id, signed root message, signature) triples already checked: a consumer's fetch
# meets a batch's records together, a replay meets them again; a few thousand is far
# more batches than are ever in flight at once, and an entry is under a kilobyte.
ROOTS_REMEMBERED = 4096
# inner Merkle nodes remembered (merkle.NodeMemo): dozens of batches of ~80 records
# (79 nodes each), a few hundred bytes an entry
NODES_REMEMBERED = 4096
# decoded signatures by their text: every record of a batch carries the same one
SIGNATURES_REMEMBERED = 4096
# records proven together with their batch (`prove_together`) and not yet verified: one
# fetch's worth (`max_batch`: 500, audit's busy loop 2,000) for each of a process's few
# consumer loops
PROVEN_REMEMBERED = 4096
# larger claimed batches are not gathered (our producers' batches are one fetch, <= 500)
MAX_PROVEN_BATCH = 4096
_SIG_FIELD = b',"orcastsig":"'
_PROOF_FIELD = b',"orcastpath":"'
_KID_FIELD = b',"orcastkid":"'
_PROOF_NUMBERS = re.compile(r"(0|[1-9][0-9]{0,9})\.([1-9][0-9]{0,9})")
_FROM_URLSAFE = bytes.maketrans(b"-_", b"+/")
_UNSIGNED = (SIG, PROOF)  # what a signature cannot cover: itself and the proof


class ForgedEvent(InvalidEvent):
    """Parsed and valid, but not provably from a writer of its topic; `reason` is PHI-free
    and starts with `forged: `."""

    def __init__(self, why: str) -> None:
        super().__init__(f"forged: {why}")


class NoSigningKey(ConfigError):
    """This process holds no private key for the service an event claims as its source."""


def key_id(service: str, public_key: Ed25519PublicKey) -> str:
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return f"{service}:{hashlib.sha256(raw).hexdigest()[:16]}"


def canonical(envelope: dict[str, Any]) -> bytes:
    """What is signed (or hashed into a leaf): the envelope without `orcastsig` and
    `orcastpath`, keys sorted, no spaces."""
    body = {k: v for k, v in envelope.items() if k not in _UNSIGNED}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _sealable(envelope: dict[str, Any]) -> bytes:
    """`canonical`, written by orjson (several times faster): the same bytes but for how
    some floats are spelt (1e-7, json 1e-07). What is signed is what is sent, and a
    verifier checks the bytes it received, so the spelling never matters there."""
    try:
        return orjson.dumps(envelope, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # what orjson refuses (a lone surrogate, a huge int): as json does
        return canonical(envelope)


def source_service(source: str) -> str:
    return source.removeprefix(SOURCE_PREFIX)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    # what base64.urlsafe_b64decode does (non-ASCII or bad padding: ValueError), minus
    # its Python layers: once per record consumed
    padded = text.encode("ascii") + b"=" * (-len(text) % 4)
    return binascii.a2b_base64(padded.translate(_FROM_URLSAFE))


def root_message(count: int, root: bytes) -> bytes:
    """What a batch signature signs: never JSON, so never a single event's message."""
    return MERKLE_PREFIX + count.to_bytes(8, "big") + root


def proof_text(index: int, count: int, path: list[bytes]) -> str:
    return f"{index}.{count}" + ("." + b"".join(path).hex() if path else "")


def parse_proof(text: str) -> tuple[int, int, list[bytes]]:
    """Index, count and path of an `orcastpath`, or `ForgedEvent`. Only the one spelling
    `proof_text` writes matches (no leading zeros, lower-case hex)."""
    # Hex checked by a round trip, not a regex over it (a regex scan of the ~450 hex
    # characters cost more than the rest of a record's check): `fromhex` would also take
    # upper case and spaces, which `hex()` never writes.
    parts = text.split(".", 2)
    if len(parts) < 2 or not (_proof_number(parts[0], zero=True)
                              and _proof_number(parts[1], zero=False)):
        raise ForgedEvent("malformed audit path")
    joined = b""
    if len(parts) == 3:
        hexed = parts[2]
        try:
            joined = bytes.fromhex(hexed)
        except ValueError:
            raise ForgedEvent("malformed audit path") from None
        if not joined or len(joined) % merkle.HASH_BYTES or joined.hex() != hexed:
            raise ForgedEvent("malformed audit path")
    path = [joined[at:at + merkle.HASH_BYTES]
            for at in range(0, len(joined), merkle.HASH_BYTES)]
    return int(parts[0]), int(parts[1]), path


def _proof_number(text: str, *, zero: bool) -> bool:
    """`text` is one of `_PROOF_NUMBERS`' numbers (1-10 ASCII digits, no leading zero;
    "0" only where `zero`), told by string methods: the regex over an f-string of both
    cost more than the rest of parsing the numbers (every record of a signed batch)."""
    if not (0 < len(text) <= 10 and text.isascii() and text.isdigit()):
        return False
    return text[0] != "0" or (zero and text == "0")


def _batch_claim(raw: bytes) -> tuple[bytes, int, int, bytes, int] | None:
    """(signature, index, count, audit path, where the leaf's bytes end) of a batch record
    as our producers write it (`seal_all`: path and signature the last members), read from
    its bytes without parsing them; None for any other shape. Only a guess at what the
    record claims (an escape in the JSON text would make it differ from the parsed value):
    `prove_together` proves it, and `verify` trusts that proof only where the envelope it
    parsed holds the same texts."""
    if not raw.endswith(b'"}'):
        return None
    at_sig = raw.rfind(_SIG_FIELD)
    at_proof = raw.rfind(_PROOF_FIELD, 0, at_sig)
    if at_sig < 0 or at_proof < 0 or raw[at_sig - 1:at_sig] != b'"':
        return None
    start = at_proof + len(_PROOF_FIELD)
    dot = raw.find(b".", start, at_sig)
    end = raw.find(b".", dot + 1, at_sig - 1)
    if dot < 0:
        return None
    try:  # any spelling int() takes but `proof_text` never writes fails the later compare
        index, count = int(raw[start:dot]), int(raw[dot + 1:end if end > 0 else at_sig - 1])
    except ValueError:
        return None
    if not 0 <= index < count <= MAX_PROVEN_BATCH:
        return None
    return raw[at_sig + len(_SIG_FIELD):-2], index, count, raw[start:at_sig - 1], at_proof


def _kid_text(raw: bytes, cut: int) -> str | None:
    """The key id a batch record's bytes name (see `_batch_claim`: a guess, checked later)."""
    at_kid = raw.rfind(_KID_FIELD, 0, cut)
    end = raw.find(b'"', at_kid + len(_KID_FIELD), cut)
    if at_kid < 0 or end < 0:
        return None
    try:
        return raw[at_kid + len(_KID_FIELD):end].decode("ascii")
    except UnicodeDecodeError:
        return None


class Unsealed(NamedTuple):
    """An envelope ready to sign: its key id and canonical bytes (the key id included)."""

    kid: str
    body: bytes


@dataclass(frozen=True)
class Keyring:
    """Private keys this process may sign with, public keys of every service, by key id."""

    signers: dict[str, tuple[str, Ed25519PrivateKey]] = field(default_factory=dict)
    verifiers: dict[str, tuple[str, Ed25519PublicKey]] = field(default_factory=dict)
    # Key ids of retired keys (`<service>.<anything>.pub`). A key is retired because it
    # may have leaked, so one verifies only records below its watermark: the offsets the
    # broker had reached at the retirement, which its holder cannot choose (red team: a
    # rotated-out key kept signing, and every replay took that for history).
    retired: set[str] = field(default_factory=set)
    history_ends: dict[str, watermarks.Ends] = field(default_factory=dict)
    # one signature check per key id, made on first use (libsodium's when present)
    _checks: dict[str, Verify] = field(default_factory=dict, repr=False, compare=False)
    _signs: dict[str, Sign] = field(default_factory=dict, repr=False, compare=False)
    # batch roots whose signature was checked (ROOTS_REMEMBERED), least recent first
    _roots: OrderedDict[tuple[str, bytes, bytes], None] = field(
        default_factory=OrderedDict, repr=False, compare=False)
    # and those whose signature was refused, apart so that a flood of forged roots cannot
    # push the genuine ones out: `prove_together` and then `verify` of a forged batch ask
    # Ed25519 once between them, as `verify` alone would (attack21b)
    _refused: OrderedDict[tuple[str, bytes, bytes], None] = field(
        default_factory=OrderedDict, repr=False, compare=False)
    _nodes: merkle.NodeMemo = field(default_factory=lambda: merkle.NodeMemo(NODES_REMEMBERED),
                                    repr=False, compare=False)
    _signatures: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    # records whose whole batch arrived together and was proven at once (`prove_together`):
    # record bytes -> (key id, signature, audit path) that proof took from them
    _proven: dict[bytes, tuple[str, str, str]] = field(default_factory=dict, repr=False,
                                                       compare=False)
    # the triple `_root_signed` last checked with Ed25519 (it stays in `_roots` too)
    _last_root: tuple[str, bytes, bytes] | None = field(default=None, repr=False,
                                                        compare=False)

    def can_sign(self, service: str) -> bool:
        return service in self.signers

    def require_signer(self, service: str) -> None:
        if service not in self.signers:
            raise NoSigningKey(f"no private key for service {service!r} in the event keys dir "
                               "(ORCAST_EVENT_KEYS_DIR); events are never sent unsigned")

    def seal(self, envelope: dict[str, Any]) -> bytes:
        """The wire bytes of `envelope`, signed by the key of its source service.

        One serialisation: the canonical form with the signature appended as the last
        member, which lets a verifier check the bytes it received without re-encoding."""
        return self.seal_all([self.unsealed(envelope)])[0]

    def unsealed(self, envelope: dict[str, Any]) -> Unsealed:
        """`envelope` ready for `seal_all` (raises `NoSigningKey` now, not at sending)."""
        service = source_service(str(envelope.get("source", "")))
        self.require_signer(service)
        kid, private = self.signers[service]
        if kid not in self._signs:
            self._signs[kid] = signer(private)
        body = {k: v for k, v in envelope.items() if k not in _UNSIGNED} | {KID: kid}
        return Unsealed(kid, _sealable(body))

    def seal_all(self, items: list[Unsealed]) -> list[bytes]:
        """Wire bytes of each item, in order: the items of one key share one signature
        over a Merkle tree of them; an item alone keeps the single-event form."""
        sealed: list[bytes] = [b""] * len(items)
        by_kid: dict[str, list[int]] = {}
        for position, item in enumerate(items):
            by_kid.setdefault(item.kid, []).append(position)
        for kid, positions in by_kid.items():
            sign = self._signs[kid]
            if len(positions) == 1:
                body = items[positions[0]].body
                sealed[positions[0]] = (body[:-1] + _SIG_FIELD + _b64(sign(body)).encode()
                                        + b'"}')
                continue
            leaves = [merkle.leaf_hash(items[p].body) for p in positions]
            root, paths = merkle.tree(leaves)
            signature = _b64(sign(root_message(len(leaves), root))).encode()
            for index, (p, path) in enumerate(zip(positions, paths, strict=True)):
                proof = proof_text(index, len(leaves), path).encode()
                sealed[p] = (items[p].body[:-1] + _PROOF_FIELD + proof + b'"'
                             + _SIG_FIELD + signature + b'"}')
        return sealed

    def verify(self, envelope: dict[str, Any], raw: bytes, writers: Iterable[str], *,
               at: watermarks.Position | None = None) -> None:
        """Raise `ForgedEvent` unless `envelope` (parsed from `raw`) is signed by a known key
        of its own source service, and that service is a declared writer of the topic.
        `at`: where the record sits (short topic name, partition, offset); a retired key
        verifies it only below that key's watermark, never where the position is unknown."""
        kid, sig = envelope.get(KID), envelope.get(SIG)
        if not isinstance(kid, str) or not isinstance(sig, str):
            raise ForgedEvent("unsigned")
        known = self.verifiers.get(kid)
        if known is None:
            raise ForgedEvent(f"unknown key id {kid}")
        if kid in self.retired:
            self._check_history(kid, at)
        service, public = known
        claimed = source_service(str(envelope["source"]))
        if service != claimed:
            raise ForgedEvent(f"key of {service} used for an event from {claimed}")
        signature = self._signature(sig)
        check = self._checks.get(kid)
        if check is None:
            check = self._checks[kid] = verifier(public)
        if PROOF in envelope:
            # proven with its whole batch from these very bytes, the same key, signature
            # and path: what `_verify_in_batch` would check, already checked
            if self._proven.pop(raw, None) != (kid, sig, envelope[PROOF]):
                self._verify_in_batch(kid, check, signature, sig, envelope[PROOF], envelope,
                                      raw)
        elif not (self._valid_as_sent(check, signature, sig, raw)
                  or self._valid_canonical(check, signature, envelope)):
            raise ForgedEvent("bad signature")
        if claimed not in writers:
            raise ForgedEvent(f"{claimed} is not a writer of this topic")

    def prove_together(self, raws: Iterable[bytes | None]) -> None:
        """Prove at once the records of each signed batch that arrive whole (every index of
        its tree, as a consumer's fetch usually holds them): the tree is rebuilt from their
        leaves, hashing each node once, and its root's signature checked, instead of each
        record's path parsed and climbed. A record proven here is remembered until its
        `verify`, which still makes every other check and skips only the climb, and only
        if the envelope it parsed names the same key, signature and path this took from the
        bytes. Anything unusual (a batch in part, a duplicate, another spelling, a path that
        is not the tree's, a bad signature) is left alone: `verify` judges it as ever."""
        groups: dict[tuple[bytes, int], list[tuple[int, bytes, bytes, int]]] = {}
        for raw in raws:
            claim = _batch_claim(raw) if isinstance(raw, bytes) else None
            if raw is not None and claim is not None:
                sig, index, count, proof, cut = claim
                groups.setdefault((sig, count), []).append((index, raw, proof, cut))
        for (sig, count), members in groups.items():
            if len(members) == count:
                try:
                    self._prove_whole(sig.decode("ascii"), count, members)
                except UnicodeDecodeError:
                    pass  # not base64url: `verify` says so

    def _prove_whole(self, sig: str, count: int,
                     members: list[tuple[int, bytes, bytes, int]]) -> None:
        members.sort(key=itemgetter(0))
        if any(member[0] != index for index, member in enumerate(members)):
            return  # a duplicate leaves an index missing
        kid = _kid_text(members[0][1], members[0][3])
        known = self.verifiers.get(kid) if kid is not None else None
        if kid is None or known is None:
            return
        leaves = [merkle.leaf_hash_of(memoryview(raw)[:cut], b"}") for _, raw, _, cut in members]
        root, paths = merkle.tree(leaves)
        proofs = [proof_text(index, count, path) for index, path in enumerate(paths)]
        if any(proof.encode() != member[2] for proof, member in zip(proofs, members,
                                                                     strict=True)):
            return
        check = self._checks.get(kid)
        if check is None:
            check = self._checks[kid] = verifier(known[1])
        try:
            signature = self._signature(sig)
        except ForgedEvent:
            return
        if not self._root_signed(kid, check, signature, root_message(count, root)):
            return
        if len(self._proven) + count > PROVEN_REMEMBERED:
            self._proven.clear()  # records never verified (a loop stopped mid-fetch)
        for (_, raw, _, _), proof in zip(members, proofs, strict=True):
            self._proven[raw] = (kid, sig, proof)

    def _signature(self, sig: str) -> bytes:
        """`sig` decoded (`ForgedEvent` if it is not base64url), remembered: the records of
        a batch share one signature, decoded once (a pure function's memo; when full it
        starts over). The same bytes object each time also keeps its hash for the roots'
        memo."""
        signature = self._signatures.get(sig)
        if signature is None:
            try:
                signature = _unb64(sig)
            except ValueError:
                raise ForgedEvent("signature is not base64url") from None
            if len(self._signatures) >= SIGNATURES_REMEMBERED:
                self._signatures.clear()
            self._signatures[sig] = signature
        return signature

    def _check_history(self, kid: str, at: watermarks.Position | None) -> None:
        ends = self.history_ends.get(kid)
        if ends is None:
            raise ForgedEvent(f"retired key id {kid} has no watermark")
        if not watermarks.below(ends, at):
            raise ForgedEvent(f"retired key id {kid} past its watermark")

    def _verify_in_batch(self, kid: str, check: Verify, signature: bytes, sig: str,
                         proof: object, envelope: dict[str, Any], raw: bytes) -> None:
        """A record of a batch: its leaf, index and path reach a root signed by `kid`."""
        if not isinstance(proof, str):
            raise ForgedEvent("malformed audit path")
        index, count, path = parse_proof(proof)
        tail = _PROOF_FIELD + proof.encode() + b'"' + _SIG_FIELD + sig.encode() + b'"}'
        for leaf in self._leaf_hashes(raw, tail, envelope):
            try:
                root = self._nodes.root_from_path(leaf, index, count, path)
            except merkle.BadProof as exc:
                raise ForgedEvent(str(exc)) from None
            if self._root_signed(kid, check, signature, root_message(count, root)):
                return
        raise ForgedEvent("bad batch signature")

    @staticmethod
    def _leaf_hashes(raw: bytes, tail: bytes, envelope: dict[str, Any]) -> Iterator[bytes]:
        """The hash of what the leaf may be: as our producers write it, the bytes received
        without the proof and signature (hashed from the received bytes, not copied out of
        them first); else (or if that fails) the canonical form, made only then."""
        cut = len(raw) - len(tail) if raw.endswith(tail) else -1
        if cut >= 0:
            yield merkle.leaf_hash_of(memoryview(raw)[:cut], b"}")
        try:
            again = canonical(envelope)
        except ValueError:  # lone surrogates cannot encode
            return
        if cut < 0 or again != raw[:cut] + b"}":
            yield merkle.leaf_hash(again)

    def _root_signed(self, kid: str, check: Verify, signature: bytes, message: bytes) -> bool:
        """Whether `signature` by `kid` signs `message`, asking Ed25519 once per triple
        (signed or refused: the check is a pure function of the three)."""
        key = (kid, message, signature)
        if key == self._last_root:  # the records of a batch follow each other
            return True
        if key in self._roots:
            self._roots.move_to_end(key)
            return True
        if key in self._refused:
            return False
        if not check(signature, message):
            self._refused[key] = None
            if len(self._refused) > ROOTS_REMEMBERED:
                self._refused.popitem(last=False)
            return False
        self._roots[key] = None
        object.__setattr__(self, "_last_root", key)  # (a frozen dataclass: a memo field)
        if len(self._roots) > ROOTS_REMEMBERED:
            self._roots.popitem(last=False)
        return True

    @staticmethod
    def _valid_as_sent(check: Verify, signature: bytes, sig: str, raw: bytes) -> bool:
        # Our producers append the signature as the last member of the canonical bytes;
        # then what was signed is the received bytes up to it. Sound for any input:
        # the signature covers exactly the bytes that were parsed, bar the signature.
        tail = _SIG_FIELD + sig.encode() + b'"}'
        if not raw.endswith(tail):
            return False
        return check(signature, raw[: -len(tail)] + b"}")

    @staticmethod
    def _valid_canonical(check: Verify, signature: bytes, envelope: dict[str, Any]) -> bool:
        try:
            message = canonical(envelope)
        except ValueError:  # lone surrogates cannot encode
            return False
        return check(signature, message)


def load_keyring(directory: Path) -> Keyring:
    """Read every `<service>.key` / `<service>.pub` in `directory` (cached per directory,
    so a process reads its keys once)."""
    return _load(directory.resolve())


def keyring_for(settings: Settings) -> Keyring:
    return load_keyring(keys_dir(settings))


def keys_dir(settings: Settings) -> Path:
    return settings.event_keys_dir or settings.data_dir / "keys"


def load_public(path: Path) -> Ed25519PublicKey:
    """The Ed25519 public key in PEM file `path`, or `ConfigError`."""
    public = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(public, Ed25519PublicKey):
        raise ConfigError(f"{path} is not an Ed25519 public key")
    return public


def key_file_owner(path: Path) -> tuple[str, bool]:
    """(service, retired) named by a public key file: `<service>.pub` signs today,
    `<service>.<UTC stamp>.pub` is retired."""
    return path.name.split(".")[0], path.name.count(".") > 1


@cache
def _load(directory: Path) -> Keyring:
    if not directory.is_dir():
        raise ConfigError(f"event keys directory {directory} does not exist "
                          "(ORCAST_EVENT_KEYS_DIR; `orcast keys generate --dir DIR`)")
    keyring = Keyring()
    for path in sorted(directory.glob("*.pub")):
        public = load_public(path)
        service, retired = key_file_owner(path)
        kid = key_id(service, public)
        keyring.verifiers[kid] = (service, public)
        if retired:
            keyring.retired.add(kid)
            ends = watermarks.for_retired(path, kid)
            if ends is not None:
                keyring.history_ends[kid] = ends
    for path in sorted(directory.glob("*.key")):
        if "." in path.stem:
            continue  # only `<service>.key` signs
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(private, Ed25519PrivateKey):
            raise ConfigError(f"{path} is not an Ed25519 private key")
        kid = key_id(path.stem, private.public_key())
        keyring.signers[path.stem] = (kid, private)
        keyring.verifiers.setdefault(kid, (path.stem, private.public_key()))
    logger.info("event keys: may sign as %s; %d public keys",
                ",".join(sorted(keyring.signers)) or "nobody", len(keyring.verifiers))
    return keyring


def generate(directory: Path, services: Iterable[str]) -> list[Path]:
    """Write a key pair for each service that has none yet (existing keys are kept, so a
    restart signs with the same keys); returns the files written."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    written: list[Path] = []
    for service in services:
        private_path, public_path = directory / f"{service}.key", directory / f"{service}.pub"
        if private_path.exists():
            continue
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        public_path.write_bytes(private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
        written += [private_path, public_path]
    return written
