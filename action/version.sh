#!/usr/bin/env bash
# Which im-bill the action installs: the `version` input, else the action's own version,
# from the npm registry (into the runner's tool cache, which actions/cache restores);
# built from the checkout only when the action runs in its own repository (`uses: ./`)
# and no version is asked for: a change to im-bill is then tested as it is.
set -euo pipefail
here="$(cd "$GITHUB_ACTION_PATH" && pwd -P)"
workspace="$(cd "${GITHUB_WORKSPACE:-.}" && pwd -P)"
version="${INPUT_VERSION:-}"
if [ -z "$version" ] && [ "$here" = "$workspace" ]; then
  source=checkout
  version="$(node -p 'require(process.argv[1]).version' "$here/package.json")"
else
  source=registry
  version="${version:-$(node -p 'require(process.argv[1]).version' "$here/package.json")}"
fi
case "$version" in
  *[!A-Za-z0-9.+-]*) echo "::error title=im-bill::version: not a version of im-bill: $version"; exit 2 ;;
esac
prefix="${RUNNER_TOOL_CACHE:-$RUNNER_TEMP}/im-bill/$version"
{
  echo "source=$source"
  echo "version=$version"
  echo "prefix=$prefix"
} >> "$GITHUB_OUTPUT"
echo "im-bill $version from the $source"
