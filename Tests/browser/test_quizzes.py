"""Quizzes, module tests and progress in a real browser, with the site opened from disk."""
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe


@pytest.fixture
def fresh(driver, site):
    """Each test starts with no saved progress: every file:// page shares one localStorage."""
    driver.get((site / "index.html").as_uri())
    driver.execute_script("localStorage.clear()")
    return driver


def open_page(driver, site, path):
    driver.get((site / path).as_uri())


def quiz(driver, quiz_id):
    return driver.find_element(By.ID, "quiz-" + quiz_id)


def choose(form, index):
    form.find_elements(By.CSS_SELECTOR, ".quiz-choice input")[index].click()


def choose_value(form, value):
    """Picks a choice by its place in the Markdown, which stays the same when `shuffle` reorders the list."""
    form.find_element(By.CSS_SELECTOR, f'.quiz-choice input[value="{value}"]').click()


def check(form):
    form.find_element(By.CSS_SELECTOR, ".quiz-check").click()
    return form.find_element(By.CSS_SELECTOR, ".quiz-result").text


def saved(driver):
    key = [k for k in driver.execute_script("return Object.keys(localStorage)") if k.endswith(":progress")]
    assert len(key) == 1, key
    return json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", key[0]))


def test_wrong_then_right_with_feedback_and_retry(fresh, site):
    open_page(fresh, site, "hyojunka/law-and-policy.html")
    form = quiz(fresh, "duty")
    choose(form, 1)
    assert check(form) == "不正解です。"
    feedback = form.find_elements(By.CSS_SELECTOR, ".quiz-feedback")
    assert feedback[1].is_displayed() and "努力義務" in feedback[1].text
    assert not feedback[0].is_displayed()
    form.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == ""
    choose(form, 0)
    assert check(form) == "正解です。"
    assert form.find_element(By.CSS_SELECTOR, ".quiz-explanation").is_displayed()
    assert "1 / 2" in fresh.find_element(By.CSS_SELECTOR, ".quiz-score").text


def test_keyboard_only_answering(fresh, site):
    open_page(fresh, site, "hyojunka/deadline.html")
    form = quiz(fresh, "deadline")
    first = form.find_elements(By.CSS_SELECTOR, ".quiz-choice input")[0]
    fresh.execute_script("arguments[0].focus()", first)
    first.send_keys(Keys.SPACE)        # select the first radio
    first.send_keys(Keys.ARROW_DOWN)   # move to the second choice, as radio groups do
    active = fresh.switch_to.active_element
    assert active.get_attribute("value") == "1" and active.is_selected()
    active.send_keys(Keys.TAB)          # to the check button
    fresh.switch_to.active_element.send_keys(Keys.ENTER)
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == "正解です。"


def test_multiple_choice_needs_every_correct_box(fresh, site):
    open_page(fresh, site, "hyojunka/twenty-services.html")
    form = quiz(fresh, "whitelist")
    choose(form, 0)
    assert check(form) == "不正解です。"
    form.find_element(By.CSS_SELECTOR, ".quiz-retry").click()
    choose(form, 0)
    choose(form, 2)
    assert check(form) == "正解です。"


@pytest.mark.parametrize("typed,expected", [("２０業務", "正解です。"), ("20", "正解です。"), ("十業務", "不正解です。")])
def test_text_answers_are_normalised(fresh, site, typed, expected):
    open_page(fresh, site, "hyojunka/twenty-services.html")
    form = quiz(fresh, "count")
    field = form.find_element(By.CSS_SELECTOR, "input[type=text]")
    field.send_keys(typed)
    field.send_keys(Keys.ENTER)
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == expected


def test_kana_option_accepts_hiragana(fresh, site):
    open_page(fresh, site, "gov-cloud/what-is-gov-cloud.html")
    form = quiz(fresh, "cloud-by-default")
    form.find_element(By.CSS_SELECTOR, "input[type=text]").send_keys("くらうどばいでふぉると\n")
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == "正解です。"


