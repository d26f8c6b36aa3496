"""Search from file:// on the bundled course: relevance, variants, synonyms, the UI and the
normalisation shared with the Swift side (Tests/Fixtures/search/normalisation.json)."""
import json
import pathlib
import time
from urllib.parse import unquote, urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

FIXTURE = pathlib.Path(__file__).resolve().parents[1] / "Fixtures" / "search" / "normalisation.json"

# (query, page that must be among the first three results). Pages are site paths without fragments.
RELEVANCE = [
    ("ガバメントクラウド", "gov-cloud/what-is-gov-cloud.html"),
    ("がばめんとくらうど", "gov-cloud/what-is-gov-cloud.html"),      # hiragana for katakana
    ("ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ", "gov-cloud/what-is-gov-cloud.html"),        # half-width katakana
    ("ＧＣＡＳ", "gov-cloud/what-is-gov-cloud.html"),                # full-width capitals
    ("gcas", "gov-cloud/what-is-gov-cloud.html"),                    # lower case
    ("標準化法", "hyojunka/law-and-policy.html"),
    ("基本方針", "hyojunka/law-and-policy.html"),
    ("標準", "hyojunka/twenty-services.html"),                       # inside 標準仕様書, a heading there
    ("準拠システム", "glossary.html"),                               # inside 標準準拠システム, a glossary term
    ("仕様書", "hyojunka/twenty-services.html"),                      # inside 標準仕様書
    ("LGWAN", "hajimeni/network.html"),
    ("三層の対策", "hajimeni/network.html"),
    ("ISMAP", "gov-cloud/providers.html"),
    ("ｉｓｍａｐ", "gov-cloud/providers.html"),                       # full-width lower case
    ("Fit & Gap", "iko/fit-and-gap.html"),
    ("fit gap", "iko/fit-and-gap.html"),                              # two words
    ("文字同定", "hyojunka/characters.html"),
    ("字形", "hyojunka/characters.html"),
    ("特定移行支援システム", "hyojunka/deadline.html"),
    ("デジタル基盤改革支援補助金", "hiyo/subsidy-and-fund.html"),
    ("基金", "hiyo/subsidy-and-fund.html"),
    ("利用料", "hiyo/usage-fee.html"),
    ("見積り", "hiyo/estimates.html"),
    ("アンバサダー", "kyoso/ambassadors.html"),
    ("あんばさだー", "kyoso/ambassadors.html"),
    ("20業務", "hyojunka/twenty-services.html"),
    ("２０業務", "hyojunka/twenty-services.html"),                    # full-width digits
    ("標準仕様書", "hyojunka/twenty-services.html"),
    ("経過措置", "hyojunka/reading-specs.html"),
    ("J-LIS", "hajimeni/who-is-who.html"),
    ("自治体DX推進計画", "hajimeni/dx-plan.html"),
    ("早期移行団体", "gov-cloud/pilots.html"),
    ("共同利用", "iko/joint-and-prefecture.html"),
    ("データ移行", "iko/build-and-cutover.html"),
    ("ネットワーク 接続", "gov-cloud/network.html"),                  # two words
    ("補助金　申請", "hiyo/subsidy-and-fund.html"),                   # two words, full-width space
    ("共創PF", "kyoso/kyoso-pf.html"),
    ("3割削減", "hiyo/target-and-reality.html"),
    ("ガバクラ 利用料", "hiyo/usage-fee.html"),                       # synonym: the page says ガバメントクラウド only
    ("ガバクラ 接続", "gov-cloud/network.html"),                      # synonym
    ("jlis", "hajimeni/who-is-who.html"),                             # the page writes J-LIS
]


def open_home(driver, site):
    driver.get((site / "index.html").as_uri())
    return driver.find_element(By.ID, "kenshu-search")


def search(driver, box, query):
    """Types `query` into the box and waits for the debounced search to show its results."""
    box.clear()
    box.send_keys(query)
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.CSS_SELECTOR, ".site-search").get_attribute("data-searched") == query)
    return driver.find_elements(By.CSS_SELECTOR, "#kenshu-search-results .search-list a")


def page_of(driver, site, link):
    path = unquote(urlparse(link.get_attribute("href")).path)
    return pathlib.Path(path).relative_to(site).as_posix()


def test_normalisation_in_javascript_matches_the_shared_fixture(driver, site):
    open_home(driver, site)
    cases = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]
    got = driver.execute_script(
        "return arguments[0].map(function (c) { var n = KenshuSearch.normalise(c.input);"
        " return {normalised: n, tokens: KenshuSearch.tokens(n)}; });", cases)
    assert len(cases) >= 30
    for case, result in zip(cases, got):
        assert result["normalised"] == case["normalised"], case["input"]
        assert result["tokens"] == case["tokens"], case["input"]


def test_relevance_set_finds_the_expected_page_in_the_top_three(driver, site):
    assert len(RELEVANCE) >= 30
    box = open_home(driver, site)
    misses = []
    for query, expected in RELEVANCE:
        top = [page_of(driver, site, link) for link in search(driver, box, query)[:3]]
        if expected not in top:
            misses.append(f"{query!r}: expected {expected}, got {top}")
    assert not misses, "\n".join(misses)


