#!/usr/bin/env bash
# Screenshots of each node's panel in n8n's editor (docs/screenshots/<node>.png): a by-product of the
# browser suite (test/browser), which uses every node in the real editor through playwright-core and
# Debian's Chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-packages.sh browser
exec npm run test:browser -- "$@"