def test_progress_survives_reload_and_marks_the_sidebar(fresh, site):
    open_page(fresh, site, "gov-cloud/providers.html")
    form = quiz(fresh, "first-domestic")
    choose(form, 1)
    assert check(form) == "正解です。"
    fresh.refresh()
    assert "1 / 2" in fresh.find_element(By.CSS_SELECTOR, ".quiz-score").text
    assert quiz(fresh, "first-domestic").find_element(By.CSS_SELECTOR, ".quiz-result").text == "前回の回答は正解でした。"
    done = [a.text for a in fresh.find_elements(By.CSS_SELECTOR, "#site-nav a.is-done")]
    assert any(text.startswith("採択されたクラウドサービスとISMAP") for text in done)
    data = saved(fresh)
    assert data["quizzes"]["gov-cloud/providers.html#first-domestic"]["correct"] is True


def test_corrupt_saved_progress_is_ignored(fresh, site):
    open_page(fresh, site, "hyojunka/deadline.html")
    key = "kenshu:" + fresh.find_element(By.TAG_NAME, "body").get_attribute("data-site") + ":progress"
    fresh.execute_script("localStorage.setItem(arguments[0], '{not json')", key)
    fresh.refresh()
    form = quiz(fresh, "deadline")
    choose(form, 1)
    assert check(form) == "正解です。"
    fresh.execute_script("localStorage.setItem(arguments[0], JSON.stringify({version: 1, quizzes: 'x', tests: {a: {best: 'NaN'}}}))", key)
    fresh.refresh()
    assert "0 / 3" in fresh.find_element(By.CSS_SELECTOR, ".quiz-score").text


def answer_test(driver, answers):
    for quiz_id, picks in answers.items():
        form = quiz(driver, quiz_id)
        if isinstance(picks, str):
            form.find_element(By.CSS_SELECTOR, "input[type=text]").send_keys(picks)
        else:
            for value in picks:
                choose_value(form, value)
    driver.find_element(By.CSS_SELECTOR, ".test-grade-button").click()
    return driver.find_element(By.CSS_SELECTOR, ".test-result").text


def test_module_test_fails_then_passes_and_keeps_the_best_score(fresh, site):
    open_page(fresh, site, "gov-cloud/test.html")
    assert not quiz(fresh, "t2-ismap").find_element(By.CSS_SELECTOR, ".quiz-check").is_displayed()
    result = answer_test(fresh, {"t2-first": [0], "t2-ismap": [0], "t2-aws": [1], "t2-asp": "ベンダー", "t2-effort": [0]})
    assert result.startswith("20点（1 / 5 問正解）：不合格"), result
    fresh.refresh()
    result = answer_test(fresh, {"t2-first": [0, 2], "t2-ismap": [0], "t2-aws": [0], "t2-asp": "ａｓｐ", "t2-effort": [0]})
    assert result.startswith("80点（4 / 5 問正解）：合格"), result
    fresh.refresh()
    result = answer_test(fresh, {"t2-first": [0], "t2-ismap": [1], "t2-aws": [1], "t2-asp": "x", "t2-effort": [0]})
    assert "最高点 80点" in result and "不合格" in result
    assert saved(fresh)["tests"]["gov-cloud/test.html"]["passed"] is True


def test_progress_page_counts_lessons_quizzes_and_tests(fresh, site):
    open_page(fresh, site, "gov-cloud/what-is-gov-cloud.html")
    choose_value(quiz(fresh, "what"), 1)
    check(quiz(fresh, "what"))
    open_page(fresh, site, "gov-cloud/providers.html")
    open_page(fresh, site, "gov-cloud/test.html")
    answer_test(fresh, {"t2-first": [0, 2], "t2-ismap": [0], "t2-aws": [0], "t2-asp": "ASP", "t2-effort": [1]})
    open_page(fresh, site, "progress.html")
    modules = {m.find_element(By.TAG_NAME, "h2").text: m for m in fresh.find_elements(By.CSS_SELECTOR, ".progress-module")}
    course = fresh.execute_script("return KENSHU_COURSE.modules.map(m => [m.lessons.length, m.tests.length])")
    assert len(modules) == len(course) == 7
    cloud = modules["ガバメントクラウド"]
    assert cloud.find_element(By.CSS_SELECTOR, "[data-read]").text == "2 / 5"
    assert cloud.find_element(By.CSS_SELECTOR, "[data-right]").text == "1 / 10"
    assert cloud.find_element(By.CSS_SELECTOR, "[data-passed]").get_attribute("data-passed") == "true"
    assert "is-complete" in cloud.get_attribute("class")
    assert modules["標準化の全体像"].find_element(By.CSS_SELECTOR, "[data-read]").text == "0 / 6"
    # 2 lessons read + 1 test passed, out of every lesson and test of the course
    total = sum(lessons + tests for lessons, tests in course)
    assert fresh.find_element(By.ID, "progress-overall").get_attribute("data-percent") == str(round(100 * 3 / total))
    name = fresh.find_element(By.ID, "certificate-name")
    name.send_keys("山田 花子")
    assert fresh.find_element(By.ID, "certificate-name-out").text == "山田 花子"
    assert [li.text for li in fresh.find_elements(By.CSS_SELECTOR, "#certificate-modules li")] == ["ガバメントクラウド"]


