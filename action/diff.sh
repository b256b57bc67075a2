#!/usr/bin/env bash
# The project diff against the base of the change: on a pull request, where the branch
# left the base branch (its merge base); on a push, the commit before it. Its markdown
# goes to a file (for the comment), to the job summary and to the step's output; its
# exit code is the step's: 1 when --fail-above or --fail-above-each is exceeded, on
# every event, whether a comment is posted or not; 2 when a scenario cannot be priced.
set -euo pipefail
source "$GITHUB_ACTION_PATH/action/options.sh"
if [ -n "${INPUT_FAIL_ABOVE:-}" ]; then options+=(--fail-above "$INPUT_FAIL_ABOVE"); fi
if [ -n "${INPUT_FAIL_ABOVE_EACH:-}" ]; then options+=(--fail-above-each "$INPUT_FAIL_ABOVE_EACH"); fi

base=""
case "$EVENT_NAME" in
  pull_request | pull_request_target)
    remote="refs/remotes/origin/$BASE_REF"
    if ! git rev-parse --verify --quiet "$remote" > /dev/null; then
      git fetch --quiet --no-tags origin "+refs/heads/$BASE_REF:$remote"
    fi
    if git merge-base "$remote" HEAD > /dev/null 2>&1; then
      base="origin/$BASE_REF..."
    else
      # A shallow checkout without the common ancestor: the base branch's tip.
      echo "::warning title=im-bill::no merge base with origin/$BASE_REF (a shallow checkout? fetch-depth: 0): comparing with its tip"
      base="origin/$BASE_REF"
    fi
    ;;
  push)
    if [ -n "${BEFORE:-}" ] && [ "${BEFORE//0/}" != "" ]; then
      git cat-file -e "$BEFORE^{commit}" 2> /dev/null || git fetch --quiet --no-tags --depth=1 origin "$BEFORE" || true
      if git cat-file -e "$BEFORE^{commit}" 2> /dev/null; then base="$BEFORE"; fi
    fi
    ;;
esac
if [ -z "$base" ]; then
  echo "no base to compare with on this event ($EVENT_NAME): no project diff"
  echo "markdown=" >> "$GITHUB_OUTPUT"
  exit 0
fi

markdown="$RUNNER_TEMP/im-bill-diff.md"
status=0
im-bill diff --base "$base" "${paths[@]}" "${options[@]}" --format markdown > "$markdown" || status=$?
echo "markdown=$markdown" >> "$GITHUB_OUTPUT"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$markdown" >> "$GITHUB_STEP_SUMMARY"; fi
cat "$markdown"
exit "$status"
