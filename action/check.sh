#!/usr/bin/env bash
# `im-bill check` over the scenario paths: a JUnit report for the test report, then the
# text report for the log (with each failure as an annotation on its line), whose exit
# code is the step's: 1 when a bill differs from its scenario's `expect` block, 2 when a
# scenario cannot be read. Settings left empty are the project config's.
set -euo pipefail
source "$GITHUB_ACTION_PATH/action/options.sh"
if [ "$INPUT_REQUIRE_EXPECT" = "true" ]; then options+=(--require-expect); fi
im-bill check "${paths[@]}" "${options[@]}" --format junit --output "$INPUT_REPORT" --no-annotations > /dev/null 2>&1 || true
im-bill check "${paths[@]}" "${options[@]}" --format text
