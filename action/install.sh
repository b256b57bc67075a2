#!/usr/bin/env bash
# Installs im-bill from this action's checkout as users install it: built, packed, and
# installed globally from the tarball (no install scripts), then on PATH.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
if [ ! -f dist/cli.cjs ]; then
  npm ci --no-audit --no-fund
  npm run build
fi
tarball="$(npm pack --ignore-scripts --silent --pack-destination "$RUNNER_TEMP")"
npm install --global --no-audit --no-fund "$RUNNER_TEMP/$tarball"
echo "$(npm prefix --global)/bin" >> "$GITHUB_PATH"
"$(npm prefix --global)/bin/im-bill" --version
