#!/usr/bin/env bash
# Times, in interleaved rounds on the same generated course: the libcmark floor (bench/cmark_floor.c),
# `kenshu build` (release), `kenshu build --no-check` and Hugo, each into a fresh output folder.
# Outputs are kept until every round has run: on ext4, creating files within about a minute of deleting
# others is several times slower (the allocator skips recently freed inodes), which made whichever tool ran
# after an `rm -rf` pay for its predecessor. Before its first round the script waits until SETTLE seconds
# (default 60) have passed since outputs were last removed.
#   bench/run.sh [N ...]        default: 10000; RUNS=3 rounds each
# Prints wall time, CPU time and peak memory (GNU time) per run, then a Markdown table of medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000)
runs=${RUNS:-3}
work=bench/work

command -v hugo >/dev/null || { echo "installing hugo"; apt-get install -y -qq hugo >/dev/null; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
[ -f /usr/include/cmark.h ] || apt-get install -y -qq libcmark-dev >/dev/null
mkdir -p "$work"
cc -O2 -o "$work/cmark_floor" bench/cmark_floor.c -lcmark
swift build -c release --product kenshu 2>&1 | tail -1
kenshu=$(swift build -c release --show-bin-path)/kenshu
echo "kenshu $(git rev-parse --short HEAD); $(hugo version | cut -d' ' -f1-2); libcmark $(dpkg-query -W -f='${Version}' libcmark-dev 2>/dev/null || echo '?'); $(nproc) cores"

results=$work/results.tsv
: > "$results"
timed() { # tool N run command... → appends "tool N run wall_s kib cpu_s user_s sys_s"
  local tool=$1 n=$2 run=$3; shift 3
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }
  read -r secs kib user sys < "$work/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$n" "$run" "$secs" "$kib" "$(awk "BEGIN { print $user + $sys }")" \
    "$user" "$sys" | tee -a "$results"
  sync
}
removed=$work/.outputs-removed
remove_outputs() { rm -rf "$work"/*/out*; sync; touch "$removed"; }
settle() { # removes earlier outputs, then lets ext4 forget the freed inodes
  compgen -G "$work/*/out*" > /dev/null && remove_outputs
  [ -f "$removed" ] || return 0
  local wait=$(( ${SETTLE:-60} - ($(date +%s) - $(stat -c %Y "$removed")) ))
  if [ "$wait" -gt 0 ]; then echo "waiting $wait s: outputs were removed less than ${SETTLE:-60} s ago"; sleep "$wait"; fi
}

for n in "${sizes[@]}"; do
  dir=$work/$n
  [ -d "$dir/hugo" ] || python3 bench/generate_course.py "$n" "$dir" --hugo
  (cd "$dir/Content" && find . -name '*.md' | sed 's|^\./||' | sort) > "$dir/markdown.txt"
  settle
  for run in $(seq 1 "$runs"); do
    timed floor "$n" "$run" "$work/cmark_floor" "$dir/Content" "$dir/markdown.txt" "$dir/out-floor-$run"
    timed kenshu "$n" "$run" "$kenshu" build --content "$dir/Content" --output "$dir/out-kenshu-$run"
    timed kenshu-no-check "$n" "$run" "$kenshu" build --no-check --content "$dir/Content" --output "$dir/out-no-check-$run"
    timed hugo "$n" "$run" hugo --quiet -s "$dir/hugo" -d "$PWD/$dir/out-hugo-$run"
  done
  # What each tool wrote (apparent size, first round): Kenshu's pages carry the theme's chrome, and it
  # also writes print.html (every page again) and the search index.
  echo "written at N = $n (MiB): floor $(du -sm --apparent-size "$dir/out-floor-1" | cut -f1)," \
    "kenshu $(du -sm --apparent-size "$dir/out-kenshu-1" | cut -f1)," \
    "of which print.html $(( $(stat -c %s "$dir/out-kenshu-1/print.html") >> 20 )) and search/ $(du -sm --apparent-size "$dir/out-kenshu-1/search" | cut -f1)," \
    "hugo $(du -sm --apparent-size "$dir/out-hugo-1" | cut -f1)"
done
remove_outputs

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
tools = ["floor", "kenshu", "kenshu-no-check", "hugo"]
names = {"floor": "libcmark floor (`bench/cmark_floor.c`)", "kenshu": "`kenshu build`",
         "kenshu-no-check": "`kenshu build --no-check`", "hugo": "Hugo"}
for n in sorted({int(r[1]) for r in rows}):
    def med(tool, col):
        return statistics.median(float(r[col]) for r in rows if r[0] == tool and int(r[1]) == n)
    runs = len([r for r in rows if r[0] == "kenshu" and int(r[1]) == n])
    print(f"\nN = {n}, medians of {runs} interleaved rounds\n")
    print("| what | wall s | CPU s (user + sys) | peak MiB | wall / floor | wall / Hugo | CPU / floor | CPU / Hugo | memory / Hugo |")
    print("|---|---|---|---|---|---|---|---|---|")
    floor, hugo, hugo_mem = med("floor", 3), med("hugo", 3), med("hugo", 4)
    floor_cpu, hugo_cpu = med("floor", 5), med("hugo", 5)
    for t in tools:
        wall, mem, cpu = med(t, 3), med(t, 4), med(t, 5)
        user, system = med(t, 6), med(t, 7)
        print(f"| {names[t]} | {wall:.2f} | {cpu:.2f} ({user:.2f} + {system:.2f}) | {mem / 1024:.0f} | {wall / floor:.2f}× | {wall / hugo:.2f}× | "
              f"{cpu / floor_cpu:.2f}× | {cpu / hugo_cpu:.2f}× | {mem / hugo_mem:.2f}× |")
PY
