#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the browser tests (tests/test_web.py); install it when missing.
# Playwright drives this system browser: no browser is downloaded by Playwright itself.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
  chromium --version 2>/dev/null || true
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium is missing; install it as root: apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
