"""Merkle trees over a batch of events, as RFC 6962 / RFC 9162 (Certificate Transparency)
builds them: one signature over the root covers every leaf, and each leaf proves its
place with its index, the leaf count and its audit path alone (signing.py).

Domain separation: a leaf hashes `0x00 || bytes`, an inner node `0x01 || left || right`,
so an inner node can never pass for a leaf (a second preimage) nor the reverse. The
shape of the tree follows from the leaf count: the left subtree holds the largest power
of two below it. Hence index and count fix which side each sibling is on and how many
siblings a path has, and an inclusion check (RFC 9162 2.1.3.2) either reaches exactly
one root or fails.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

HASH_BYTES = 32
MAX_LEAVES = 1 << 32  # a path of at most 32 siblings; batches are thousands at most


class BadProof(ValueError):
    """An index, count or path that leads to no root; `str` is PHI-free."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def leaf_hash_of(*parts: bytes | memoryview) -> bytes:
    """`leaf_hash` of the parts joined, without joining them (a verifier hashes a received
    record up to its proof: no copy of the kilobyte)."""
    digest = hashlib.sha256(b"\x00")
    for part in parts:
        digest.update(part)
    return digest.digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


class NodeMemo:
    """`node_hash`, remembering recent answers. The records of one batch each climb the
    same tree: 80 records hash ~7 nodes each, but the tree has only 79, so most climbs
    ask again for a node a sibling record already hashed. A pure function's memo: every
    answer is exactly `node_hash`'s, only cheaper; when full it starts over (a flood of
    strange paths costs speed, never correctness or unbounded memory)."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._known: dict[tuple[bytes, bytes], bytes] = {}

    def __call__(self, left: bytes, right: bytes) -> bytes:
        key = (left, right)
        node = self._known.get(key)
        if node is None:
            if len(self._known) >= self._limit:
                self._known.clear()
            node = self._known[key] = node_hash(left, right)
        return node

    def root_from_path(self, leaf: bytes, index: int, count: int, path: list[bytes]) -> bytes:
        """`root_from_path(leaf, index, count, path, self)`, each node looked up here
        rather than through a call of `self` per level (a batch record climbs ~7 levels,
        nearly all of them remembered): the same answer and the same `BadProof`s."""
        if not 0 < count <= MAX_LEAVES:
            raise BadProof("leaf count out of range")
        if not 0 <= index < count:
            raise BadProof("leaf index out of range")
        if not set(map(len, path)) <= {HASH_BYTES}:
            raise BadProof("audit path of the wrong width")
        get = self._known.get
        fn, sn, node = index, count - 1, leaf
        for sibling in path:
            if sn == 0:
                raise BadProof("audit path of the wrong length")
            if fn & 1 or fn == sn:
                node = get((sibling, node)) or self(sibling, node)
                if not fn & 1:
                    while not fn & 1 and fn != 0:
                        fn, sn = fn >> 1, sn >> 1
            else:
                node = get((node, sibling)) or self(node, sibling)
            fn, sn = fn >> 1, sn >> 1
        if sn != 0:
            raise BadProof("audit path of the wrong length")
        return node


def tree(leaves: list[bytes]) -> tuple[bytes, list[list[bytes]]]:
    """The root over `leaves` (leaf hashes, at least one) and each leaf's audit path,
    deepest sibling first. Every node is hashed once."""
    if not leaves:
        raise ValueError("a Merkle tree needs at least one leaf")
    if len(leaves) == 1:
        return leaves[0], [[]]
    split = 1 << ((len(leaves) - 1).bit_length() - 1)  # largest power of two below
    left, left_paths = tree(leaves[:split])
    right, right_paths = tree(leaves[split:])
    for path in left_paths:
        path.append(right)
    for path in right_paths:
        path.append(left)
    return node_hash(left, right), left_paths + right_paths


def root_from_path(leaf: bytes, index: int, count: int, path: list[bytes],
                   hash_nodes: Callable[[bytes, bytes], bytes] = node_hash) -> bytes:
    """The root that leaf hash `leaf` at `index` of `count` leaves reaches through `path`
    (RFC 9162 2.1.3.2), or `BadProof`. `hash_nodes`: `node_hash` or a `NodeMemo`."""
    if not 0 < count <= MAX_LEAVES:
        raise BadProof("leaf count out of range")
    if not 0 <= index < count:
        raise BadProof("leaf index out of range")
    if not set(map(len, path)) <= {HASH_BYTES}:  # in C: a generator cost ~0.5 µs
        raise BadProof("audit path of the wrong width")
    fn, sn, node = index, count - 1, leaf
    for sibling in path:
        if sn == 0:  # the root is reached before the path ends
            raise BadProof("audit path of the wrong length")
        if fn & 1 or fn == sn:
            node = hash_nodes(sibling, node)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn, sn = fn >> 1, sn >> 1
        else:
            node = hash_nodes(node, sibling)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:  # the path ends below the root
        raise BadProof("audit path of the wrong length")
    return node
