"""A case's own identifiers (patient names, MRN, date of birth) as keyed hashes.

Why hashes: the case identifiers ride on the `orcast.cases` topic and beside
milestones, which several services read (approval, viewer, audit, …). Plaintext
names there would spread PHI to every consumer, its logs and its retention.
So the cases service sends only HMAC-SHA256(key, kind ‖ normalised token), and
the engine, holding the same key, hashes each note token (and token pair, date
and digit run) the same way and compares digests. Without the key a digest
cannot be tested against a guessed name, unlike a plain hash of a name, which a
dictionary of names reverses at once.

Normalisation (identical on both sides, else nothing matches): NFKD with
combining marks dropped, casefold, possessive 's dropped, apostrophes dropped;
names split on spaces and hyphens, each part kept plus the joined compound
(van der Berg -> van, der, berg, vanderberg) and initials (John Q Smith -> js, jqs);
one-character deletions of parts of 5+ letters catch one-slip typos (Smtih);
MRN -> digits only without leading zeros, and beside it its length (salted by its
digest: `mrn_length_value`), which spares the engine hashing slips of other lengths,
and its last four digits (salted alike: `mrn_end_value`), which a note may give alone;
DOB -> ISO date.

Wire form (schemas/case-identifiers.json):
    {"v": 1, "alg": "HMAC-SHA256", "key_id": 16 hex, "names": [...], "initials": [...],
     "fuzzy": [...], "mrn": [...], "dob": [...]}   # every list: sorted 64-hex digests
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


class CaseIdentifiersError(ValueError):
    """Case identifiers could not be built or read back (messages never quote PHI)."""

WIRE_VERSION = 1
ALG = "HMAC-SHA256"
_KINDS = ("names", "initials", "fuzzy", "mrn", "dob")
_PREFIX = {k: k.encode() + b"\x1f" for k in _KINDS}
_HEX64 = re.compile(r"[0-9a-f]{64}")
_APOS = str.maketrans("", "", "'’`")
_NAME_SPLIT = re.compile(r"[\s\-‐–.,]+")
_MAX_ITEMS = 512
# Name particles are not identifying alone (and "la", "de" are everyday tokens); the
# engine widens a matched name over a particle next to it instead.
PARTICLES = frozenset(
    "de la le du da di del della van von der den ter st al el bin ibn mc mac y e".split())


def normalise(token: str) -> str:
    """Normalise one word the way both sides must (see module docstring)."""
    if token.isascii():
        t = token.lower()
    else:
        t = unicodedata.normalize("NFKD", token)
        t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    if len(t) > 2 and t[-2] in "'’" and t[-1] == "s":
        t = t[:-2]
    elif len(t) > 1 and t[-1] in "'’":
        t = t[:-1]
    return t.translate(_APOS)


def normalise_mrn(value: str) -> str:
    return "".join(c for c in value if c.isdigit()).lstrip("0")


def deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def key_id(key: bytes) -> str:
    return hmac.digest(key, b"orcast:deid:key-id", "sha256").hex()[:16]


def _digest(key: bytes, kind: str, value: str) -> bytes:
    return hmac.digest(key, _PREFIX[kind] + value.encode("utf-8"), "sha256")


# The longest MRN whose length the engine asks for; a longer one is matched as before.
MRN_LENGTH_MAX = 40


def mrn_length_value(mrn_digest: bytes, length: int, *, end: bool = False) -> str:
    """How an MRN's length is hashed, in the "mrn" list beside the MRN's digest: salted by
    that digest, so two cases whose MRNs are as long share nothing on the wire, and never
    a digit string, so no number in a note can match it. The engine asks it to hash only
    the one-slip spellings of a number as long as the MRN (issue 14). `end`: the list
    also holds the digest of the MRN's last four digits (`mrn_end_value`); a reader
    counts the list's items by it."""
    return f"len:{length}:{mrn_digest.hex()}" + (":end" if end else "")


MRN_END_DIGITS = 4


def mrn_end_value(mrn_digest: bytes, end: str) -> str:
    """How the MRN's last four digits are hashed, in the "mrn" list: "pt 8213 to bay 2"
    names the patient of MRN 4178213 to anyone who knows it (attack15). Salted by the
    MRN's digest like its length, and never a digit string: a four-digit number in a note
    matches it only when the engine asks for that MRN's end."""
    return f"end:{end}:{mrn_digest.hex()}"


_IPAD = bytes(x ^ 0x36 for x in range(256))
_OPAD = bytes(x ^ 0x5C for x in range(256))


