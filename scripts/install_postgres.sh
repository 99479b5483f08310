#!/usr/bin/env bash
# Install Debian's PostgreSQL server for the tests that run the storage on PostgreSQL.
# Nothing is started here and the cluster Debian creates is not used: each test run starts
# its own server under a temporary directory, on loopback (tests/postgres.py).
set -euo pipefail

PACKAGES=(postgresql)

found() {
    compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null
}

if found; then
    echo "PostgreSQL is already installed: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: apt-get not found. Install PostgreSQL (pg_ctl under /usr/lib/postgresql/*/bin)." >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "error: installing PostgreSQL needs root. Run this script as root (or install sudo): ${PACKAGES[*]}" >&2
    exit 1
fi

echo "Installing ${PACKAGES[*]} with apt-get (this takes a minute)..."
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
# Debian starts its own cluster on port 5432; the tests never use it.
"${SUDO[@]}" service postgresql stop >/dev/null 2>&1 || true

if ! found; then
    echo "error: apt-get finished but pg_ctl is missing; check the package name for your distribution." >&2
    exit 1
fi
echo "installed: $(ls -d /usr/lib/postgresql/*/bin | head -1)"
