"""Shared fixtures: the bundled course built once into a temporary folder, and one headless Chromium.

The site is opened straight from disk (file://), as staff open it from a file share.
Chromium and chromedriver come from Debian; explicit paths keep Selenium from going online.
"""
import os
import pathlib
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
KENSHU = os.environ.get("KENSHU_BIN", str(REPO / ".build" / "debug" / "kenshu"))


@pytest.fixture(scope="session")
def site():
    """Builds Content/ into a fresh folder and returns that folder."""
    out = pathlib.Path(tempfile.mkdtemp(prefix="kenshu-browser-")) / "site"
    run = subprocess.run(
        [KENSHU, "build", "--content", str(REPO / "Content"), "--output", str(out)],
        cwd=REPO, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


def start_serve(content, *extra):
    """Starts `kenshu serve` on a free port for `content`; returns the process and its base URL."""
    process = subprocess.Popen([KENSHU, "serve", "--content", str(content), "--port", "0", "--lang", "en", *extra], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert "serving at http://127.0.0.1:" in line, line + process.stderr.read()
    return process, line.split("serving at ")[1].split(" ")[0].rstrip("/")


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}"):
        options.add_argument(arg)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    d.quit()


@pytest.fixture
def narrow_driver():
    """A phone-sized viewport. Chromium will not make a window narrower than about 500 px,
    so the 360 px viewport is emulated through the DevTools protocol."""
    d = make_driver(800, 740)
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    yield d
    d.quit()