def test_progress_export_and_import(fresh, site, tmp_path):
    open_page(fresh, site, "hyojunka/deadline.html")
    exported = {"kenshu": 1, "site": "x", "exported": "2026-11-26", "progress": saved(fresh)}
    exported["progress"]["tests"]["hyojunka/test.html"] = {"best": 100, "bestAt": "2026-11-20", "last": 100, "passed": True}
    record = tmp_path / "record.json"
    record.write_text(json.dumps(exported), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{\"hello\": 1}", encoding="utf-8")
    fresh.execute_script("localStorage.clear()")
    open_page(fresh, site, "progress.html")
    upload = fresh.find_element(By.ID, "progress-import")
    upload.send_keys(str(bad))
    assert fresh.find_element(By.ID, "progress-message").text == "このファイルは学習記録として読み込めませんでした。"
    fresh.execute_script("arguments[0].value = ''", upload)
    upload.send_keys(str(record))
    assert fresh.find_element(By.ID, "progress-message").text == "記録を読み込みました。"
    first = [m for m in fresh.find_elements(By.CSS_SELECTOR, ".progress-module") if m.find_element(By.TAG_NAME, "h2").text == "標準化の全体像"][0]
    assert first.find_element(By.CSS_SELECTOR, "[data-read]").text == "1 / 6"
    assert first.find_element(By.CSS_SELECTOR, "[data-passed]").get_attribute("data-passed") == "true"
    assert fresh.execute_script("return typeof document.getElementById('progress-export').onclick") is not None


def test_without_javascript_the_answer_is_readable(site):
    html = (site / "hyojunka/law-and-policy.html").read_text(encoding="utf-8")
    start = html.index('id="quiz-duty"')
    block = html[start:html.index("</form>", start)]
    assert "<details class=\"quiz-answer\">" in block and "<summary>答えを確認する</summary>" in block
    assert "第8条が、対象業務のシステムを標準化基準に適合させることを義務づけています" in block
    assert 'hidden' not in block[block.index("<details"):]


def test_axe_on_lesson_test_and_progress_pages(fresh, site):
    for path in ["hyojunka/law-and-policy.html", "gov-cloud/test.html", "progress.html"]:
        open_page(fresh, site, path)
        if path.endswith("test.html"):
            fresh.find_element(By.CSS_SELECTOR, ".test-grade-button").click()
        if path.endswith("law-and-policy.html"):
            choose(quiz(fresh, "duty"), 1)
            check(quiz(fresh, "duty"))
        axe = Axe(fresh)
        axe.inject()
        violations = axe.run()["violations"]
        assert not violations, f"{path}: " + "; ".join(f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in violations)


def test_a_tests_date_is_the_learners_own_day(fresh, site):
    """A test taken at 08:15 in Japan was dated the day before (UTC's day): staff start before 09:00."""
    clock = ("(function () { var Real = Date, fixed = Real.UTC(2026, 11, 3, 23, 15);"
             " function Fixed() { return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))() : new Real(fixed); }"
             " Fixed.now = function () { return fixed; }; Fixed.UTC = Real.UTC; Fixed.parse = Real.parse; Fixed.prototype = Real.prototype;"
             " window.Date = Fixed; })();")
    script = fresh.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": clock})["identifier"]
    fresh.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Tokyo"})
    try:
        open_page(fresh, site, "gov-cloud/test.html")
        assert fresh.execute_script("return new Date().getDate()") == 4
        result = answer_test(fresh, {"t2-first": [0, 2], "t2-ismap": [0], "t2-aws": [0], "t2-asp": "ａｓｐ", "t2-effort": [0]})
        assert "（2026-12-04）" in result, result
        assert saved(fresh)["tests"]["gov-cloud/test.html"]["bestAt"] == "2026-12-04"
    finally:
        fresh.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
        fresh.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ""})


