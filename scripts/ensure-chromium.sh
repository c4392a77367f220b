#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end browser tests (tests/e2e), unless it is already there.
# Idempotent; needs root (CI and the dev machines run as root). Playwright drives /usr/bin/chromium.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "Chromium already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing at $CHROMIUM and installing it needs root: run 'apt-get install chromium' as root." >&2
  exit 1
fi

echo "Chromium is missing at $CHROMIUM; installing Debian's chromium package"
echo "+ apt-get update"
apt-get update
echo "+ apt-get install -y --no-install-recommends chromium"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium </dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "apt-get installed chromium but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "Installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
