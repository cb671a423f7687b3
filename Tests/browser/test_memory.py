"""Memory stays bounded in the preview: `charter serve` builds a generated 10,000-page site (bench/gen_corpus.py), then
builds it all again after site.yml changes; its resident memory after the second build is at most 10% above what it
was after the first. The figures are written to test-artifacts/memory.txt."""
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
CHARTER = Path(os.environ.get("CHARTER_BIN", REPOSITORY / ".build/release/charter"))
PAGES = int(os.environ.get("CHARTER_SOAK_PAGES", "10000"))
ARTIFACTS = Path(os.environ.get("CHARTER_ARTIFACTS", REPOSITORY / "test-artifacts"))


def memory_kib(pid):
    """(resident, peak resident) of a process in KiB, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


class Lines:
    """The lines a process prints, read on a thread so that a test can wait for one."""

    def __init__(self, stream):
        self.lines, self.condition = [], threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            with self.condition:
                self.lines.append(line.rstrip("\n"))
                self.condition.notify_all()

    def wait_for(self, pattern, after=0, timeout=600):
        deadline = time.time() + timeout
        with self.condition:
            while True:
                for index in range(after, len(self.lines)):
                    if re.search(pattern, self.lines[index]):
                        return index
                remaining = deadline - time.time()
                assert remaining > 0, f"no line matching {pattern!r}; the server printed:\n" + "\n".join(self.lines[-20:])
                self.condition.wait(remaining)


@pytest.fixture(scope="module")
def corpus():
    holder = Path(tempfile.mkdtemp(prefix="charter-soak-"))
    subprocess.run([sys.executable, str(REPOSITORY / "bench" / "gen_corpus.py"), str(PAGES), str(holder / "corpus")],
                   check=True, capture_output=True)
    yield holder
    subprocess.run(["rm", "-rf", str(holder)])


def test_building_a_ten_thousand_page_site_twice_in_one_serve_process_grows_memory_by_at_most_ten_percent(corpus):
    content = corpus / "corpus" / "charter" / "content"
    process = subprocess.Popen(
        [str(CHARTER), "serve", "--port", "0", "--content", str(content), "--templates", str(REPOSITORY / "templates"),
         "--output", str(corpus / "site")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        lines = Lines(process.stdout)
        first = lines.wait_for(r"^Built \d+ files")
        time.sleep(1)  # let the server settle after writing
        after_first, peak_first = memory_kib(process.pid)

        config = content / "site.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("Et genereret korpus", "Et nyt genereret korpus"),
                          encoding="utf-8")
        lines.wait_for(r"^Rebuilt all \d+ files .*site\.yml changed", after=first + 1)
        time.sleep(1)
        after_second, peak_second = memory_kib(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)

    growth = after_second / after_first - 1
    report = (f"charter serve on {PAGES} generated pages: resident {after_first / 1024:.0f} MiB after the first build, "
              f"{after_second / 1024:.0f} MiB after the second ({growth:+.1%}); peak {peak_first / 1024:.0f} MiB, "
              f"then {peak_second / 1024:.0f} MiB\n")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "memory.txt").write_text(report)
    print(report)
    assert growth <= 0.10, report
