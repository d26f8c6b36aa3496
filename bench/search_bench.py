#!/usr/bin/env python3
"""Search benchmarks on a generated course (not tests).

  bench/search_bench.py KENSHU_WITH_SEARCH [KENSHU_WITHOUT_SEARCH] [N]

1. Builds bench/work/N/Content (bench/generate_course.py) with the binary that has search, and,
   when a second binary without search is given (built from the commit before search), times both
   alternately (RUNS pairs, GNU time wall seconds) to get the share of build time search adds.
2. Index size: bytes of search/*.js, against the Markdown bytes of Content/ and the bytes of the
   built HTML pages.
3. Latency in headless Chromium from file://: for 20 queries, the time from the input event of the
   last keystroke to the results being shown (debounce included), on a fresh page (nothing of the
   index loaded yet but its layout file, which focusing the box reads) and on a warm page; and
   the tab's JS heap after the warm queries.
"""
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "browser"))

QUERIES = ["標準化", "ガバメントクラウド", "がばめんとくらうど", "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ", "住民記録", "移行計画", "データ連携",
           "事業者", "仕様書", "基本方針", "運用管理", "補助金", "文字同定", "ネットワーク セキュリティ", "業務フロー",
           "移行テスト", "本番切替", "見積り 調達", "kenshu", "Fit Gap"]


def timed(command):
    start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def folder_bytes(folder, pattern):
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def latency(site):
    from conftest import make_driver
    driver = make_driver()
    measure = """
    var done = arguments[arguments.length - 1], query = arguments[0];
    var form = document.querySelector('.site-search'), input = document.getElementById('kenshu-search');
    var observer = new MutationObserver(function () {
      if (form.getAttribute('data-searched') === query) { observer.disconnect(); done(performance.now() - start); }
    });
    observer.observe(form, {attributes: true});
    input.value = query;
    var start = performance.now();
    input.dispatchEvent(new Event('input'));
    """
    page = sorted(site.glob("*/*.html"))[len(QUERIES)].as_uri()
    cold, warm = [], []
    for query in QUERIES:
        driver.get(page)
        driver.execute_script("document.getElementById('kenshu-search').focus();")
        time.sleep(0.3)
        cold.append(driver.execute_async_script(measure, query))
    driver.get(page)
    driver.execute_script("document.getElementById('kenshu-search').focus();")
    time.sleep(0.3)
    for query in QUERIES:
        warm.append(driver.execute_async_script(measure, query))
    driver.execute_cdp_cmd("Performance.enable", {})
    metrics = {m["name"]: m["value"] for m in driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]}
    driver.quit()
    return cold, warm, metrics.get("JSHeapUsedSize", 0)


def main():
    with_search = sys.argv[1]
    without = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    runs = int(os.environ.get("RUNS", "3"))
    work = ROOT / "bench" / "work" / str(n)
    if not (work / "Content").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_course.py"), str(n), str(work)], check=True)
    out = work / "out-search"
    times = {"with": [], "without": []}
    for _ in range(runs):
        if without:
            subprocess.run(["rm", "-rf", str(work / "out-base")], check=True)
            times["without"].append(timed([without, "build", "--content", str(work / "Content"), "--output", str(work / "out-base")]))
        subprocess.run(["rm", "-rf", str(out)], check=True)
        times["with"].append(timed([with_search, "build", "--content", str(work / "Content"), "--output", str(out)]))
    print(f"N = {n}; build wall seconds with search: {times['with']}")
    if without:
        a, b = statistics.median(times["with"]), statistics.median(times["without"])
        print(f"without search: {times['without']}; medians {a:.2f} s vs {b:.2f} s: search adds {100 * (a - b) / b:.1f} %")
    index = folder_bytes(out / "search", "*.js")
    terms = folder_bytes(out / "search", "terms-*.js")
    docs = folder_bytes(out / "search", "docs-*.js")
    markdown = folder_bytes(work / "Content", "*.md")
    html = folder_bytes(out, "*.html")
    files = len(list((out / "search").glob("*.js")))
    print(f"index {index / 1e6:.1f} MB in {files} files (terms {terms / 1e6:.1f} MB, docs {docs / 1e6:.1f} MB); "
          f"Markdown {markdown / 1e6:.1f} MB ({100 * index / markdown:.0f} %); HTML pages {html / 1e6:.1f} MB "
          f"({100 * index / html:.0f} %)")
    cold, warm, heap = latency(out)
    print(f"latency fresh page: median {statistics.median(cold):.0f} ms (min {min(cold):.0f}, max {max(cold):.0f}); "
          f"warm: median {statistics.median(warm):.0f} ms (min {min(warm):.0f}, max {max(warm):.0f}); "
          f"JS heap after the warm queries {heap / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
