#!/usr/bin/env bash
# Installs im-bill as users install it, into the prefix the cache step restores, then puts
# it on PATH. Nothing is installed when the prefix already holds that version:
# - registry: `npm install --global im-bill@<version>`;
# - checkout: the action's own files built (`npm ci`, whose prepare script builds, unless
#   dist/ is there), packed as a release is (scripts/pack.mjs) and installed from that
#   tarball (no install scripts).
set -euo pipefail
bin="$IM_BILL_PREFIX/bin"
if [ -x "$bin/im-bill" ] && [ "$("$bin/im-bill" --version)" = "$IM_BILL_VERSION" ]; then
  echo "im-bill $IM_BILL_VERSION restored from the cache"
elif [ "$IM_BILL_SOURCE" = registry ]; then
  npm install --global --prefix "$IM_BILL_PREFIX" --no-audit --no-fund "im-bill@$IM_BILL_VERSION"
else
  cd "$GITHUB_ACTION_PATH"
  if [ ! -f dist/cli.cjs ]; then
    npm ci --no-audit --no-fund
  fi
  tarball="$(node scripts/pack.mjs --no-build --pack-destination "$RUNNER_TEMP")"
  npm install --global --prefix "$IM_BILL_PREFIX" --no-audit --no-fund "$RUNNER_TEMP/$tarball"
fi
echo "$bin" >> "$GITHUB_PATH"
"$bin/im-bill" --version
