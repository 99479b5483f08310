#!/usr/bin/env bash
# Build the web chat widget's vendor files: install the pinned socket.io-client with npm
# (only when node_modules is missing or package-lock.json changed) and copy its browser
# bundle into static/vendor/, so the widget never loads anything from a CDN.
set -euo pipefail

WEBCHAT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/bot/channels/webchat"
VENDOR="$WEBCHAT/static/vendor"
STAMP="$WEBCHAT/node_modules/.package-lock.json.installed"

if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm not found. Install Node.js 18 or newer (with npm), then run $0 again." >&2
    exit 1
fi

cd "$WEBCHAT"
if [ ! -d node_modules ] || ! cmp -s package-lock.json "$STAMP"; then
    echo "Installing the web chat's npm packages (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$STAMP"
fi

mkdir -p "$VENDOR"
for file in socket.io.min.js socket.io.min.js.map; do
    cp node_modules/socket.io-client/dist/"$file" "$VENDOR/$file"
done
echo "web chat vendor files are in ${VENDOR#"$PWD/"}"
