"""`kenshu export --format gift` read back by a real GIFT parser (pygiftparserrgmf) and compared with the
quizzes of the built site, plus a question with every GIFT special character.

The parser accepts some bad input and merges general feedback (####) into the last answer's feedback
(see ../shared/research/lms-export-derisk.md), so parsing alone proves little: every question is
compared with the quiz it came from.
"""
import json
import re
import subprocess
import zipfile

import lxml.html
import pytest
from pygiftparser import parser

from conftest import KENSHU, REPO

TYPES = {"single": "MultipleChoiceRadio", "multiple": "MultipleChoiceCheckbox", "text": "Short"}


def export(content, fmt, out):
    run = subprocess.run([KENSHU, "export", "--format", fmt, "--content", str(content), "--output", str(out)],
                         cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


def parse(path):
    return parser.parse(path.read_text(encoding="utf-8")).questions


def own_feedback(option):
    """An answer's own feedback, without the general feedback the parser glues onto the last answer."""
    return re.split(r"\s*#{3,4}", option.feedback or "")[0] or None


def unescaped(text):
    """The parser leaves GIFT's escaped backslash (\\\\) as it is; Moodle reads it as one backslash."""
    return (text or "").replace("\\\\", "\\")


def plain(text):
    """Text as the browser shows it: Markdown code and emphasis marks dropped, spaces folded."""
    return re.sub(r"\s+", " ", re.sub(r"[`*]", "", text or "")).strip()


def site_quizzes(site_zip):
    """Each quiz of the built site (the reader's view of the same model), by storage id."""
    quizzes = {}
    with zipfile.ZipFile(site_zip) as archive:
        for name in archive.namelist():
            if not name.endswith(".html"):
                continue
            page = lxml.html.fromstring(archive.read(name).decode("utf-8"))
            for form in page.xpath("//form[contains(@class, 'quiz')]"):
                quizzes[form.get("data-quiz")] = {
                    "kind": form.get("data-kind"),
                    "answers": json.loads(form.get("data-answers") or "[]"),
                    "choices": [{"correct": li.get("data-correct") == "true",
                                 "text": plain(li.xpath(".//label")[0].text_content()),
                                 "feedback": plain(" ".join(f.text_content() for f in li.xpath(".//*[contains(@class, 'quiz-feedback')]"))) or None}
                                for li in form.xpath(".//li[contains(@class, 'quiz-choice')]")],
                }
    return quizzes


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gift")
    return export(REPO / "Content", "gift", folder / "course.gift"), export(REPO / "Content", "zip", folder / "site.zip")


def test_bundled_course_round_trips(bundled):
    gift, site_zip = bundled
    questions = parse(gift)
    quizzes = site_quizzes(site_zip)
    assert len(questions) == len(quizzes) >= 100
    assert {q.name for q in questions} == set(quizzes)
    assert len({q.category for q in questions}) == 7
    for question in questions:
        quiz = quizzes[question.name]
        assert type(question.answer).__name__ == TYPES[quiz["kind"]], question.name
        assert question.text.startswith("[markdown]")
        options = question.answer.options
        if quiz["kind"] == "text":
            texts = [o.text for o in options]
            assert set(quiz["answers"]) <= set(texts), question.name
            assert all(o.prefix == "=" and o.percentage == 1.0 for o in options)
            continue
        assert len(options) == len(quiz["choices"]), question.name
        for option, choice in zip(options, quiz["choices"]):
            assert plain(option.text) == choice["text"], question.name
            assert plain(own_feedback(option)) == (choice["feedback"] or ""), question.name
            if quiz["kind"] == "single":
                assert (option.prefix == "=") == choice["correct"], question.name
            else:
                assert (option.percentage > 0) == choice["correct"], question.name
        if quiz["kind"] == "multiple":
            weights = [o.percentage for o in options]
            assert abs(sum(w for w in weights if w > 0) - 1) < 1e-4, question.name
            assert abs(sum(w for w in weights if w < 0) + 1) < 1e-4, question.name


SPECIAL = "式 {a} = b: 〜 #1 と \\ と ~ の問題"


def gift_unescaped(text):
    """The parser keeps GIFT escapes in answer texts (and leaves \\\\ in question texts); Moodle removes them."""
    return re.sub(r"\\(.)", r"\1", text or "")


def one_module_course(tmp_path, site_yml, module, module_title, quizzes):
    """A course of one module whose one page holds `quizzes` (Markdown); returns its content folder."""
    content = tmp_path / "Content"
    (content / module).mkdir(parents=True)
    (content / "site.yml").write_text(site_yml, encoding="utf-8")
    (content / module / "index.md").write_text("---\ntitle: " + module_title + "\n---\n\n概要\n", encoding="utf-8")
    (content / module / "01-quiz.md").write_text("---\ntitle: 問題\n---\n\n" + quizzes, encoding="utf-8")
    return content


def test_every_special_character_survives(tmp_path):
    content = one_module_course(
        tmp_path, "id: gift-signs\ntitle: \"記号/研修 {1}\"\nlicence: PDL-1.0\n", "01-signs", "'記号: ~ = #'",
        "```quiz\nid: signs\n" + SPECIAL + "\n"
        "- [x] 正 {x} ~ y = #z: \\\\w\n  > 当たり {だ #1: 記号\n"
        "- [ ] 誤り = ~ # } {\n"
        "```\n\n"
        "```quiz\nid: typed\n入力 {問題}\nanswer: a=b | {x}:y | 1#2 | ~\n```\n\n"
        "```quiz\nid: explained\n解説つき\n- [x] はい\n  > 記号 } = ~ も\n- [ ] いいえ\n解説: 記号 ~ = # { } : \\\\ をすべて含む\n```\n")
    gift = export(content, "gift", tmp_path / "signs.gift")
    text = gift.read_text(encoding="utf-8")
    assert text.startswith("// 記号/研修 {1}\n")
    assert "公共データ利用規約" in text
    first, second, _ = parse(gift)
    assert first.name == "signs/quiz.html#signs"
    assert unescaped(first.text) == "[markdown]" + SPECIAL
    # Moodle does not unescape category lines: their special characters become full-width.
    assert first.category == "記号／研修 ｛1｝/記号： ～ ＝ ＃"
    right, wrong = first.answer.options
    assert (right.prefix, gift_unescaped(right.text), gift_unescaped(right.feedback)) == ("=", "正 {x} ~ y = #z: \\\\w", "当たり {だ #1: 記号")
    assert (wrong.prefix, gift_unescaped(wrong.text)) == ("~", "誤り = ~ # } {")
    assert second.text == "[markdown]入力 {問題}"
    assert {"a=b", "{x}:y", "1#2", "~"} <= {gift_unescaped(o.text) for o in second.answer.options}
    # pygiftparserrgmf ignores the escapes \} \= \~ inside feedback (Moodle honours them), so the
    # feedback and the explanation with every special character are checked in the file itself.
    assert "\t=はい#記号 \\} \\= \\~ も\n" in text
    assert "\t####記号 \\~ \\= \\# \\{ \\} \\: \\\\\\\\ をすべて含む\n" in text


def test_answer_starting_with_percent_keeps_its_weight(tmp_path):
    """Moodle (and this parser) read `~%8%…` as a weight of 8 %: such a choice or typed answer keeps its own."""
    content = one_module_course(
        tmp_path, "id: gift-rate\ntitle: 税率\n", "01-rate", "税率",
        "```quiz\nid: rate\n軽減税率は？\n- [ ] %10%の税率\n- [x] %8%の税率\n```\n\n"
        "```quiz\nid: typed\n割合は？\nanswer: %5%\n```\n")
    gift = export(content, "gift", tmp_path / "rate.gift")
    choice, typed = parse(gift)
    wrong, _ = choice.answer.options
    assert (wrong.percentage, wrong.text) == (0.0, "%10%の税率")
    # Moodle reads no weight after `=` in a multiple-choice answer (this parser does): the right one stays as written.
    assert "\t=%8%の税率\n" in gift.read_text(encoding="utf-8")
    assert [(o.percentage, o.text) for o in typed.answer.options][0] == (1.0, "%5%")
