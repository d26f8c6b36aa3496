"""A course that stays right, in the browser: glossary links with their popover (keyboard, hover,
Escape, aria-describedby, axe-core), glossary.html, and print.html (reading order, quizzes on paper,
answer keys, one sheet per page when printed)."""
import base64
import re
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe

from conftest import REPO

LESSON = "hyojunka/law-and-policy.html"


def open_page(driver, site, path):
    driver.get((site / path).as_uri())


def tip_of(driver, link):
    tip_id = link.get_attribute("aria-describedby")
    assert tip_id, "the glossary link names its popover with aria-describedby"
    tip = driver.find_element(By.ID, tip_id)
    assert tip.get_attribute("role") == "tooltip"
    return tip


def assert_no_axe_violations(driver, path):
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, f"{path}: " + "; ".join(f"{v['id']}: {v['help']}" for v in violations)


def test_glossary_popover_keyboard(driver, site):
    open_page(driver, site, LESSON)
    links = driver.find_elements(By.CSS_SELECTOR, "main a.glossary-link")
    assert links, "the lesson links its glossary terms"
    # First occurrence only: no term is linked twice on a page.
    hrefs = [link.get_attribute("href") for link in links]
    assert len(hrefs) == len(set(hrefs))
    link = links[0]
    tip = tip_of(driver, link)
    assert not tip.is_displayed()
    # Focus with the keyboard (Tab from the element before it) shows the definition.
    driver.execute_script(
        "var all = Array.from(document.querySelectorAll('a[href], button, input'));"
        "all[all.indexOf(arguments[0]) - 1].focus();", link)
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert driver.switch_to.active_element == link
    assert tip.is_displayed()
    assert tip.text == link.get_attribute("data-definition")
    # It opens just under its link.
    below = tip.rect["y"] - (link.rect["y"] + link.rect["height"])
    assert 0 <= below <= 24, (tip.rect, link.rect)
    # Escape closes it and leaves focus where it was.
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed()
    assert driver.switch_to.active_element == link
    # Leaving and coming back with the keyboard shows it again; moving on hides it.
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert not tip.is_displayed()
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert driver.switch_to.active_element == link and tip.is_displayed()
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert not tip.is_displayed()


def test_glossary_popover_hover_stays_over_the_popover(driver, site):
    open_page(driver, site, LESSON)
    link = driver.find_element(By.CSS_SELECTOR, "main a.glossary-link")
    tip = tip_of(driver, link)
    ActionChains(driver).move_to_element(link).perform()
    assert tip.is_displayed()
    # WCAG 1.4.13: the pointer can move onto the popover without it vanishing.
    ActionChains(driver).move_to_element(tip).perform()
    time.sleep(0.5)
    assert tip.is_displayed()
    ActionChains(driver).move_to_element(driver.find_element(By.TAG_NAME, "h1")).perform()
    time.sleep(0.5)
    assert not tip.is_displayed()


def test_glossary_link_leads_to_its_entry_without_script(driver, site):
    source = (site / LESSON).read_text(encoding="utf-8")
    # The built page has plain links and no popover markup: it works without JavaScript.
    assert 'class="glossary-link" href="../glossary.html#' in source
    assert 'role="tooltip"' not in source
    open_page(driver, site, LESSON)
    link = driver.find_element(By.CSS_SELECTOR, "main a.glossary-link")
    term = link.text
    driver.get(link.get_attribute("href"))
    assert driver.current_url.split("#")[0].endswith("/glossary.html")
    fragment = driver.execute_script("return decodeURIComponent(location.hash.slice(1))")
    entry = driver.find_element(By.ID, fragment)
    assert entry.tag_name == "dt"
    assert term in entry.text or entry.text.split(" ")[0] in (site / "glossary.html").read_text(encoding="utf-8")


def test_glossary_page_rows_in_gojuon_order(driver, site):
    open_page(driver, site, "glossary.html")
    rows = [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".glossary-row h2")]
    order = ["あ行", "か行", "さ行", "た行", "な行", "は行", "ま行", "や行", "ら行", "わ行", "英数字"]
    assert rows == [r for r in order if r in rows] and len(rows) >= 3
    terms = driver.find_elements(By.CSS_SELECTOR, ".glossary-terms dt")
    glossary = (REPO / "Content" / "glossary.yml").read_text(encoding="utf-8")
    assert len(terms) == len(re.findall(r"^- term:", glossary, re.M))
    assert all(t.get_attribute("id") for t in terms)
    header = driver.find_element(By.CSS_SELECTOR, ".site-header .glossary-page-link")
    assert header.text == "用語集"


