#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and starts a real VS Code (code-server's build) on 127.0.0.1 with
# Paper Shelf loaded in development mode and the sample library. Prints the URL to open; Ctrl+C stops it.
# PORT=8080 npm start picks the port (default: a free one). Settings and the library persist in .vscode-test/start/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi
bash scripts/install-vscode.sh
node scripts/build.mjs
exec node scripts/code-server.js