class _KeyedDigest:
    """`_digest(key, kind, ·)` with the key's pads and the kind's prefix hashed once, not on
    every call: the same HMAC-SHA256 (RFC 2104), ~2.5 times faster. The engine hashes every
    note word and ~120 one-slip spellings of each 5-6 digit number (issue 14)."""

    __slots__ = ("_inner", "_outer")

    def __init__(self, key: bytes, kind: str) -> None:
        block = hashlib.sha256().block_size
        if len(key) > block:
            key = hashlib.sha256(key).digest()
        key = key.ljust(block, b"\0")
        self._inner = hashlib.sha256(key.translate(_IPAD))
        self._inner.update(_PREFIX[kind])
        self._outer = hashlib.sha256(key.translate(_OPAD))

    def __call__(self, value: str) -> bytes:
        inner = self._inner.copy()
        inner.update(value.encode("utf-8"))
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.digest()


def name_forms(full_name: str) -> tuple[set[str], set[str], set[str]]:
    """(tokens, initials, typo deletions) of one full name, all normalised."""
    parts = [normalise(p) for p in _NAME_SPLIT.split(full_name)]
    parts = [p for p in parts if p]
    # A particle standing as the first or last part ("Le", "Van") is the name itself.
    edge = {0, len(parts) - 1}
    tokens = {p for k, p in enumerate(parts)
              if len(p) >= 2 and (p not in PARTICLES or k in edge)}
    if len(parts) > 1:
        tokens.add("".join(parts))
    for raw in full_name.split():  # "O'Brien" -> also "brien"; "Al-Sayed" -> "alsayed"
        for piece in re.split(r"['’`]", raw):
            n = normalise(piece)
            if len(n) >= 2 and n not in PARTICLES:
                tokens.add(n)
    initials: set[str] = set()
    main = [p for p in parts if p not in PARTICLES] or parts
    for seq in (main, parts):
        if len(seq) >= 2:
            initials.add("".join(p[0] for p in seq)[:4])
            initials.update(seq[0][0] + p[0] for p in seq[1:])
    # parts of five letters or more with a letter dropped (a slip's shared form); and of
    # four, whose three-letter forms meet a four-letter slip (swap, changed letter) of them
    fuzzy = {d for p in tokens if len(p) >= 4 for d in deletions(p)}
    return tokens, initials, fuzzy


def _mrn_digests(key: bytes, mrn_n: str) -> list[bytes]:
    """The MRN's digest, its length's (`mrn_length_value`) and, for an MRN longer than
    four digits, its last four's (`mrn_end_value`); none for an MRN too short."""
    if len(mrn_n) < 4:
        return []
    mrn = _digest(key, "mrn", mrn_n)
    if len(mrn_n) <= MRN_END_DIGITS:  # its end is the MRN itself
        return [mrn, _digest(key, "mrn", mrn_length_value(mrn, len(mrn_n)))]
    return [mrn, _digest(key, "mrn", mrn_length_value(mrn, len(mrn_n), end=True)),
            _digest(key, "mrn", mrn_end_value(mrn, mrn_n[-MRN_END_DIGITS:]))]


def _iso(dob: str | dt.date) -> str:
    if isinstance(dob, dt.date):
        return dob.isoformat()
    try:
        return dt.date.fromisoformat(dob.strip()).isoformat()
    except ValueError:
        raise CaseIdentifiersError("dob must be an ISO date (YYYY-MM-DD)") from None


