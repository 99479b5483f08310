#!/usr/bin/env bash
# Install Debian's Redis and nginx for `make scale-test` (Rasa replicas behind a load balancer).
# Nothing is left running: Debian starts both services on install (nginx on every address), so
# they are stopped at once; the scale test starts its own, on loopback, under a temporary directory.
set -euo pipefail
source "$(dirname "$0")/apt_install.sh"

if command -v redis-server >/dev/null 2>&1 && [ -x /usr/sbin/nginx ]; then
    echo "redis-server and nginx are already installed"
    exit 0
fi
apt_install redis-server nginx-light
"${SUDO[@]}" service nginx stop >/dev/null 2>&1 || true
"${SUDO[@]}" service redis-server stop >/dev/null 2>&1 || true
echo "installed: $(redis-server --version | cut -d' ' -f1-3), $(/usr/sbin/nginx -v 2>&1)"
