"""The kenshu binary copied alone into an empty folder: it starts a course, builds it with the
theme compiled into it, and checks it clean — as a municipality's PC gets it from a file share."""
import os

import pytest
import shutil
import subprocess

from conftest import KENSHU


def run(args, cwd, lang="ja"):
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = "C.UTF-8"
    return subprocess.run(args + ["--lang", lang], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_binary_alone_starts_builds_and_checks_a_course(tmp_path):
    alone = tmp_path / "bin"
    alone.mkdir()
    binary = alone / "kenshu"
    shutil.copy(KENSHU, binary)
    work = tmp_path / "work"
    work.mkdir()
    created = run([str(binary), "new", "mycourse"], cwd=work)
    assert created.returncode == 0, created.stderr
    assert "新しいコースを作りました" in created.stdout
    course = work / "mycourse"
    built = run([str(binary), "build"], cwd=course)
    assert built.returncode == 0, built.stderr
    # The one thing the starter leaves to the author: the organisation shown under every page.
    assert "警告 1 件" in built.stdout and built.stderr.strip().endswith("[K7212]"), built.stdout + built.stderr
    site_yml = course / "Content" / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("（ここに団体名を書く）", "架空市 情報政策課"), encoding="utf-8")
    built = run([str(binary), "build"], cwd=course)
    assert built.returncode == 0, built.stderr
    assert "警告 0 件" in built.stdout, built.stdout + built.stderr
    assert built.stderr.strip() == "", built.stderr
    checked = run([str(binary), "check", "Output"], cwd=course)
    assert checked.returncode == 0, checked.stderr
    assert "リンク切れ 0 件、警告 0 件" in checked.stdout, checked.stdout
    assert (course / "Output" / "assets" / "kenshu.css").stat().st_size > 1000
    assert not (course / "Themes").exists()


def test_theme_export_then_build_with_the_exported_copy(tmp_path):
    created = run([KENSHU, "new", "c"], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    exported = run([KENSHU, "theme", "export", "c/Themes/town"], cwd=tmp_path, lang="en")
    assert exported.returncode == 0 and "wrote the built-in theme" in exported.stdout, exported.stderr
    css = tmp_path / "c" / "Themes" / "town" / "assets" / "kenshu.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* town */\n", encoding="utf-8")
    site = tmp_path / "c" / "Content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "theme: town\n", encoding="utf-8")
    built = run([KENSHU, "build"], cwd=tmp_path / "c", lang="en")
    assert built.returncode == 0, built.stderr
    assert "/* town */" in (tmp_path / "c" / "Output" / "assets" / "kenshu.css").read_text(encoding="utf-8")


def test_version_and_help_of_new(tmp_path):
    version = subprocess.run([KENSHU, "--version"], capture_output=True, text=True)
    assert version.returncode == 0 and version.stdout.strip().count(".") == 2
    help_text = subprocess.run([KENSHU, "new", "--help"], capture_output=True, text=True, env={**os.environ, "LANG": "ja_JP.UTF-8"})
    assert help_text.returncode == 0 and "新しいコース" in help_text.stdout and "--base <フォルダーか zip>" in help_text.stdout
    english = subprocess.run([KENSHU, "new", "--help", "--lang", "en"], capture_output=True, text=True)
    assert english.returncode == 0 and "Start a new course" in english.stdout


def test_a_mistyped_command_line_is_answered_in_japanese_with_a_guess(tmp_path):
    """A usage error names the word, guesses what was meant, shows the usage line, exits 64 and writes nothing."""
    mistyped = subprocess.run([KENSHU, "build", "--outptu", "x"], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "LANG": "ja_JP.UTF-8"})
    assert mistyped.returncode == 64
    assert "'--outptu' というオプションはありません。'--output' のことですか？" in mistyped.stderr
    assert "使い方：kenshu build [--content <フォルダー>]" in mistyped.stderr
    full_width = subprocess.run([KENSHU, "build", "ーーstrict"], cwd=tmp_path, capture_output=True, text=True,
                                env={**os.environ, "LANG": "ja_JP.UTF-8"})
    assert full_width.returncode == 64 and "半角で '--strict' と入力してください" in full_width.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_refuses_a_folder_with_files(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "memo.txt").write_text("x", encoding="utf-8")
    refused = run([KENSHU, "new", "taken"], cwd=tmp_path)
    assert refused.returncode == 2
    assert "空ではありません" in refused.stderr
    assert (tmp_path / "taken" / "memo.txt").read_text(encoding="utf-8") == "x"


