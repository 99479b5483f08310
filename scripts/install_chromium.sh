#!/usr/bin/env bash
# Install Debian's Chromium (and a font for readable screenshots) for the browser tests.
# Playwright's own browser download is not used: the tests launch /usr/bin/chromium.
set -euo pipefail
source "$(dirname "$0")/apt_install.sh"

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "chromium is already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    exit 0
fi
apt_install chromium fonts-dejavu-core
if [ ! -x "$CHROMIUM" ]; then
    echo "error: apt-get finished but $CHROMIUM is missing; check the package name for your distribution." >&2
    exit 1
fi
echo "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
