"""The day-one module walked end to end, as a newly transferred staff member would on the first day:
open the module, read every lesson through the pager, pass the module test, and find the module complete
on the progress page. The right answers are read from the module test's Markdown, so the walk keeps
working when an author rewrites a question."""
import json
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO

MODULE = REPO / "Content" / "00-day-one"


@pytest.fixture
def fresh(driver, site):
    driver.get((site / "index.html").as_uri())
    driver.execute_script("localStorage.clear()")
    return driver


def lesson_titles():
    """Titles of the module's lessons in reading order (every numbered page that is not the test)."""
    titles = []
    for page in sorted(MODULE.glob("[0-9][0-9]-*.md")):
        text = page.read_text(encoding="utf-8")
        if re.search(r"^kind: test$", text, re.M):
            continue
        titles.append(re.search(r"^title: (.+)$", text, re.M).group(1))
    return titles


def module_test_answers():
    """Each module-test question id with its right answer: the Markdown positions of the [x] choices,
    or the first accepted text answer."""
    test_page = next(p for p in sorted(MODULE.glob("*.md")) if re.search(r"^kind: test$", p.read_text(encoding="utf-8"), re.M))
    answers = {}
    for block in re.findall(r"^```quiz\n(.*?)^```", test_page.read_text(encoding="utf-8"), re.S | re.M):
        quiz_id = re.search(r"^id: (.+)$", block, re.M).group(1).strip()
        text = re.search(r"^answer: (.+)$", block, re.M)
        if text:
            answers[quiz_id] = text.group(1).split("|")[0].strip()
        else:
            marks = re.findall(r"^- \[( |x)\] ", block, re.M)
            answers[quiz_id] = [i for i, mark in enumerate(marks) if mark == "x"]
    return answers


def saved(driver):
    key = [k for k in driver.execute_script("return Object.keys(localStorage)") if k.endswith(":progress")]
    assert len(key) == 1, key
    return json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", key[0]))


def test_day_one_module_end_to_end(fresh, site):
    # The course home sends a newcomer to the day-one module first.
    fresh.get((site / "index.html").as_uri())
    first_card = fresh.find_element(By.CSS_SELECTOR, ".module-card h3 a")
    assert first_card.text.split("\n")[-1] == "着任から1か月"
    first_card.click()
    assert fresh.current_url.endswith("/day-one/index.html")
    # The overview says plainly that the 〔 〕 fields are for each municipality to fill in.
    assert "各団体が自分の情報に置き換える欄です" in fresh.find_element(By.TAG_NAME, "main").text

    # Read every lesson in order through the pager, checking each one's heading, objectives and sources.
    expected = lesson_titles()
    assert len(expected) == 4
    read = []
    for _ in expected:
        fresh.find_element(By.CSS_SELECTOR, "a.pager-next").click()
        title = fresh.find_element(By.TAG_NAME, "h1").text
        read.append(title)
        main = fresh.find_element(By.TAG_NAME, "main").text
        assert "学習目標" in main and "出典" in main, title
        assert "〔" in main and "{{" not in main, f"{title}: the fill-in fields show vars: values (〔…〕), never raw braces"
    assert read == expected

    # One lesson question answered wrongly shows its reason, then answered rightly.
    fresh.get((site / "day-one" / "kyoso-in-practice.html").as_uri())
    form = fresh.find_element(By.ID, "quiz-d1-dm")
    form.find_element(By.CSS_SELECTOR, '.quiz-choice input[value="0"]').click()
    form.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == "不正解です。"
    shown = [f.text for f in form.find_elements(By.CSS_SELECTOR, ".quiz-feedback") if f.is_displayed()]
    assert shown and "後から探す" in shown[0]
    form.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    form.find_element(By.CSS_SELECTOR, '.quiz-choice input[value="1"]').click()
    form.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == "正解です。"

    # The module test, passed by choosing the right answers (shuffled choices are found by their value).
    fresh.find_element(By.CSS_SELECTOR, "a.pager-next").click()
    assert fresh.current_url.endswith("/day-one/test.html")
    answers = module_test_answers()
    forms = fresh.find_elements(By.CSS_SELECTOR, "form.quiz")
    assert {f.get_attribute("id") for f in forms} == {"quiz-" + q for q in answers}
    for quiz_id, answer in answers.items():
        form = fresh.find_element(By.ID, "quiz-" + quiz_id)
        if isinstance(answer, str):
            form.find_element(By.CSS_SELECTOR, "input[type=text]").send_keys(answer)
        else:
            for value in answer:
                form.find_element(By.CSS_SELECTOR, f'.quiz-choice input[value="{value}"]').click()
    fresh.find_element(By.CSS_SELECTOR, ".test-grade-button").click()
    result = fresh.find_element(By.CSS_SELECTOR, ".test-result").text
    assert result.startswith(f"100点（{len(answers)} / {len(answers)} 問正解）：合格"), result
    assert saved(fresh)["tests"]["day-one/test.html"]["passed"] is True

    # The progress page shows the day-one module complete: every lesson read and the test passed.
    fresh.get((site / "progress.html").as_uri())
    modules = {m.find_element(By.TAG_NAME, "h2").text: m for m in fresh.find_elements(By.CSS_SELECTOR, ".progress-module")}
    day_one = modules["着任から1か月"]
    assert day_one.find_element(By.CSS_SELECTOR, "[data-read]").text == f"{len(expected)} / {len(expected)}"
    assert day_one.find_element(By.CSS_SELECTOR, "[data-passed]").get_attribute("data-passed") == "true"
    assert "is-complete" in day_one.get_attribute("class")
    assert [li.text for li in fresh.find_elements(By.CSS_SELECTOR, "#certificate-modules li")] == ["着任から1か月"]
    others = [m for title, m in modules.items() if title != "着任から1か月"]
    assert others and not any("is-complete" in m.get_attribute("class") for m in others)


def test_day_one_pages_have_no_axe_violations(driver, site):
    from selenium_axe_python import Axe
    for page in ["index.html", "how-to-use.html", "first-month.html", "vendors.html", "kyoso-in-practice.html", "test.html"]:
        driver.get((site / "day-one" / page).as_uri())
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
        assert not violations, f"{page}: " + "; ".join(f"{v['id']}: {v['help']}" for v in violations)
