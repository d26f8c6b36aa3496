#!/usr/bin/env python3
"""Edit-to-reload time of `kenshu serve` on a large course.

  bench/serve_reload.py KENSHU_BINARY CONTENT_DIR [EDITS]

Starts the preview server on a free port, opens the live-reload WebSocket, then appends a line to
one lesson EDITS times (default 20), timing each from the write to the arrival of the reload event.
The lesson is restored afterwards. SERVE_LOG=FILE keeps the server's messages (KENSHU_TRACE=1 adds
the time of each part of each rebuild). Needs `websocket-client` (Tests/browser/requirements.txt).
"""
import os
import pathlib
import statistics
import subprocess
import sys
import time

import websocket


def main():
    binary, content = sys.argv[1], pathlib.Path(sys.argv[2])
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    lessons = sorted(content.glob("*/*-lesson*.md"))
    lesson = lessons[len(lessons) // 2]
    original = lesson.read_text(encoding="utf-8")
    started = time.monotonic()
    # SERVE_LOG=FILE keeps the server's messages (with KENSHU_TRACE=1, its timings of each rebuild).
    log = open(os.environ["SERVE_LOG"], "w") if os.environ.get("SERVE_LOG") else subprocess.DEVNULL
    server = subprocess.Popen([binary, "serve", "--content", str(content), "--port", "0", "--lang", "en"],
                              stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        line = server.stdout.readline()
        base = line.split("serving at ")[1].split(" ")[0].rstrip("/")
        print(f"{len(lessons)} lessons; first build and server start: {time.monotonic() - started:.2f} s")
        ws = websocket.create_connection(base.replace("http://", "ws://") + "/__kenshu/live", timeout=30)
        times = []
        for n in range(edits):
            time.sleep(0.3)
            before = time.monotonic()
            lesson.write_text(original + f"\n追記 {n}。\n", encoding="utf-8")
            assert ws.recv() == "reload"
            times.append((time.monotonic() - before) * 1000)
        ws.close()
        print(f"edit → reload event, {edits} edits of {lesson.relative_to(content)}: "
              f"median {statistics.median(times):.1f} ms, min {min(times):.1f} ms, max {max(times):.1f} ms")
    finally:
        lesson.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
