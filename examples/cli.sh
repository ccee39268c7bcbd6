#!/usr/bin/env bash
# The crosstune command on a script's side: JSON on stdout for jq or a file, progress and errors
# on stderr, the exit code saying how it went.
#   bash examples/cli.sh <tuning job> <pai experiment>
set -euo pipefail
job="${1:-xgb-tune}"; experiment="${2:-mi0sIBk}"
crosstune() { ${CROSSTUNE:-npx crosstune} "$@"; } # npx: the command of the crosstune installed here

crosstune experiments get "$job" --cloud sagemaker --format json > experiment.json
crosstune trials list "$job" --cloud sagemaker --sort objective --limit 3

if crosstune watch "$job" --cloud sagemaker --interval "${EXAMPLE_POLL_MS:-30000}"; then
  echo "the tuning job completed"
else
  echo "the tuning job failed or was stopped (exit $?)"
fi

crosstune compare "sagemaker:$job" "pai:$experiment" --format csv --table runs --out runs.csv
crosstune report "sagemaker:$job" "pai:$experiment" --out report.html
echo "wrote experiment.json, runs.csv and report.html"
