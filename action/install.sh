#!/usr/bin/env bash
# Installs im-bill as users install it, then puts it on PATH:
# - registry: `npm install --global im-bill@<version>` into a prefix of the tool cache,
#   skipped when the cache step restored that prefix;
# - checkout: built, packed and installed globally from the tarball (no install scripts).
set -euo pipefail
if [ "$IM_BILL_SOURCE" = registry ]; then
  if [ -x "$IM_BILL_PREFIX/bin/im-bill" ] && [ "$("$IM_BILL_PREFIX/bin/im-bill" --version)" = "$IM_BILL_VERSION" ]; then
    echo "im-bill $IM_BILL_VERSION restored from the cache"
  else
    npm install --global --prefix "$IM_BILL_PREFIX" --no-audit --no-fund "im-bill@$IM_BILL_VERSION"
  fi
  bin="$IM_BILL_PREFIX/bin"
else
  cd "$GITHUB_ACTION_PATH"
  if [ ! -f dist/cli.cjs ]; then
    npm ci --no-audit --no-fund
    npm run build
  fi
  tarball="$(npm pack --ignore-scripts --silent --pack-destination "$RUNNER_TEMP")"
  npm install --global --no-audit --no-fund "$RUNNER_TEMP/$tarball"
  bin="$(npm prefix --global)/bin"
fi
echo "$bin" >> "$GITHUB_PATH"
"$bin/im-bill" --version
