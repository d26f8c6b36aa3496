"""`kenshu serve` on a course built on another (`base:`): the real binary, real HTTP and WebSocket.

The base is a copy of a small course in its own folder; edits in either layer must reach the browser.
"""
import subprocess

import pytest
import websocket

from conftest import KENSHU, REPO
from test_serve import PAGE, get


@pytest.fixture
def layers(tmp_path):
    base = tmp_path / "their-town" / "Content"
    (base / "01-intro").mkdir(parents=True)
    (base / "site.yml").write_text("id: their-town\ntitle: 隣の町の研修\norganisation: 隣町\nlicence: CC-BY-4.0\nvars:\n  自治体名: 隣町\n", encoding="utf-8")
    (base / "index.md").write_text(PAGE.format(title="ようこそ", body="[はじめに](01-intro/index.md)"), encoding="utf-8")
    (base / "01-intro" / "index.md").write_text(PAGE.format(title="はじめに", body="概要"), encoding="utf-8")
    (base / "01-intro" / "01-welcome.md").write_text(PAGE.format(title="最初のレッスン", body="{{自治体名}}の本文です。"), encoding="utf-8")
    (base / "01-intro" / "02-rules.md").write_text(PAGE.format(title="決まり", body="基の決まりです。"), encoding="utf-8")
    own = tmp_path / "our-town" / "Content"
    (own / "01-intro").mkdir(parents=True)
    (own / "site.yml").write_text("id: our-town\nbase: ../../their-town/Content\nvars:\n  自治体名: 架空町\n", encoding="utf-8")
    (own / "01-intro" / "02-rules.md").write_text(PAGE.format(title="決まり", body="町の決まりです。"), encoding="utf-8")
    return base, own


@pytest.fixture
def server(layers):
    _, own = layers
    process = subprocess.Popen([KENSHU, "serve", "--content", str(own), "--port", "0", "--lang", "en"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert "serving at http://127.0.0.1:" in line, line + process.stderr.read()
    base = line.split("serving at ")[1].split(" ")[0].rstrip("/")
    yield base
    process.terminate()
    assert process.wait(timeout=10) == 0


def test_overlay_previews_and_reloads_on_edits_in_either_layer(server, layers):
    base, own = layers
    status, _, page = get(server + "/intro/welcome.html")
    assert status == 200 and "架空町の本文です。" in page, "the base's page, with the overlay's variables"
    assert "この教材は次の教材を改変して作成しました" in page or "adapted from" in page
    status, _, page = get(server + "/intro/rules.html")
    assert "町の決まりです。" in page and "基の決まりです。" not in page

    # An edit in the base's folder reaches the browser.
    ws = websocket.create_connection(server.replace("http://", "ws://") + "/__kenshu/live", timeout=10)
    (base / "01-intro" / "01-welcome.md").write_text(PAGE.format(title="最初のレッスン", body="{{自治体名}}の新しい本文です。"), encoding="utf-8")
    assert ws.recv() == "reload"
    ws.close()
    assert "架空町の新しい本文です。" in get(server + "/intro/welcome.html")[2]

    # An edit in the overlay's own folder too; and a variable changed in its site.yml.
    ws = websocket.create_connection(server.replace("http://", "ws://") + "/__kenshu/live", timeout=10)
    (own / "site.yml").write_text("id: our-town\nbase: ../../their-town/Content\nvars:\n  自治体名: 架空村\n", encoding="utf-8")
    assert ws.recv() == "reload"
    ws.close()
    assert "架空村の新しい本文です。" in get(server + "/intro/welcome.html")[2]

    # Removing the overlay's page brings the base's back.
    ws = websocket.create_connection(server.replace("http://", "ws://") + "/__kenshu/live", timeout=10)
    (own / "01-intro" / "02-rules.md").unlink()
    assert ws.recv() == "reload"
    ws.close()
    assert "基の決まりです。" in get(server + "/intro/rules.html")[2]
