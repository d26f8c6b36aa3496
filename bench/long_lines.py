"""Time against line length: one lesson, and one minified HTML page for `kenshu check`, with N links on ONE line.

    python3 bench/long_lines.py .build/release/kenshu [N ...]     (default N = 1000 4000 10000; RUNS=3)

Linear scanning (issue #17) means the time per 1,000 links stays flat as N grows; the old tokenizer,
which rescanned the line for every column, took 1.3 / 16 / 90 s to check 1k / 4k / 10k links.
"per 1k links" is the time above a one-link run of the same kind (start-up, theme, writing), per 1,000 links.
Prints medians of RUNS runs; the work folder is bench/work/long-lines (not committed).
"""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import time

KENSHU = sys.argv[1] if len(sys.argv) > 1 else ".build/release/kenshu"
SIZES = [int(n) for n in sys.argv[2:]] or [1000, 4000, 10000]
RUNS = int(os.environ.get("RUNS", "3"))
WORK = pathlib.Path(__file__).resolve().parent / "work" / "long-lines"
PAGE = "---\ntitle: {title}\n---\n\n## 目的\n\n{body}\n"


def lesson_course(root, n):
    """A course whose one lesson holds n Markdown links on a single line (to a lesson and its heading)."""
    content = root / "Content"
    (content / "01-m").mkdir(parents=True)
    (content / "site.yml").write_text("id: long-lines\ntitle: 長い行\n", encoding="utf-8")
    (content / "index.md").write_text(PAGE.format(title="ようこそ", body="[始める](01-m/index.md)"), encoding="utf-8")
    (content / "01-m" / "index.md").write_text(PAGE.format(title="モジュール", body="[長い行](01-links.md)"), encoding="utf-8")
    line = " ".join(f"[リンク{i}](02-target.md#目的)" for i in range(n))
    (content / "01-m" / "01-links.md").write_text(PAGE.format(title="長い行", body=line), encoding="utf-8")
    (content / "01-m" / "02-target.md").write_text(PAGE.format(title="先", body="[戻る](01-links.md)"), encoding="utf-8")
    return content


def minified_site(root, n):
    """A static site of two minified pages: n links with fragments on one line, and their n anchors on one line."""
    site = root / "site"
    site.mkdir(parents=True)
    links = "".join(f'<li><a href="page.html#a{i}" class="x">リンク{i}</a></li>' for i in range(n))
    (site / "index.html").write_text(f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>t</title></head>'
                                     f'<body><ul>{links}</ul></body></html>', encoding="utf-8")
    anchors = "".join(f'<p id="a{i}">本文{i}</p>' for i in range(n))
    (site / "page.html").write_text(f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>p</title></head>'
                                    f'<body><a href="index.html">戻る</a>{anchors}</body></html>', encoding="utf-8")
    return site


def timed(command):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        assert run.returncode == 0, run.stdout + run.stderr
    return statistics.median(times)


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    print(f"{KENSHU}; medians of {RUNS} runs; {os.cpu_count()} cores\n")
    print("| links on one line | `kenshu build` s | per 1k links ms | `kenshu check` s | per 1k links ms |")
    print("|---|---|---|---|---|")
    baseline = None
    for n in [1] + SIZES:
        root = WORK / str(n)
        content = lesson_course(root, n)
        build = timed([KENSHU, "build", "--content", str(content), "--output", str(root / "Output"), "--lang", "en"])
        check = timed([KENSHU, "check", str(minified_site(root, n)), "--lang", "en"])
        if baseline is None:
            baseline = (build, check)
            print(f"| 1 (baseline) | {build:.2f} | | {check:.2f} | |")
            continue
        per_build = (build - baseline[0]) / (n - 1) * 1e6
        per_check = (check - baseline[1]) / (n - 1) * 1e6
        print(f"| {n:,} | {build:.2f} | {per_build:.0f} | {check:.2f} | {per_check:.0f} |")

if __name__ == "__main__":
    main()
