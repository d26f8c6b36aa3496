"""`kenshu serve` end to end: the real binary on a free port, a temporary course, real HTTP and WebSocket."""
import http.client
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
import websocket

from conftest import KENSHU, REPO

PAGE = "---\ntitle: {title}\n---\n\n## 目的\n\n{body}\n"


@pytest.fixture
def course(tmp_path):
    content = tmp_path / "Content"
    (content / "01-intro" / "images").mkdir(parents=True)
    (content / "site.yml").write_text("title: プレビュー研修\n", encoding="utf-8")
    (content / "index.md").write_text(PAGE.format(title="ようこそ", body="[はじめに](01-intro/index.md)"), encoding="utf-8")
    (content / "01-intro" / "index.md").write_text(PAGE.format(title="はじめに", body="概要"), encoding="utf-8")
    (content / "01-intro" / "01-welcome.md").write_text(PAGE.format(title="最初のレッスン", body="元の本文です。"), encoding="utf-8")
    (content / "01-intro" / "images" / "図.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    return content


@pytest.fixture
def server(course):
    process = subprocess.Popen([KENSHU, "serve", "--content", str(course), "--port", "0"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert "serving at http://127.0.0.1:" in line, line + process.stderr.read()
    base = line.split("serving at ")[1].split(" ")[0].rstrip("/")
    yield base
    process.terminate()
    assert process.wait(timeout=10) == 0
    assert "stopped" in process.stderr.read()


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def raw_status(base, path, method="GET"):
    """Sends `path` exactly as written, as an attacker's client would."""
    host, port = base.replace("http://", "").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.putrequest(method, path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def wait_for_reload(base):
    ws = websocket.create_connection(base.replace("http://", "ws://") + "/__kenshu/live", timeout=10)
    return ws


def test_edit_reaches_the_browser(server, course):
    status, headers, page = get(server + "/intro/welcome.html")
    assert status == 200 and "元の本文です。" in page
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "/__kenshu/live" in page, "the reload script is injected into served pages"
    ws = wait_for_reload(server)
    (course / "01-intro" / "01-welcome.md").write_text(PAGE.format(title="最初のレッスン", body="書き換えた本文です。"), encoding="utf-8")
    assert ws.recv() == "reload"
    ws.close()
    status, _, page = get(server + "/intro/welcome.html")
    assert "書き換えた本文です。" in page and "元の本文です。" not in page


def test_new_lesson_appears_in_navigation(server, course):
    ws = wait_for_reload(server)
    (course / "01-intro" / "02-next.md").write_text(PAGE.format(title="追加したレッスン", body="新しい"), encoding="utf-8")
    assert ws.recv() == "reload"
    status, _, page = get(server + "/intro/welcome.html")
    assert "追加したレッスン" in page and 'href="next.html"' in page


def test_folders_types_and_methods(server):
    assert get(server + "/")[0] == 200
    assert get(server + "/intro/")[0] == 200
    status, headers, _ = get(server + "/intro/images/%E5%9B%B3.svg")
    assert status == 200 and headers["Content-Type"] == "image/svg+xml"
    assert get(server + "/assets/kenshu.js")[1]["Content-Type"] == "text/javascript; charset=utf-8"
    assert get(server + "/nothing-here.html")[0] == 404
    assert raw_status(server, "/intro/welcome.html", "HEAD")[0] == 200
    assert raw_status(server, "/intro/welcome.html", "POST")[0] == 405


@pytest.mark.parametrize("path", [
    "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc/passwd",
    "/%2E%2E%5C%2E%2E%5Cetc%5Cpasswd", "/..\\..\\etc\\passwd", "//etc/passwd", "/intro/../../etc/passwd",
    "/outside/passwd", "/%00/etc/passwd",
])
def test_paths_outside_the_site_are_refused(server, course, path):
    (course / "outside").symlink_to("/etc", target_is_directory=True)
    status, body = raw_status(server, path)
    assert status in (400, 404), (path, status)
    assert "root:" not in body


def test_build_error_shows_in_the_browser_and_recovers(server, course):
    ws = wait_for_reload(server)
    lesson = course / "01-intro" / "01-welcome.md"
    lesson.write_text(PAGE.format(title="最初のレッスン", body="[壊れたリンク](missing.md)"), encoding="utf-8")
    assert ws.recv() == "reload"
    status, _, page = get(server + "/intro/welcome.html")
    assert status == 500
    assert "01-intro/01-welcome.md:7:1" in page and "missing.md" in page
    assert "/__kenshu/live" in page, "the error page reloads itself when the problem is fixed"
    lesson.write_text(PAGE.format(title="最初のレッスン", body="直しました。"), encoding="utf-8")
    assert ws.recv() == "reload"
    status, _, page = get(server + "/intro/welcome.html")
    assert status == 200 and "直しました。" in page
    ws.close()


def test_port_in_use_gives_a_clear_message(server, course):
    port = server.rsplit(":", 1)[1]
    run = subprocess.run([KENSHU, "serve", "--content", str(course), "--port", port], cwd=REPO,
                         capture_output=True, text=True, timeout=30)
    assert run.returncode == 2
    assert f"port {port} is already in use" in run.stderr and "--port" in run.stderr


def test_output_folder_is_never_written(server, course):
    assert not (course.parent / "Output").exists()
