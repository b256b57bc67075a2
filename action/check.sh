#!/usr/bin/env bash
# `im-bill check` over the scenario paths: a JUnit report for the test report, then the
# text report for the log, whose exit code is the step's: 1 when a bill differs from its
# scenario's `expect` block, 2 when a scenario cannot be read.
set -euo pipefail
read -r -d '' -a paths <<< "$INPUT_PATHS" || true
options=(--lang "$INPUT_LANG")
if [ -n "$INPUT_PRICING" ]; then options+=(--pricing "$INPUT_PRICING"); fi
if [ "$INPUT_REQUIRE_EXPECT" = "true" ]; then options+=(--require-expect); fi
im-bill check "${paths[@]}" "${options[@]}" --format junit --output "$INPUT_REPORT" > /dev/null 2>&1 || true
im-bill check "${paths[@]}" "${options[@]}" --format text