def test_the_systems_refusals_are_explained_in_japanese_with_exit_status_2(tmp_path):
    """A regular file where a folder is needed: new, theme export, build and export each say why in
    Japanese, with the code, and exit 2 — never Foundation's English ("error 512")."""
    (tmp_path / "memo.txt").write_text("メモ", encoding="utf-8")
    created = run([KENSHU, "new", "c"], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    for args, cwd, code in [
        ([KENSHU, "new", "memo.txt/course"], tmp_path, "[K0015]"),
        ([KENSHU, "theme", "export", "memo.txt/theme"], tmp_path, "[K0015]"),
        ([KENSHU, "build", "--output", "../memo.txt/site"], tmp_path / "c", "[K0012]"),
        ([KENSHU, "export", "--format", "zip", "--output", "../memo.txt/site.zip"], tmp_path / "c", "[K7203]"),
    ]:
        refused = run(args, cwd=cwd)
        assert refused.returncode == 2, (args, refused.stderr)
        assert "じゃまをしています" in refused.stderr and code in refused.stderr, (args, refused.stderr)
        assert "error 512" not in refused.stderr and "Cocoa" not in refused.stderr and "operation" not in refused.stderr, refused.stderr


def test_release_binary_needs_no_swift_libraries():
    """The binary handed out (built with --static-swift-stdlib, as the README says) runs on a PC without Swift: every library it
    loads is one of the system's own, none from the Swift toolchain. Tests/run checks that binary with
    KENSHU_STATIC=1; the debug binary of the other steps links Swift's libraries and is not handed out."""
    if os.environ.get("KENSHU_STATIC") != "1":
        pytest.skip("checked in Tests/run's last step, on the binary built with --static-swift-stdlib")
    linked = subprocess.run(["ldd", KENSHU], capture_output=True, text=True)
    assert linked.returncode == 0, linked.stderr
    swift = [line for line in linked.stdout.splitlines() if "swift" in line.lower() or "libFoundation" in line or "libdispatch" in line]
    assert swift == [], swift
    assert "not found" not in linked.stdout, linked.stdout


def test_new_gives_a_cd_command_that_works_when_pasted(tmp_path):
    """The advice after `kenshu new` is pasted into a shell as it is: a folder with a space or a quote is quoted."""
    for name in ["新人 研修", "it's here", "plain"]:
        created = run([KENSHU, "new", name], cwd=tmp_path)
        assert created.returncode == 0, created.stderr
        advice = created.stdout.split("次は：", 1)[1].split(" && kenshu build", 1)[0]
        moved = subprocess.run(["bash", "-c", advice + " && pwd"], cwd=tmp_path, capture_output=True, text=True)
        assert moved.returncode == 0 and moved.stdout.strip() == str(tmp_path / name), (advice, moved.stderr)


def test_new_content_names_the_content_folder_and_the_course_builds_from_where_it_was_typed(tmp_path):
    """`kenshu new Content` in a project folder (which may hold other files) writes the course into Content/,
    not Content/Content/, and the advice it prints builds it; a Content/ with files is refused."""
    (tmp_path / "メモ.txt").write_text("残すファイル", encoding="utf-8")
    created = run([KENSHU, "new", "Content"], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "Content" / "site.yml").is_file() and not (tmp_path / "Content" / "Content").exists()
    assert "次は：kenshu build --open" in created.stdout, created.stdout
    built = run([KENSHU, "build"], cwd=tmp_path)
    assert built.returncode == 0 and "警告 1 件" in built.stdout and "[K7212]" in built.stderr, built.stdout + built.stderr
    assert (tmp_path / "メモ.txt").read_text(encoding="utf-8") == "残すファイル"
    again = run([KENSHU, "new", "Content"], cwd=tmp_path)
    assert again.returncode == 2 and "K0005" in again.stderr, again.stderr

    nested = run([KENSHU, "new", "町/Content/"], cwd=tmp_path)
    assert nested.returncode == 0, nested.stderr
    assert "次は：cd 町 && kenshu build --open" in nested.stdout and "//" not in nested.stdout, nested.stdout
    assert run([KENSHU, "build"], cwd=tmp_path / "町").returncode == 0


@pytest.mark.parametrize("typed", [[], ["."], ["./"]])
def test_new_inside_an_empty_content_folder_writes_the_course_there(tmp_path, typed):
    """A user who made Content/ first (as the README's layout shows) and ran `kenshu new` inside it:
    Foundation crashed on '.' (exit 132, an English backtrace). The course goes into that folder."""
    content = tmp_path / "研修" / "Content"
    content.mkdir(parents=True)
    created = run([KENSHU, "new"] + typed, cwd=content)
    assert created.returncode == 0, created.stderr
    assert (content / "site.yml").is_file() and not (content / "Content").exists()
    assert "cd .. && kenshu build --open" in created.stdout, created.stdout
    assert run([KENSHU, "build"], cwd=tmp_path / "研修").returncode == 0


def test_check_of_another_site_does_not_review_this_folders_course(tmp_path):
    """`kenshu check ../other` checks that site's links only: this folder's Content is reviewed for its own
    Output (or a site whose manifest names its files), not for another town's site."""
    assert run([KENSHU, "new", "."], cwd=tmp_path).returncode == 0
    assert run([KENSHU, "build", "--output", "public"], cwd=tmp_path).returncode == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "index.html").write_text('<html lang="ja"><title>t</title><a href="index.html">t</a></html>', encoding="utf-8")
    foreign = run([KENSHU, "check", "other"], cwd=tmp_path)
    assert foreign.returncode == 0 and "見直し" not in foreign.stdout, foreign.stdout
    # Another town's course, also in a folder named Content, built by Kenshu.
    assert run([KENSHU, "new", "town"], cwd=tmp_path).returncode == 0
    assert run([KENSHU, "build"], cwd=tmp_path / "town").returncode == 0
    neighbour = run([KENSHU, "check", "town/Output"], cwd=tmp_path)
    assert neighbour.returncode == 0 and "見直し" not in neighbour.stdout, neighbour.stdout
    own = run([KENSHU, "check", "public"], cwd=tmp_path)
    assert own.returncode == 0 and "教材（Content）の見直し" in own.stdout, own.stdout
    forced = run([KENSHU, "check", "other", "--config", "Content/site.yml"], cwd=tmp_path)
    assert "教材（Content）の見直し" in forced.stdout, forced.stdout


