"""The preview server under load: 200 concurrent connections from wrk for 30 seconds on loopback while a page is
edited and the site rebuilt again and again — zero socket errors, zero non-2xx/3xx answers, and never a half-written
page (every response of the edited page, fetched in parallel, is a whole HTML document)."""
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
CHARTER = Path(os.environ.get("CHARTER_BIN", REPOSITORY / ".build/release/charter"))
SECONDS = int(os.environ.get("CHARTER_LOAD_SECONDS", "30"))


@pytest.fixture
def preview():
    """`charter serve --port 0` on a copy of the default content; yields (base URL, content folder, process)."""
    holder = Path(tempfile.mkdtemp(prefix="charter-load-"))
    content = holder / "content"
    shutil.copytree(REPOSITORY / "content", content)
    process = subprocess.Popen(
        [str(CHARTER), "serve", "--port", "0", "--content", str(content), "--templates", str(REPOSITORY / "templates"),
         "--output", str(holder / "site")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.time() + 120
    while time.time() < deadline and url is None:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line or "")
        if match:
            url = match.group(1)
        elif process.poll() is not None:
            break
    assert url, "charter serve did not print its address"
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()  # keep its pipe drained
    yield url, content, process
    process.terminate()
    process.wait(timeout=20)
    shutil.rmtree(holder, ignore_errors=True)


def test_two_hundred_connections_for_thirty_seconds_while_editing_get_no_errors_and_no_half_pages(preview):
    url, content, process = preview
    page = content / "organer" / "integrationsforum.md"
    original = page.read_text(encoding="utf-8")
    stop = threading.Event()
    edits = 0
    fetched = []
    broken = []

    def edit():
        nonlocal edits
        while not stop.is_set():
            edits += 1
            page.write_text(original + f"\nRedigering nummer {edits} under belastning.\n", encoding="utf-8")
            time.sleep(0.4)

    def fetch():
        while not stop.is_set():
            with urllib.request.urlopen(url + "integrationsforum/index.html", timeout=10) as response:
                body = response.read().decode("utf-8")
            fetched.append(1)
            if not body.rstrip().endswith("</html>") or "<!DOCTYPE html>" not in body[:200]:
                broken.append(body[-200:])
            time.sleep(0.05)

    workers = [threading.Thread(target=edit), threading.Thread(target=fetch)]
    for worker in workers:
        worker.start()
    try:
        result = subprocess.run(["wrk", "-t2", "-c200", f"-d{SECONDS}s", "--timeout", "10s", url + "integrationsforum/index.html"],
                                capture_output=True, text=True, timeout=SECONDS + 60)
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=20)
        page.write_text(original, encoding="utf-8")
    report = result.stdout
    print(report)
    assert result.returncode == 0, result.stderr
    requests = int(re.search(r"(\d+) requests in", report).group(1))
    assert requests > 1000, report
    assert "Socket errors" not in report, report
    assert "Non-2xx or 3xx responses" not in report, report
    assert edits >= SECONDS, "the page was edited all along"
    assert len(fetched) > 10 and not broken, f"{len(broken)} half-written pages among {len(fetched)}"
    assert process.poll() is None, "the server is still running"
