# The inputs every step passes to im-bill, as arguments: the paths (split on spaces and
# new lines), and the settings given (an empty one is left to the project config).
# shellcheck shell=bash
read -r -d '' -a paths <<< "${INPUT_PATHS:-}" || true
options=()
if [ -n "${INPUT_LANG:-}" ]; then options+=(--lang "$INPUT_LANG"); fi
if [ -n "${INPUT_PRICING:-}" ]; then options+=(--pricing "$INPUT_PRICING"); fi
if [ -n "${INPUT_CATALOG:-}" ]; then options+=(--catalog "$INPUT_CATALOG"); fi