def test_check_of_a_missing_folder_says_so_in_japanese(tmp_path):
    """Foundation's English "The file doesn't exist" no longer reaches the author: a located catalog message does."""
    missing = run([KENSHU, "check", "Output"], cwd=tmp_path)
    assert missing.returncode == 2
    assert "検査するフォルダー 'Output' がありません" in missing.stderr and "[K0009]" in missing.stderr
    assert "exist" not in missing.stderr


def test_gift_export_counts_questions_not_files(tmp_path):
    created = run([KENSHU, "new", "c"], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    exported = run([KENSHU, "export", "--format", "gift", "--output", "q.gift.txt"], cwd=tmp_path / "c")
    assert exported.returncode == 0, exported.stderr
    questions = (tmp_path / "c" / "q.gift.txt").read_text(encoding="utf-8").count("\n::")
    assert questions > 0 and f"確認問題 {questions} 問" in exported.stdout, (questions, exported.stdout)


def test_build_without_a_content_folder_says_what_to_do(tmp_path):
    """In an empty folder the advice starts a course in a folder of its own; inside the content folder
    itself (its site.yml here) it says to go up or use --content ., never to start a nested course."""
    empty = run([KENSHU, "build"], cwd=tmp_path)
    assert empty.returncode != 0
    assert "[K0003]" in empty.stderr and "kenshu new 研修コース" in empty.stderr, empty.stderr
    created = run([KENSHU, "new", "c"], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    inside = run([KENSHU, "build"], cwd=tmp_path / "c" / "Content", lang="en")
    assert inside.returncode != 0
    assert "[K0017]" in inside.stderr and "'cd ..'" in inside.stderr and "--content . --output ../Output" in inside.stderr, inside.stderr
    assert not (tmp_path / "c" / "Content" / "Content").exists()
    here = run([KENSHU, "build", "--content", ".", "--output", "../Output"], cwd=tmp_path / "c" / "Content")
    assert here.returncode == 0, here.stderr
    # The project folder given as --content (a folder with a space): the course inside it is named, pasteable.
    project = tmp_path / "A町 研修"
    (tmp_path / "c").rename(project)
    above = run([KENSHU, "build", "--content", "A町 研修"], cwd=tmp_path)
    assert above.returncode == 2 and "[K0019]" in above.stderr, above.stderr
    advice = above.stderr.split("--content ", 1)[1].split(" と指定", 1)[0]
    assert advice == "'A町 研修/Content'", advice
    assert subprocess.run(["bash", "-c", f"{KENSHU} build --content {advice} --output out"], cwd=tmp_path).returncode == 0
