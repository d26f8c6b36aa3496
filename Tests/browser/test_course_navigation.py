"""The built course, opened from disk: navigation works and nothing is fetched from another host."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium_axe_python import Axe


def open_page(driver, site, path):
    driver.get((site / path).as_uri())
    assert driver.find_element(By.TAG_NAME, "h1").text, f"{path} has no heading"


def current_nav_link(driver):
    return driver.find_element(By.CSS_SELECTOR, '#site-nav a[aria-current="page"]')


def test_home_lists_modules_and_opens_one(driver, site):
    open_page(driver, site, "index.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja"
    cards = driver.find_elements(By.CSS_SELECTOR, ".module-card a")
    assert len(cards) >= 2
    title = driver.find_element(By.CSS_SELECTOR, ".module-card h3 a").text
    cards[0].click()
    assert driver.current_url.endswith("/day-one/index.html")
    assert current_nav_link(driver).text.split("\n")[0] in title


def test_pager_walks_across_module_boundaries(driver, site):
    open_page(driver, site, "hyojunka/index.html")
    seen = []
    for _ in range(80):
        seen.append(driver.find_element(By.TAG_NAME, "h1").text)
        nav = current_nav_link(driver)
        assert nav.text.split("\n")[0] == seen[-1], "the sidebar marks the page being read"
        nexts = driver.find_elements(By.CSS_SELECTOR, "a.pager-next")
        if not nexts:
            break
        nexts[0].click()
    assert "ガバメントクラウド" in seen, "next leads from the first module into the second"
    assert len(seen) == len(set(seen))
    assert not driver.find_elements(By.CSS_SELECTOR, "a.pager-next"), "the walk reached the last page"
    prev = driver.find_element(By.CSS_SELECTOR, "a.pager-prev")
    prev.click()
    assert driver.find_element(By.TAG_NAME, "h1").text == seen[-2]


def test_breadcrumbs_lead_back_up(driver, site):
    open_page(driver, site, "gov-cloud/providers.html")
    crumbs = driver.find_elements(By.CSS_SELECTOR, ".breadcrumbs a")
    assert [c.text for c in crumbs] == ["ホーム", "ガバメントクラウド"]
    assert driver.find_element(By.CSS_SELECTOR, '.breadcrumbs [aria-current="page"]').text == "採択されたクラウドサービスとISMAP"
    crumbs[1].click()
    assert driver.current_url.endswith("/gov-cloud/index.html")


def test_links_to_other_lessons_and_headings_arrive(driver, site):
    open_page(driver, site, "gov-cloud/what-is-gov-cloud.html")
    link = driver.find_element(By.LINK_TEXT, "標準化法と基本方針")
    link.click()
    assert driver.current_url.endswith("/hyojunka/law-and-policy.html#%E7%BE%A9%E5%8B%99%E3%81%A8%E5%8A%AA%E5%8A%9B%E7%BE%A9%E5%8B%99")
    assert driver.execute_script("return document.getElementById(decodeURIComponent(location.hash.slice(1))) !== null")


def test_every_resource_is_local(driver, site):
    for path in ["index.html", "hyojunka/deadline.html", "gov-cloud/usage-models.html"]:
        open_page(driver, site, path)
        urls = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")
        assert urls, path
        assert all(u.startswith("file://") for u in urls), urls
        images = driver.execute_script("return [...document.images].map(i => i.complete && i.naturalWidth > 0)")
        assert all(images), f"{path}: an image did not load"


def test_keyboard_skip_link_moves_focus_to_main(driver, site):
    open_page(driver, site, "hyojunka/twenty-services.html")
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    active.send_keys(Keys.ENTER)
    assert driver.execute_script("return location.hash") == "#main"


def test_narrow_screen_menu_toggles_contents(narrow_driver, site):
    narrow_driver.get((site / "hyojunka/deadline.html").as_uri())
    toggle = narrow_driver.find_element(By.CSS_SELECTOR, ".nav-toggle")
    nav = narrow_driver.find_element(By.ID, "site-nav")
    assert toggle.is_displayed() and not nav.is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and nav.is_displayed()
    width = narrow_driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways at 360 px ({width})"


def test_axe_finds_no_violations(driver, site):
    for path in ["index.html", "hyojunka/index.html", "hyojunka/twenty-services.html", "hyojunka/deadline.html",
                 "hiyo/subsidy-and-fund.html", "kyoso/kyoso-pf.html"]:
        open_page(driver, site, path)
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
        assert not violations, f"{path}: " + "; ".join(f"{v['id']}: {v['help']}" for v in violations)


def test_large_course_sidebar_lists_every_module_from_toc_js(driver, tmp_path):
    """Above 30 modules pages carry only their own module; the shared toc.js fills in the rest."""
    import subprocess
    from conftest import KENSHU, REPO
    content = tmp_path / "Content"
    for n in range(1, 32):
        folder = content / f"{n:02d}-m{n}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(f"---\ntitle: モジュール{n}\n---\n", encoding="utf-8")
        (folder / "01-l.md").write_text(f"---\ntitle: レッスン{n}\n---\n本文\n", encoding="utf-8")
    out = tmp_path / "site"
    run = subprocess.run([KENSHU, "build", "--content", str(content), "--output", str(out)], cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    driver.get((out / "m5" / "l.html").as_uri())
    modules = driver.find_elements(By.CSS_SELECTOR, "#site-nav .nav-module > a")
    assert len(modules) == 31
    assert [m.text for m in modules][:3] == ["モジュール1", "モジュール2", "モジュール3"]
    modules[19].click()
    assert driver.current_url.endswith("/m20/index.html")
    assert current_nav_link(driver).text.split("\n")[0] == "モジュール20"
