#!/usr/bin/env bash
# Install Debian's Chromium (and a font for readable screenshots) for the browser tests.
# Playwright's own browser download is not used: the tests launch /usr/bin/chromium.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-dejavu-core)

if [ -x "$CHROMIUM" ]; then
    echo "chromium is already installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found. Install Chromium so that $CHROMIUM exists, then run the browser tests." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "error: installing Chromium needs root. Run this script as root (or install sudo): ${PACKAGES[*]}" >&2
    exit 1
fi

echo "Installing ${PACKAGES[*]} with apt-get (this takes a minute)..."
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null

if [ ! -x "$CHROMIUM" ]; then
    echo "error: apt-get finished but $CHROMIUM is missing; check the package name for your distribution." >&2
    exit 1
fi
echo "installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
