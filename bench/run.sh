#!/usr/bin/env bash
# Times `kenshu build` (release) against Hugo on the same generated course, in interleaved pairs.
#   bench/run.sh [N ...]        default: 1000 10000; RUNS=3 pairs each
# Prints wall time and peak memory (GNU time) per run, then medians and Kenshu/Hugo ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
runs=${RUNS:-3}
work=bench/work

command -v hugo >/dev/null || { echo "installing hugo"; apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
swift build -c release --product kenshu 2>&1 | tail -1
kenshu=$(swift build -c release --show-bin-path)/kenshu
echo "kenshu: $kenshu; $(hugo version | cut -d' ' -f1-2); $(nproc) cores"

results=$work/results.tsv
mkdir -p "$work"; : > "$results"
timed() { # tool N run command... → appends "tool N run seconds kib"
  local tool=$1 n=$2 run=$3; shift 3
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  read -r secs kib < "$work/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\n' "$tool" "$n" "$run" "$secs" "$kib" | tee -a "$results"
}

for n in "${sizes[@]}"; do
  dir=$work/$n
  python3 bench/generate_course.py "$n" "$dir" --hugo
  for run in $(seq 1 "$runs"); do
    rm -rf "$dir/out-kenshu" "$dir/out-hugo"; sync
    timed kenshu "$n" "$run" "$kenshu" build --content "$dir/Content" --output "$dir/out-kenshu"
    rm -rf "$dir/out-kenshu" "$dir/out-hugo"; sync
    timed hugo "$n" "$run" hugo --quiet -s "$dir/hugo" -d "$PWD/$dir/out-hugo"
  done
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
sizes = sorted({int(r[1]) for r in rows})
print("\n| N | kenshu wall s | hugo wall s | wall ratio | kenshu peak MiB | hugo peak MiB | memory ratio |")
print("|---|---|---|---|---|---|---|")
for n in sizes:
    def med(tool, col): return statistics.median(float(r[col]) for r in rows if r[0] == tool and int(r[1]) == n)
    kw, hw, km, hm = med("kenshu", 3), med("hugo", 3), med("kenshu", 4) / 1024, med("hugo", 4) / 1024
    print(f"| {n} | {kw:.2f} | {hw:.2f} | {kw / hw:.3f} | {km:.0f} | {hm:.0f} | {km / hm:.3f} |")
PY
