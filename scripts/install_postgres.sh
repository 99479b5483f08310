#!/usr/bin/env bash
# Install Debian's PostgreSQL server for the tests that run the storage on PostgreSQL.
# Nothing is started here and the cluster Debian creates is not used: each test run starts
# its own server under a temporary directory, on loopback (tests/postgres.py).
set -euo pipefail
source "$(dirname "$0")/apt_install.sh"

found() {
    compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null
}

if found; then
    echo "PostgreSQL is already installed: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
    exit 0
fi
apt_install postgresql
# Debian starts its own cluster on port 5432; the tests never use it.
"${SUDO[@]}" service postgresql stop >/dev/null 2>&1 || true
if ! found; then
    echo "error: apt-get finished but pg_ctl is missing; check the package name for your distribution." >&2
    exit 1
fi
echo "installed: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