@pytest.mark.parametrize("path", [LESSON, "glossary.html", "print.html"])
def test_axe_finds_no_violations(driver, site, path):
    open_page(driver, site, path)
    if path == LESSON:
        link = driver.find_element(By.CSS_SELECTOR, "main a.glossary-link")
        driver.execute_script("arguments[0].focus()", link)
        assert tip_of(driver, link).is_displayed()
    assert_no_axe_violations(driver, path)


def expected_print_titles():
    """Home, then each module's overview, lessons and test, then its answer key, from Content/."""
    def title(path):
        return re.search(r"^title: (.+)$", path.read_text(encoding="utf-8"), re.M).group(1).strip()
    content = REPO / "Content"
    titles = [title(content / "index.md")]
    for module in sorted(p for p in content.iterdir() if p.is_dir() and re.match(r"\d\d-", p.name)):
        module_title = title(module / "index.md")
        titles.append(module_title)
        titles += [title(p) for p in sorted(module.glob("[0-9][0-9]-*.md"))]
        titles.append("解答と解説：" + module_title)
    return titles


def test_print_page_order_and_answer_keys(driver, site):
    open_page(driver, site, "print.html")
    sections = driver.find_elements(By.CSS_SELECTOR, "section.print-page")
    titles = [s.find_element(By.CSS_SELECTOR, "h2.print-page-title").text for s in sections]
    assert titles == expected_print_titles()
    # No interactive quiz controls, but every question with its choices.
    assert not driver.find_elements(By.CSS_SELECTOR, "main form, main input, main .quiz-check")
    quiz_count = len(re.findall(r"^```quiz", "".join(
        p.read_text(encoding="utf-8") for p in (REPO / "Content").glob("*/*.md")), re.M))
    assert len(driver.find_elements(By.CSS_SELECTOR, ".print-quiz")) == quiz_count
    # Each module's questions are answered, in order, in the key that closes it, with explanations; a module
    # test's are left out (print.html is one link from the graded test), and the key says so.
    test_titles = {m.group(1).strip() for p in (REPO / "Content").glob("*/*.md")
                   if re.search(r"^kind: test$", text := p.read_text(encoding="utf-8"), re.M)
                   for m in [re.search(r"^title: (.+)$", text, re.M)]}
    assert test_titles, "the bundled course has module tests"
    questions, answers, tested = [], 0, 0
    for section in sections:
        if "print-answers" in section.get_attribute("class"):
            entries = section.find_elements(By.CSS_SELECTOR, ".print-answer-list > li")
            expected = [str(n) for n, is_test in enumerate(questions, 1) if not is_test]
            assert [e.get_attribute("value") for e in entries] == expected
            assert all(e.find_elements(By.CSS_SELECTOR, ".print-explanation") for e in entries)
            assert bool(section.find_elements(By.CSS_SELECTOR, ".print-note")) == any(questions)
            answers += len(entries)
            tested += sum(questions)
            questions = []
        else:
            is_test = section.find_element(By.CSS_SELECTOR, "h2.print-page-title").text in test_titles
            questions += [is_test] * len(section.find_elements(By.CSS_SELECTOR, ".print-quiz"))
    assert tested > 0 and answers == quiz_count - tested
    # The table of contents leads to every section.
    toc = {a.get_attribute("href").split("#")[1] for a in driver.find_elements(By.CSS_SELECTOR, ".print-toc a")}
    assert {s.get_attribute("id") for s in sections} <= toc
    header = driver.find_element(By.CSS_SELECTOR, ".site-header .print-link")
    assert header.text == "印刷用"


def test_print_to_pdf_starts_each_page_on_a_new_sheet(driver, site):
    open_page(driver, site, "print.html")
    sections = len(driver.find_elements(By.CSS_SELECTOR, "section.print-page"))
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # The title and contents take at least one sheet, then every section starts a new one.
    assert pages >= sections + 1, (pages, sections)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
        after = driver.execute_script(
            "var a = document.querySelector('.print-course .print-sources a[href^=\"http\"]');"
            "return a ? getComputedStyle(a, '::after').content : null")
        assert after and "attr(href)" not in after and "http" in after, after
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