def test_a_failed_test_shows_what_was_wrong_but_not_the_answers(fresh, site):
    """A failed grading showed every right answer and explanation: changing the answers to match and grading again
    passed the module (and told the LMS so). Now the answers show once passed, and a new try starts cleared."""
    open_page(fresh, site, "gov-cloud/test.html")
    result = answer_test(fresh, {"t2-first": [0], "t2-ismap": [0], "t2-aws": [1], "t2-effort": [0]})
    assert result.startswith("20点（1 / 5 問正解）：不合格") and "合格すると表示されます" in result, result
    asp = quiz(fresh, "t2-asp")
    assert asp.find_element(By.CSS_SELECTOR, ".quiz-result").text == "答えていません。"
    for form in fresh.find_elements(By.CSS_SELECTOR, "form.quiz"):
        assert not form.find_element(By.CSS_SELECTOR, ".quiz-answer").is_displayed(), "no answer or explanation"
        assert not any(f.is_displayed() for f in form.find_elements(By.CSS_SELECTOR, ".quiz-feedback"))
        assert all(not i.is_enabled() for i in form.find_elements(By.CSS_SELECTOR, "input")), "graded answers stay"
    assert not fresh.find_element(By.CSS_SELECTOR, ".test-grade-button").is_displayed()
    retake = fresh.find_element(By.CSS_SELECTOR, ".test-retake-button")
    assert retake.text == "もう一度受ける"
    retake.click()
    assert fresh.find_element(By.CSS_SELECTOR, ".test-result").text == ""
    assert not any(i.is_selected() for i in fresh.find_elements(By.CSS_SELECTOR, "form.quiz input[type=checkbox], form.quiz input[type=radio]"))
    assert all(i.is_enabled() for i in fresh.find_elements(By.CSS_SELECTOR, "form.quiz input"))
    result = answer_test(fresh, {"t2-first": [0, 2], "t2-ismap": [0], "t2-aws": [0], "t2-asp": "ａｓｐ", "t2-effort": [0]})
    assert result.startswith("80点（4 / 5 問正解）：合格") and "合格すると" not in result, result
    assert quiz(fresh, "t2-ismap").find_element(By.CSS_SELECTOR, ".quiz-answer").is_displayed(), "passed: answers shown"
    axe = Axe(fresh)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, "; ".join(f"{v['id']}: {v['help']}" for v in violations)


def test_progress_is_cleared_on_a_shared_pc(fresh, site):
    """The next person at a shared PC inherited the record and its certificate: nothing could clear it."""
    open_page(fresh, site, "gov-cloud/test.html")
    answer_test(fresh, {"t2-first": [0, 2], "t2-ismap": [0], "t2-aws": [0], "t2-asp": "ASP", "t2-effort": [1]})
    open_page(fresh, site, "progress.html")
    assert [li.text for li in fresh.find_elements(By.CSS_SELECTOR, "#certificate-modules li")] == ["ガバメントクラウド"]
    button = fresh.find_element(By.ID, "progress-reset")
    fresh.execute_script("window.confirm = function () { return false; }")
    button.click()
    assert saved(fresh)["tests"], "cancelled: kept"
    fresh.execute_script("window.confirm = function () { return true; }")
    button.click()
    assert fresh.find_element(By.ID, "progress-reset-message").text == "記録を消しました。"
    assert [li.text for li in fresh.find_elements(By.CSS_SELECTOR, "#certificate-modules li")] == ["まだ修了したモジュールはありません"]
    assert fresh.find_element(By.ID, "progress-overall").get_attribute("data-percent") == "0"
    fresh.refresh()
    assert fresh.find_element(By.ID, "progress-overall").get_attribute("data-percent") == "0"


@pytest.mark.parametrize("typed", ["JーLIS", "J−LIS", "j-lis。", "ＪＬＩＳ"])
def test_typed_answers_accept_the_ime_dashes_and_a_final_full_stop(fresh, site, typed):
    """`JーLIS` (the IME's long vowel mark typed for '-'), `J−LIS` (minus) and a final 。 were wrong answers."""
    open_page(fresh, site, "hajimeni/who-is-who.html")
    form = quiz(fresh, "jlis-fund")
    form.find_element(By.CSS_SELECTOR, "input[type=text]").send_keys(typed + "\n")
    assert form.find_element(By.CSS_SELECTOR, ".quiz-result").text == "正解です。"


