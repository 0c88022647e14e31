"""Headless Debian Chromium driven by Playwright (no browser download: executable_path)."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = os.environ.get("ORCAST_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def artifacts_dir() -> Path:
    path = Path(os.environ.get("ORCAST_TEST_ARTIFACTS", "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path
