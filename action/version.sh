#!/usr/bin/env bash
# Which im-bill the action installs, and where the Actions cache keeps it:
# - registry: the `version` input, else the action's own version, when the npm registry
#   has it;
# - checkout: built from the action's own files (its ref) when the registry does not have
#   the action's version (before the first publish, or a branch ahead of it), and always
#   when the action runs in its own repository (`uses: ./`) with no version asked for, so
#   that a change to im-bill is tested as it is. Its cache key is a digest of the files
#   the build reads (action/source-digest.mjs): the second run of a ref builds nothing.
# A version asked for that the registry does not have is an error: the action's files are
# another version.
set -euo pipefail
here="$(cd "$GITHUB_ACTION_PATH" && pwd -P)"
workspace="$(cd "${GITHUB_WORKSPACE:-.}" && pwd -P)"
own="$(node -p 'require(process.argv[1]).version' "$here/package.json")"
version="${INPUT_VERSION:-$own}"
case "$version" in
  *[!A-Za-z0-9.+-]*) echo "::error title=im-bill::version: not a version of im-bill: $version"; exit 2 ;;
esac
# Asked once, for 30 s at most: a registry out of reach means building, not a stalled job.
published() {
  [ "$(npm view "im-bill@$version" version --no-update-notifier --fetch-retries=0 --fetch-timeout=30000 2>/dev/null | tail -n 1)" = "$version" ]
}
if [ -z "${INPUT_VERSION:-}" ] && [ "$here" = "$workspace" ]; then
  source=checkout
elif published; then
  source=registry
elif [ "$version" = "$own" ]; then
  source=checkout
  echo "im-bill $version is not in the npm registry: building it from the action's own files"
else
  echo "::error title=im-bill::version: im-bill $version is not in the npm registry; leave \`version\` empty to build the action's own ($own)"
  exit 2
fi
if [ "$source" = registry ]; then
  key="im-bill-$version"
else
  key="im-bill-$version-checkout-$(node "$here/action/source-digest.mjs" "$here")"
fi
prefix="${RUNNER_TOOL_CACHE:-$RUNNER_TEMP}/im-bill/$key"
{
  echo "source=$source"
  echo "version=$version"
  echo "key=$key"
  echo "prefix=$prefix"
} >> "$GITHUB_OUTPUT"
echo "im-bill $version from the $source"
