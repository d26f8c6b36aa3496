#!/usr/bin/env python3
"""Writes a deterministic Japanese training course of N lessons for benchmarks.

  bench/generate_course.py N OUT [--hugo]

OUT/Content/NNN-module/NN-lesson.md: modules of 16-24 lessons, each 3-6 KB of Japanese with
front matter, headings, tables, lists, a code block, a quote, images, links to other lessons
(about a third with #fragments) and a quiz block; OUT/Content/site.yml and index.md.
With --hugo, OUT/hugo/ is the same corpus laid out for Hugo (_index.md, a minimal layout).
The same N always gives byte-identical files (one seeded random generator, no hash order).
"""
import random
import shutil
import sys
from pathlib import Path

WORDS = ["標準化", "ガバメントクラウド", "住民記録", "移行計画", "データ連携", "事業者", "仕様書", "基本方針",
         "運用管理", "費用", "補助金", "文字同定", "ネットワーク", "セキュリティ", "業務フロー", "検証",
         "移行テスト", "本番切替", "調達", "見積り", "庁内調整", "研修", "職員", "窓口", "帳票"]
PARTICLES = ["は", "を", "に", "で", "と", "の", "が", "から"]
ENDINGS = ["します。", "しました。", "を確認します。", "が必要です。", "に注意します。", "を整理します。"]
SECTION_TITLES = ["概要", "背景", "進め方", "注意点", "事例", "役割分担", "スケジュール", "確認事項", "Fit & Gap の考え方", "Optionalの例"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000100000000c0802000000"
    "2f2b8e3b0000001849444154789c63fcff9f8114c0448091c1a8c160c0"
    "000089d70117b4fa8b1e0000000049454e44ae426082")


def sentence(rng):
    parts = []
    for _ in range(rng.randint(3, 6)):
        parts.append(rng.choice(WORDS) + rng.choice(PARTICLES))
    text = "".join(parts) + rng.choice(ENDINGS)
    if rng.random() < 0.2:
        text = text.replace(parts[0], f"**{parts[0]}**", 1)
    if rng.random() < 0.15:
        text += " `kenshu build` を使います。"
    return text


def plain(rng):
    """A sentence without Markdown, safe as a YAML value."""
    return sentence(rng).replace("*", "").replace("`", "")


def slug(title):
    out = []
    for ch in title.lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def plan(n, rng):
    """Module folders and lesson counts adding up to n lessons."""
    modules, left = [], n
    while left > 0:
        size = min(left, rng.randint(16, 24))
        modules.append(size)
        left -= size
    width = 3 if len(modules) > 99 else 2
    return [(f"{i + 1:0{width}d}-module{i + 1}", size) for i, size in enumerate(modules)]


def lesson(rng, title, sections, links):
    lines = ["---", f"title: {title}", f"description: {plain(rng)}", "objectives:",
             f"  - {plain(rng)}", f"minutes: {rng.randint(5, 20)}", "updated: 2026-11-01", "---", ""]
    lines += [sentence(rng) + sentence(rng), ""]
    for index, section in enumerate(sections):
        lines += [f"## {section}", ""]
        for _ in range(rng.randint(1, 3)):
            lines += [sentence(rng) + sentence(rng), ""]
        if index == 0:
            lines += ["| 項目 | 内容 | 担当 |", "| --- | --- | :-: |"]
            lines += [f"| {rng.choice(WORDS)} | {sentence(rng)} | {rng.choice(WORDS)} |" for _ in range(rng.randint(2, 4))]
            lines += [""]
        if index == 1:
            lines += [f"- {sentence(rng)}" for _ in range(3)] + [""]
            lines += [f"{i}. {sentence(rng)}" for i in range(1, 4)] + [""]
        if index == 2:
            lines += ["```swift", "let kenshu = Kenshu()", "try kenshu.build()", "```", ""]
            lines += [f"> {sentence(rng)}", ""]
        if rng.random() < 0.5:
            lines += [f"### {rng.choice(WORDS)}の例", "", sentence(rng) + sentence(rng), ""]
    lines += [f"![図{rng.randint(1, 6)}](../images/figure-0{rng.randint(1, 6)}.png)", ""]
    lines += ["## 確認クイズ", "", "```quiz", "正しいものはどれでしょう。", "- [x] " + sentence(rng),
              "- [ ] " + sentence(rng), "解説: " + sentence(rng), "```", "", "## まとめ", "", sentence(rng), ""]
    lines += ["### 関連レッスン", ""] + [f"- [{text}]({href})" for text, href in links] + [""]
    return "\n".join(lines)


def generate(n, out):
    rng = random.Random(20261126)
    content = out / "Content"
    if content.exists():
        shutil.rmtree(content)
    (content / "images").mkdir(parents=True)
    for i in range(1, 7):
        (content / "images" / f"figure-0{i}.png").write_bytes(PNG)
    (content / "site.yml").write_text("title: ベンチマーク研修\nlanguage: ja\n", encoding="utf-8")
    modules = plan(n, rng)
    lessons = []  # (module folder, file name, title, sections)
    for folder, size in modules:
        for j in range(size):
            sections = rng.sample(SECTION_TITLES, rng.randint(3, 5))
            lessons.append((folder, f"{j + 1:02d}-lesson{j + 1}.md", f"{folder[folder.index('-') + 1:]} レッスン{j + 1}", sections))
    home = ["---", "title: ベンチマーク研修", "---", ""]
    for folder, size in modules:
        (content / folder).mkdir()
        (content / folder / "index.md").write_text(
            f"---\ntitle: モジュール {folder}\ndescription: {plain(rng)}\n---\n\n{sentence(rng)}\n", encoding="utf-8")
        home.append(f"- [{folder}]({folder}/index.md)")
    (content / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    for index, (folder, name, title, sections) in enumerate(lessons):
        links = []
        for _ in range(rng.randint(5, 10)):
            near = rng.random() < 0.5
            other = lessons[rng.randrange(max(0, index - 10), min(len(lessons), index + 10))] if near else rng.choice(lessons)
            href = other[1] if other[0] == folder else f"../{other[0]}/{other[1]}"
            if rng.random() < 0.35:
                href += "#" + slug(rng.choice(other[3]))
            links.append((other[2], href))
        (content / folder / name).write_text(lesson(rng, title, sections, links), encoding="utf-8")
    return content


HUGO_CONFIG = """baseURL = "http://localhost/"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.parser]
autoHeadingIDType = "github"
[markup.highlight]
codeFences = false
"""
HUGO_SINGLE = "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
HUGO_LIST = "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n"


def hugo_copy(content, out):
    """The same pages for Hugo: section pages are `_index.md`, plus a minimal layout."""
    hugo = out / "hugo"
    if hugo.exists():
        shutil.rmtree(hugo)
    shutil.copytree(content, hugo / "content", ignore=shutil.ignore_patterns("site.yml"))
    for index in (hugo / "content").rglob("index.md"):
        index.rename(index.with_name("_index.md"))
    (hugo / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    layouts = hugo / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    written = generate(count, target)
    if "--hugo" in sys.argv:
        hugo_copy(written, target)
    print(f"wrote {count} lessons to {written}")
