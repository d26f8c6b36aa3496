#!/usr/bin/env python3
"""Top-3 hit rate of Kenshu's search against MkDocs' search plugin (lang: ja) on the same course.

  .venv-bench/bin/pip install mkdocs==1.6.1
  .venv-e2e/bin/python bench/mkdocs_compare.py KENSHU_BINARY   (selenium from the browser tests' venv)

The bundled course (Content/) is copied into an MkDocs project with the same page paths
(front matter turned into an `# title` heading and the description, quiz blocks left as code),
built with `plugins: [search: {lang: ja}]` and `use_directory_urls: false`, and served over
http://127.0.0.1 (MkDocs loads its index with XMLHttpRequest, which Chromium blocks under file://;
serving gives it its best case). Kenshu's site is opened from file://. Both answer the relevance set of
Tests/browser/test_search.py through their own search boxes; a hit is the expected page among the
first three results. MkDocs is run twice: with its default `min_search_length: 3` and with 1.
"""
import functools
import http.server
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from urllib.parse import quote, unquote, urlparse

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "browser"))
from conftest import make_driver  # noqa: E402
from test_search import RELEVANCE, page_of, search  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MKDOCS = ROOT / ".venv-bench" / "bin" / "mkdocs"
PREFIX = re.compile(r"^\d+-")


def site_path(relative):
    return "/".join(PREFIX.sub("", part) for part in relative.parts)


def mkdocs_project(work, min_length):
    docs = work / "docs"
    for source in sorted((ROOT / "Content").rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        title, description, body = "", "", text
        if text.startswith("---\n"):
            matter, body = text[4:].split("\n---\n", 1)
            for line in matter.splitlines():
                if line.startswith("title:"):
                    title = line[6:].strip().strip('"')
                if line.startswith("description:"):
                    description = line[12:].strip().strip('"')
        target = docs / site_path(source.relative_to(ROOT / "Content"))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# {title}\n\n{description}\n\n{body}", encoding="utf-8")
    (work / "mkdocs.yml").write_text(
        "site_name: bench\nuse_directory_urls: false\ntheme: mkdocs\n"
        f"plugins:\n  - search:\n      lang: ja\n      min_search_length: {min_length}\n", encoding="utf-8")
    subprocess.run([str(MKDOCS), "build", "-q", "-f", str(work / "mkdocs.yml"), "-d", str(work / "site")], check=True)
    return work / "site"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def mkdocs_top3(driver, port, query):
    driver.get(f"http://127.0.0.1:{port}/index.html?q={quote(query)}")
    try:
        WebDriverWait(driver, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#mkdocs-search-results article, #mkdocs-search-results p"))
    except Exception:
        return []
    links = driver.find_elements(By.CSS_SELECTOR, "#mkdocs-search-results article h3 a")[:3]
    return [unquote(urlparse(link.get_attribute("href")).path).lstrip("/") for link in links]


def main():
    kenshu = sys.argv[1]
    work = pathlib.Path(tempfile.mkdtemp(prefix="kenshu-mkdocs-"))
    site = work / "kenshu"
    subprocess.run([kenshu, "build", "--content", str(ROOT / "Content"), "--output", str(site)], check=True,
                   stdout=subprocess.DEVNULL)
    driver = make_driver()
    driver.get((site / "index.html").as_uri())
    box = driver.find_element(By.ID, "kenshu-search")
    kenshu_hits = [expected in [page_of(driver, site, a) for a in search(driver, box, q)[:3]] for q, expected in RELEVANCE]
    rows = [("Kenshu (file://)", kenshu_hits)]
    for min_length in (3, 1):
        built = mkdocs_project(work / f"mkdocs-{min_length}", min_length)
        server = serve(built)
        hits = [expected in mkdocs_top3(driver, server.server_port, q) for q, expected in RELEVANCE]
        server.shutdown()
        rows.append((f"MkDocs 1.6.1 search, lang ja, min_search_length {min_length} (http://)", hits))
    driver.quit()
    print(f"| tool | top-3 hits of {len(RELEVANCE)} |")
    print("|---|---|")
    for name, hits in rows:
        print(f"| {name} | {sum(hits)} ({100 * sum(hits) / len(hits):.0f} %) |")
    for name, hits in rows[1:]:
        missed = [q for (q, _), hit in zip(RELEVANCE, hits) if not hit]
        print(f"{name} missed: {' / '.join(missed)}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
