"""`kenshu export --format zip` and `--format source` as the receiving municipality uses them: the site
unzipped and opened from disk (where scorm.js must stay inert), and the source unzipped and built."""
import hashlib
import json
import subprocess
import zipfile

from selenium.webdriver.common.by import By

from conftest import KENSHU, REPO


def export(fmt, out):
    run = subprocess.run([KENSHU, "export", "--format", fmt, "--content", str(REPO / "Content"), "--output", str(out)],
                         cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


def test_site_zip_works_from_disk(driver, tmp_path):
    package = export("zip", tmp_path / "site.zip")
    site = tmp_path / "unzipped"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(site)
    assert "CC BY 4.0" in (site / "LICENSE.txt").read_text(encoding="utf-8")
    driver.get_log("browser")  # the shared browser's earlier messages
    driver.get((site / "index.html").as_uri())
    driver.execute_script("localStorage.clear()")
    driver.get((site / "hyojunka" / "law-and-policy.html").as_uri())
    licence = driver.find_element(By.CSS_SELECTOR, ".site-licence a")
    assert licence.text == "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"
    assert licence.get_attribute("href") == "https://creativecommons.org/licenses/by/4.0/deed.ja"
    # Without an LMS, progress is kept in localStorage as before, and nothing throws.
    keys = [k for k in driver.execute_script("return Object.keys(localStorage)") if k.endswith(":progress")]
    assert keys == ["kenshu:site-ed2f9e95:progress"]
    assert "hyojunka/law-and-policy.html" in json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", keys[0]))["pages"]
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and str(site) in e["message"]]
    assert errors == []


def test_source_zip_builds_elsewhere(tmp_path):
    package = export("source", tmp_path / "source.zip")
    copy = tmp_path / "copy"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(copy)
    manifest = json.loads((copy / "kenshu-source.json").read_text(encoding="utf-8"))
    assert manifest["id"] == "site-ed2f9e95"
    for entry in manifest["files"]:
        assert hashlib.sha256((copy / entry["path"]).read_bytes()).hexdigest() == entry["sha256"], entry["path"]
    assert {e["path"] for e in manifest["files"]} == {
        str(p.relative_to(REPO)) for p in (REPO / "Content").rglob("*") if p.is_file() and not p.name.startswith(".")}
    run = subprocess.run([KENSHU, "build", "--content", str(copy / "Content"), "--output", str(tmp_path / "out")],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / "index.html").exists()
