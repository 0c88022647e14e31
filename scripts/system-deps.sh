#!/usr/bin/env bash
# System packages the browser tests need (Debian/Ubuntu): Chromium, driven by Playwright
# through executable_path=/usr/bin/chromium. Does nothing when they are already present.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: install Chromium at /usr/bin/chromium (no apt-get here)" >&2
  exit 1
fi
echo "system-deps: installing chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
