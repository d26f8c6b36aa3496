#!/usr/bin/env bash
# Fuzzes the front-matter splitter, the quiz parser, the HTML tokenizer, the URL resolver and the zip reader with
# libFuzzer for SECONDS (default 60), after replaying every saved crash in regressions/.
# A crash or a hang (one input over 10 s) fails the run and leaves the input in Tests/fuzz/crashes/.
set -euo pipefail
seconds="${1:-60}"
cd "$(dirname "$0")"
swift build -Xswiftc -sanitize=fuzzer > build.log 2>&1 || { grep -E "error|warning: " build.log | head -30 >&2; exit 1; }
grep -v "Cannot export local symbol" build.log | tail -1
fuzzer=.build/debug/KenshuFuzz
mkdir -p crashes
regressions=(regressions/*)
if [ -e "${regressions[0]}" ]; then
  "$fuzzer" -runs=1 "${regressions[@]}" >/dev/null 2>crashes/replay.log || { tail -30 crashes/replay.log >&2; exit 1; }
  echo "replayed ${#regressions[@]} saved crash inputs"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp corpus/* "$work"/
"$fuzzer" "$work" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=crashes/ -print_final_stats=1 2>"$work.log" || { tail -40 "$work.log" >&2; exit 1; }
grep -E "stat::number_of_executed_units|Done" "$work.log" | tr '\n' ' '
echo