def test_synonym_only_match_needs_the_synonym(driver, site):
    # The lesson's text never writes ガバクラ (its glossary link's definition does, but definitions are
    # not indexed with the page): only the synonym in site.yml can find it.
    from conftest import REPO
    source = next((REPO / "Content" / "05-hiyo").glob("*-usage-fee.md")).read_text(encoding="utf-8")
    assert "ガバクラ" not in source
    box = open_home(driver, site)
    assert search(driver, box, "ガバクラ 利用料")


def test_no_results_says_so(driver, site):
    box = open_home(driver, site)
    assert search(driver, box, "ぴよぴよ") == []
    status = driver.find_element(By.CSS_SELECTOR, "#kenshu-search-results .search-status")
    assert status.is_displayed()
    assert status.text == "見つかりませんでした"


def test_results_show_title_heading_and_highlighted_snippet(driver, site):
    box = open_home(driver, site)
    links = search(driver, box, "文字同定")
    assert links
    headings = [link.find_elements(By.CSS_SELECTOR, ".search-heading") for link in links]
    assert any(h and h[0].text == "文字同定" for h in headings)
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#kenshu-search-results mark")]
    assert "文字同定" in marks
    assert all(mark in "文字同定" for mark in marks), marks
    # Highlights follow the folded match back to the original spelling.
    links = search(driver, box, "がばめんとくらうど")
    marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#kenshu-search-results mark")]
    assert "ガバメントクラウド" in marks


def test_heading_result_scrolls_to_its_section(driver, site):
    box = open_home(driver, site)
    links = search(driver, box, "文字同定")
    link = next(link for link in links
                if link.find_elements(By.CSS_SELECTOR, ".search-heading")
                and link.find_element(By.CSS_SELECTOR, ".search-heading").text == "文字同定")
    link.click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.split("#")[0].endswith("hyojunka/characters.html"))
    assert unquote(urlparse(driver.current_url).fragment) == "文字同定"
    top = driver.execute_script("return document.getElementById('文字同定').getBoundingClientRect().top;")
    assert -2 <= top < 100, top
    assert driver.execute_script("return window.scrollY;") > 0


def test_enter_opens_the_first_result_and_slash_focuses_the_box(driver, site):
    box = open_home(driver, site)
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    assert driver.switch_to.active_element == box
    box.send_keys("アンバサダー")
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "index.html" not in d.current_url)
    first = driver.current_url
    box = open_home(driver, site)
    links = search(driver, box, "アンバサダー")
    assert first == links[0].get_attribute("href")


def test_box_is_labelled_and_hidden_without_javascript(driver, site):
    box = open_home(driver, site)
    assert box.get_attribute("type") == "search"
    assert driver.find_element(By.CSS_SELECTOR, "label[for='kenshu-search']").get_attribute("textContent") == "サイト内を検索"
    assert box.is_displayed()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<form class="site-search" role="search" hidden>' in html


def test_a_touch_screen_is_not_told_about_the_slash_key(driver, site):
    """The placeholder 「検索（/ キー）」 meant nothing on a phone without a keyboard."""
    assert open_home(driver, site).get_attribute("placeholder") == "検索（/ キー）"
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    try:
        assert driver.execute_script("return matchMedia('(hover: none) and (pointer: coarse)').matches")
        assert open_home(driver, site).get_attribute("placeholder") == "検索"
    finally:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_search_works_from_a_lesson_in_a_subfolder(driver, site):
    driver.get((site / "iko" / "steps.html").as_uri())
    box = driver.find_element(By.ID, "kenshu-search")
    links = search(driver, box, "ISMAP")
    assert page_of(driver, site, links[0]) == "gov-cloud/providers.html"


def test_no_axe_violations_with_results_open(driver, site):
    from selenium_axe_python import Axe
    box = open_home(driver, site)
    assert search(driver, box, "ガバメントクラウド")
    assert driver.find_element(By.ID, "kenshu-search-results").is_displayed()
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    assert not violations, "; ".join(f"{v['id']}: {v['help']}" for v in violations)


def test_results_are_walked_with_the_arrows_and_left_with_escape_or_tab(driver, site):
    """Down went only from the box to the first result; Escape in a result and tabbing past the last left the
    results open over the page."""
    box = open_home(driver, site)
    links = search(driver, box, "標準化")
    assert len(links) >= 3
    box.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == links[0]
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == links[1]
    driver.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == links[2]
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element == links[0]
    driver.switch_to.active_element.send_keys(Keys.ARROW_UP)
    assert driver.switch_to.active_element == box
    box.send_keys(Keys.ARROW_DOWN)
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    panel = driver.find_element(By.ID, "kenshu-search-results")
    assert not panel.is_displayed() and driver.switch_to.active_element == box

    # Another query: the box's last search is still "標準化", which the helper would take as already shown.
    links = search(driver, box, "標準仕様書")
    driver.execute_script("arguments[0].focus()", links[-1])
    ActionChains(driver).send_keys(Keys.TAB).perform()
    assert not panel.is_displayed(), "tabbing out of the results closes them"


def test_enter_in_an_emptied_box_opens_nothing(driver, site):
    """Emptied after a search, Enter opened the last query's first result."""
    box = open_home(driver, site)
    search(driver, box, "標準化")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    WebDriverWait(driver, 5).until(lambda d: not d.find_element(By.ID, "kenshu-search-results").is_displayed())
    box.send_keys(Keys.ENTER)
    time.sleep(0.5)
    assert driver.current_url.endswith("/index.html"), driver.current_url