def test_a_graded_test_speaks_once(fresh, site):
    """Grading a test filled each question's live result line at once: a screen reader read 「不正解です」 and
    「正解です」 five times over, with nothing to say which question each was. Only the test's result line is live."""
    open_page(fresh, site, "gov-cloud/test.html")
    answer_test(fresh, {"t2-first": [0], "t2-ismap": [0], "t2-aws": [1], "t2-effort": [0]})
    live = fresh.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('[aria-live], [role=status], [role=alert]'),"
        " function (e) { return e.textContent.trim() !== '' && e.getAttribute('aria-live') !== 'off'; })"
        ".map(function (e) { return e.className; });")
    assert live == ["test-result is-wrong"], live
    assert quiz(fresh, "t2-ismap").find_element(By.CSS_SELECTOR, ".quiz-result").text in ("正解です。", "不正解です。")
    # A lesson's quiz, checked alone, still says its result.
    open_page(fresh, site, "hyojunka/law-and-policy.html")
    result = quiz(fresh, "duty").find_element(By.CSS_SELECTOR, ".quiz-result")
    assert result.get_attribute("role") == "status" and result.get_attribute("aria-live") == "polite"


def test_the_certificate_waits_for_a_completed_module(fresh, site):
    """The certificate printed with 「まだ修了したモジュールはありません」 as its only line."""
    open_page(fresh, site, "progress.html")
    button = fresh.find_element(By.ID, "certificate-print")
    hint = fresh.find_element(By.ID, "certificate-hint")
    assert not button.is_enabled() and hint.is_displayed()
    assert hint.text == "モジュールを1つ修了すると、修了証を印刷できます。"
    assert button.get_attribute("aria-describedby") == "certificate-hint"
    open_page(fresh, site, "gov-cloud/test.html")
    answer_test(fresh, {"t2-first": [0, 2], "t2-ismap": [0], "t2-aws": [0], "t2-asp": "ASP", "t2-effort": [1]})
    open_page(fresh, site, "progress.html")
    assert fresh.find_element(By.ID, "certificate-print").is_enabled()
    assert not fresh.find_element(By.ID, "certificate-hint").is_displayed()
    fresh.execute_script("window.confirm = function () { return true; }")
    fresh.find_element(By.ID, "progress-reset").click()
    assert not fresh.find_element(By.ID, "certificate-print").is_enabled()


def test_a_page_past_its_review_date_says_so(fresh, site):
    """A learner read a page past its review date (the build warned its author, K7310) with nothing to say the
    rules or figures might have changed. Judged on the reader's own day: a site is read long after it was built."""
    path = "gov-cloud/providers.html"  # the bundled page due for review on 2026-12-31
    assert 'data-review-by="2026-12-31"' in (site / path).read_text(encoding="utf-8")

    def notice_at(utc):
        clock = ("(function () { var Real = Date, fixed = Real.UTC(%s);"
                 " function Fixed() { return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))() : new Real(fixed); }"
                 " Fixed.now = function () { return fixed; }; Fixed.UTC = Real.UTC; Fixed.parse = Real.parse; Fixed.prototype = Real.prototype;"
                 " window.Date = Fixed; })();" % utc)
        script = fresh.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": clock})["identifier"]
        fresh.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Tokyo"})
        try:
            open_page(fresh, site, path)
            return fresh.find_element(By.CSS_SELECTOR, ".review-overdue")
        finally:
            fresh.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})

    try:
        assert not notice_at("2026, 11, 31, 14, 30").is_displayed(), "23:30 on the review date in Japan: not past"
        notice = notice_at("2026, 11, 31, 15, 30")  # 00:30 on 2027-01-01 in Japan, still 2026-12-31 in UTC
        assert notice.is_displayed()
        assert notice.text.startswith("このページは見直しの予定日を過ぎています。")
        axe = Axe(fresh)
        axe.inject()
        violations = axe.run()["violations"]
        assert not violations, "; ".join(f"{v['id']}: {v['help']}" for v in violations)
    finally:
        fresh.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ""})
