#!/usr/bin/env bash
# Install Debian's Redis and nginx for `make scale-test` (Rasa replicas behind a load balancer).
# Nothing is left running: Debian starts both services on install (nginx on every address), so
# they are stopped at once; the scale test starts its own, on loopback, under a temporary directory.
set -euo pipefail

PACKAGES=(redis-server nginx-light)

if command -v redis-server >/dev/null 2>&1 && [ -x /usr/sbin/nginx ]; then
    echo "redis-server and nginx are already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found. Install redis-server and nginx." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "error: installing ${PACKAGES[*]} needs root. Run this script as root (or install sudo)." >&2
    exit 1
fi
echo "Installing ${PACKAGES[*]} with apt-get (this takes a minute)..."
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
"${SUDO[@]}" service nginx stop >/dev/null 2>&1 || true
"${SUDO[@]}" service redis-server stop >/dev/null 2>&1 || true
echo "installed: $(redis-server --version | cut -d' ' -f1-3), $(/usr/sbin/nginx -v 2>&1)"