class CaseIdentifiers:
    """Digest sets for one case; holds the key so the engine can hash note tokens alike."""

    __slots__ = ("_digests", "_key", "_sets")

    def __init__(self, key: bytes, sets: Mapping[str, frozenset[bytes]]) -> None:
        if not isinstance(key, bytes | bytearray) or not key:
            raise CaseIdentifiersError("key must be non-empty bytes (32 random bytes advised)")
        self._key = bytes(key)
        self._sets = {k: frozenset(sets.get(k, ())) for k in _KINDS}
        self._digests: dict[str, _KeyedDigest] = {}  # by kind, made on first use

    @classmethod
    def from_plain(cls, *, names: Sequence[str], mrn: str | None,
                   dob: str | dt.date | None, key: bytes) -> CaseIdentifiers:
        if isinstance(names, str):
            raise CaseIdentifiersError("names must be a sequence of names, not one string")
        tokens: set[str] = set()
        initials: set[str] = set()
        fuzzy: set[str] = set()
        for name in names:
            if not isinstance(name, str):
                raise CaseIdentifiersError("each name must be a string")
            t, i, f = name_forms(name)
            tokens |= t
            initials |= i
            fuzzy |= f
        key = bytes(key)
        mrn_n = normalise_mrn(mrn) if mrn else ""
        sets = {
            "names": frozenset(_digest(key, "names", t) for t in tokens),
            "initials": frozenset(_digest(key, "initials", i) for i in initials),
            "fuzzy": frozenset(_digest(key, "fuzzy", f) for f in fuzzy),
            "mrn": frozenset(_mrn_digests(key, mrn_n)),
            "dob": frozenset([_digest(key, "dob", _iso(dob))] if dob else []),
        }
        return cls(key, sets)

    def mrn_lengths(self) -> frozenset[int] | None:
        """The lengths of the case's MRNs as its registration hashed them, or None when it
        says none for some MRN (registered before lengths were, or longer than
        MRN_LENGTH_MAX): then every length is possible."""
        lengths, _ends = self.mrn_shape()
        return lengths

    def mrn_shape(self) -> tuple[frozenset[int] | None, tuple[bytes, ...]]:
        """`mrn_lengths()`, and the digests of the MRNs whose last four digits the list
        holds (`mrn_end_value`): registrations made before ends were hashed have none."""
        bucket = self._sets["mrn"]
        digest = self._digest_of("mrn")
        lengths: set[int] = set()
        said: set[bytes] = set()  # the length digests found
        salts: set[bytes] = set()  # the MRN digests whose length was found
        ends: list[bytes] = []  # ... and that have an end digest too
        for salt in bucket:
            if salt in said:  # the length of an MRN already read: no MRN of its own
                continue
            for n in range(4, MRN_LENGTH_MAX + 1):
                found = digest(mrn_length_value(salt, n))
                if found not in bucket:
                    found = digest(mrn_length_value(salt, n, end=True))
                    if found not in bucket:
                        continue
                    ends.append(salt)
                lengths.add(n)
                said.add(found)
                salts.add(salt)
                break
        # what is left is an MRN with no length, or the end digest of one with: each MRN
        # whose length says it has an end has exactly one
        known = len(bucket - said - salts) == len(ends)
        return (frozenset(lengths) if known else None), tuple(sorted(ends))

    def to_wire(self) -> dict[str, Any]:
        wire: dict[str, Any] = {"v": WIRE_VERSION, "alg": ALG, "key_id": key_id(self._key)}
        for kind in _KINDS:
            wire[kind] = sorted(d.hex() for d in self._sets[kind])
        return wire

    @classmethod
    def from_wire(cls, wire: Mapping[str, Any], *, key: bytes) -> CaseIdentifiers:
        if not isinstance(wire, Mapping):
            raise CaseIdentifiersError("wire form must be an object")
        if wire.get("v") != WIRE_VERSION or wire.get("alg") != ALG:
            raise CaseIdentifiersError("unsupported wire version or algorithm")
        if wire.get("key_id") != key_id(bytes(key)):
            raise CaseIdentifiersError("identifiers were hashed with a different key")
        sets: dict[str, frozenset[bytes]] = {}
        for kind in _KINDS:
            items = wire.get(kind, [])
            if not isinstance(items, list) or len(items) > _MAX_ITEMS:
                raise CaseIdentifiersError(f"'{kind}' must be a list of at most {_MAX_ITEMS}")
            if not all(isinstance(h, str) and _HEX64.fullmatch(h) for h in items):
                raise CaseIdentifiersError(f"'{kind}' must hold 64-hex digests")
            sets[kind] = frozenset(bytes.fromhex(h) for h in items)
        return cls(key, sets)

    # ---- matching (used by the engine)
    def has(self, kind: str, value: str) -> bool:
        bucket = self._sets[kind]
        return bool(bucket) and self._digest_of(kind)(value) in bucket

    def has_any_of(self, kind: str, values: Iterable[str]) -> bool:
        """Whether any of `values` is one of this case's `kind`."""
        bucket = self._sets[kind]
        if not bucket:
            return False
        digest = self._digest_of(kind)
        return any(digest(value) in bucket for value in values)

    def _digest_of(self, kind: str) -> _KeyedDigest:
        found = self._digests.get(kind)
        if found is None:
            found = self._digests[kind] = _KeyedDigest(self._key, kind)
        return found

    def has_any(self, kind: str) -> bool:
        return bool(self._sets[kind])

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CaseIdentifiers) and self._key == other._key
                and self._sets == other._sets)

    def __hash__(self) -> int:
        return hash(tuple(self._sets[k] for k in _KINDS))

    def __repr__(self) -> str:  # never the key, never digests
        sizes = ", ".join(f"{k}={len(self._sets[k])}" for k in _KINDS)
        return f"CaseIdentifiers({sizes})"
