"""The folded lexicon kept on disk between runs, so that `orcast deid` starts in well under
a second: reading and folding ~160,000 list lines takes ~0.3 s, loading them back ~30 ms.

The file is `marshal` data (plain dicts, tuples, sets, strings and ints: loading it runs no
code, unlike pickle), named by a SHA-256 over the engine's sources, every file under the
data folder, the caller's extra word sets and the Python version; any change makes a new
name, and anything wrong with a file (missing, truncated, another layout) means the lists
are read again. Only the word lists are stored: no note text, no identifier.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .lexicon import DATA_DIR, Lexicon

_ENGINE_DIR = Path(__file__).resolve().parent


# Lexicons a service process has already read, by their word sets: a second engine in the
# same process (approval's comment gate beside its own, or a test stack after another)
# shares the first one's read-only lists instead of reading ~160,000 lines again.
_LOADED: dict[str, Lexicon] = {}


def load(extra: dict[int, Iterable[str]], cache_dir: Path | None) -> Lexicon:
    """`Lexicon.load(extra)`, through the cache in `cache_dir` when one is given (the
    CLI's, across runs), else through this process's memory."""
    frozen: dict[int, Iterable[str]] = {bit: sorted(set(words)) for bit, words in extra.items()}
    if cache_dir is None:
        key = repr(sorted(frozen.items()))
        loaded = _LOADED.get(key)
        if loaded is None:
            loaded = _LOADED[key] = Lexicon.load(frozen)
        return loaded
    path = cache_dir / f"deid-lexicon-{_key(frozen)}.marshal"
    try:
        return Lexicon(**marshal.loads(path.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        pass  # absent or unreadable: build it
    lexicon = Lexicon.load(frozen)
    _store(path, lexicon)
    return lexicon


def _key(extra: dict[int, Iterable[str]]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for folder in (_ENGINE_DIR, DATA_DIR):
        for file in sorted(folder.iterdir()):
            if file.is_file():
                digest.update(file.name.encode() + b"\0" + file.read_bytes())
    digest.update(repr(sorted((bit, list(words)) for bit, words in extra.items())).encode())
    return digest.hexdigest()[:32]


def _store(path: Path, lexicon: Lexicon) -> None:
    try:
        data = marshal.dumps({f.name: getattr(lexicon, f.name)
                              for f in dataclasses.fields(lexicon)})
    except ValueError:
        return  # a field marshal cannot hold: no cache, same lexicon
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # readers see the old file or the whole new one
    except OSError:
        pass  # a read-only home: start slower, work the same
