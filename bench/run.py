#!/usr/bin/env python3
"""Charter's benchmark (issue 7): Charter against Hugo and against the cmark floor, on generated governance corpora.

    python3 bench/run.py [--charter .build/release/charter]      (or: make bench)

For each corpus size: generates the corpus (bench/gen_corpus.py, fixed seed) under BENCH_DIR, checks that Charter
builds it with exit code 0 and no errors and that Hugo renders every page, then builds it with Charter and Hugo
alternately, RUNS times each (after one untimed build each), and times cmark alone on the same Markdown. Prints a
table (median wall time, pages per second, peak RSS from /usr/bin/time) and PASS/MISS for the issue's targets.
A benchmark, not a test: it never fails on a target, only when a build fails.

Environment (all optional):
  BENCH_SIZES        corpus sizes in pages, comma-separated            (default 1000,10000)
  BENCH_RUNS         timed runs per tool, one number or one per size   (default 5,3)
  BENCH_DEFAULT_RUNS timed runs of the default site                    (default 5)
  BENCH_EDITS        saves timed in `charter serve` on the 1,000-page corpus (default 9; 0 skips)
  BENCH_DIR          where corpora and outputs go                      (default .build-bench)
  BENCH_SEED         the generator's seed                              (default 7)
  BENCH_HUGO         the hugo command                                  (default hugo)
  BENCH_OUTPUTS      aside: the previous output is moved aside before each build and removed after the run;
                     delete: removed right before each build (untimed, but the file system's work shows in the next
                     build)                                            (default aside)
  BENCH_CHARTER_ARGS extra arguments for `charter build`                (default --no-search: the Hugo site has no
                     search index either; Pagefind on 10,000 pages takes longer than the build)
Quick run: BENCH_SIZES=1000 BENCH_RUNS=1 make bench
"""

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Issue 19's targets: time against Hugo on 10,000 and on 1,000 pages, the cmark floor and peak memory on 10,000, the
# default site, and a save in the preview seen by the browser (a free page; a body with terms).
TARGETS = {"hugo_ratio": 0.30, "floor_ratio": 5.0, "rss_mib": 300, "default_seconds": 0.3, "incremental_ms": 30,
           "incremental_body_ms": 50}


def env_list(name, default):
    return [x.strip() for x in os.environ.get(name, default).split(",") if x.strip()]


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def die(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS in KiB, completed process)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as rss:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd, cwd=cwd, capture_output=True, text=True)
        wall = time.perf_counter() - start
        lines = [l for l in rss.read().split("\n") if l.strip()]
    kib = int(lines[-1]) if lines and lines[-1].strip().isdigit() else 0
    return wall, kib, proc


def fs_type(path):
    out = sh(["findmnt", "-n", "-o", "FSTYPE", "-T", path]).stdout.strip() if shutil.which("findmnt") else ""
    return out or sh(["stat", "-f", "-c", "%T", path]).stdout.strip() or "unknown"


def load():
    return os.getloadavg()[0]


def corpus_stamp(size, seed):
    digest = hashlib.sha256()
    for folder, _, files in sorted(os.walk(os.path.join(HERE, "hugo"))):
        for name in sorted(files):
            with open(os.path.join(folder, name), "rb") as f:
                digest.update(name.encode() + f.read())
    for path in (os.path.join(HERE, "gen_corpus.py"), os.path.join(ROOT, "templates", "assets", "style.css")):
        if os.path.exists(path):
            with open(path, "rb") as f:
                digest.update(f.read())
    return f"{size} {seed} {digest.hexdigest()}"


def generate(size, seed, bench_dir):
    out = os.path.join(bench_dir, f"corpus-{size}")
    stamp_path = os.path.join(out, "stamp")
    stamp = corpus_stamp(size, seed)
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return out
    print(f"generating the {size}-page corpus …", flush=True)
    proc = sh([sys.executable, os.path.join(HERE, "gen_corpus.py"), str(size), out, "--seed", str(seed)])
    if proc.returncode != 0:
        die(f"gen_corpus.py failed:\n{proc.stderr}")
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return out


def page_ids(content):
    """Ids of the corpus's pages (file names; the home page is 'index')."""
    ids = []
    for folder, _, files in os.walk(content):
        ids += [name[:-3] for name in files if name.endswith(".md")]
    return ids


class Tools:
    def __init__(self, charter, templates, hugo, floor, bench_dir):
        self.charter, self.templates, self.hugo, self.floor, self.bench_dir = charter, templates, hugo, floor, bench_dir

    def out(self, name):
        return os.path.join(self.bench_dir, "out", name)

    def charter_cmd(self, content, out, cold=False):
        """`charter build`, with its chart cache in the bench folder (warm: the drawings of the previous build of the
        same corpus are reused, as they are between a user's builds) or without it (cold)."""
        cache = ["--no-cache"] if cold else ["--cache-dir", os.path.join(self.bench_dir, "chart-cache")]
        return ([self.charter, "build", "--quiet", "--content", content, "--templates", self.templates, "--output", out]
                + cache + os.environ.get("BENCH_CHARTER_ARGS", "--no-search").split())

    def hugo_cmd(self, site, out):
        return [self.hugo, "--quiet", "--source", site, "--destination", out]

    def trash(self):
        return os.path.join(self.bench_dir, "trash")

    def clear(self, out):
        """Makes way for a build into `out`. By default the previous output is moved aside, into the trash that is
        emptied after the run: deleting 10,000 folders right before a build makes the file system skip the freed
        inodes one by one while the build creates its own (ext4 here), which adds seconds to whichever tool runs next.
        BENCH_OUTPUTS=delete removes it right before the build instead."""
        if not os.path.lexists(out):
            return
        if os.environ.get("BENCH_OUTPUTS", "aside") == "delete":
            shutil.rmtree(out, ignore_errors=True)
        else:
            os.makedirs(self.trash(), exist_ok=True)
            os.rename(out, os.path.join(self.trash(), f"{os.path.basename(out)}-{time.monotonic_ns()}"))

    def empty_trash(self):
        shutil.rmtree(self.trash(), ignore_errors=True)

    def run(self, tool, corpus, size):
        """One build into an empty output folder (making way for it is not timed); tool "charter-cold" is Charter
        without its chart cache."""
        out = self.out(f"{tool.split('-')[0]}-{size}")
        self.clear(out)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if tool.startswith("charter"):
            cmd = self.charter_cmd(os.path.join(corpus, "charter", "content"), out, cold=tool == "charter-cold")
        else:
            cmd = self.hugo_cmd(os.path.join(corpus, "hugo"), out)
        wall, kib, proc = timed(cmd)
        if proc.returncode != 0:
            die(f"{tool} failed on the {size}-page corpus (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
        return wall, kib, proc


def check(tools, corpus, size):
    """Untimed first builds (also the warm-up): Charter without errors, every page rendered by both tools."""
    _, _, proc = tools.run("charter", corpus, size)
    errors = [l for l in proc.stderr.splitlines() if ": error:" in l]
    warnings = [l for l in proc.stderr.splitlines() if ": warning:" in l]
    if errors:
        die(f"Charter reports {len(errors)} errors on the generated {size}-page corpus (fix bench/gen_corpus.py):\n"
            + "\n".join(errors[:20]))
    if warnings:
        print(f"note: Charter reports {len(warnings)} warnings on the {size}-page corpus, e.g. {warnings[0]}")
    tools.run("hugo", corpus, size)
    ids = page_ids(os.path.join(corpus, "charter", "content"))
    for tool in ("charter", "hugo"):
        out = tools.out(f"{tool}-{size}")
        missing = [i for i in ids if not os.path.exists(os.path.join(out, "index.html" if i == "index" else f"{i}/index.html"))]
        if missing:
            die(f"{tool} did not render {len(missing)} of the {size} pages, e.g. {missing[:5]}")
    return len(ids), len(warnings)


def incremental(charter, templates, corpus, bench_dir, edits, folder):
    """A save in `charter serve` on a copy of the corpus: the text of the first page in `folder` is saved `edits`
    times. Returns the median milliseconds from the save (just before the file is opened for writing) to the reload
    event the browser gets (`event: build` on /_charter/events, read by a client on loopback), and the preview's own
    figures (from the change it sees to the site written), each save's."""
    import re
    import socket
    import threading
    work = os.path.join(bench_dir, "incremental")
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(corpus, "charter", "content"), os.path.join(work, "content"))
    process = subprocess.Popen([charter, "serve", "--port", "0", "--content", os.path.join(work, "content"),
                                "--templates", templates, "--output", os.path.join(work, "site")],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines, events, ready = [], [], threading.Condition()

    def read():
        for line in process.stdout:
            with ready:
                lines.append(line)
                ready.notify_all()
    threading.Thread(target=read, daemon=True).start()

    def listen(port):
        """The browser's side: the reload events, each with the time it arrived."""
        connection = socket.create_connection(("127.0.0.1", port))
        connection.sendall(b"GET /_charter/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        buffer = b""
        while True:
            chunk = connection.recv(4096)
            if not chunk:
                return
            buffer += chunk
            while b"event: build" in buffer:
                at = time.monotonic()
                buffer = buffer.split(b"event: build", 1)[1]
                with ready:
                    events.append(at)
                    ready.notify_all()

    def wait_until(found, what):
        deadline = time.time() + 300
        with ready:
            while True:
                value = found()
                if value is not None:
                    return value
                if time.time() > deadline or process.poll() is not None:
                    die(f"charter serve: no {what}:\n{''.join(lines[-10:])}")
                ready.wait(1)

    def line_after(pattern, after):
        return wait_until(lambda: next((m for m in (re.search(pattern, l) for l in lines[after:]) if m), None), pattern)
    try:
        port = int(line_after(r"^Serving http://127\.0\.0\.1:(\d+)/", 0).group(1))
        threading.Thread(target=listen, args=(port,), daemon=True).start()
        wait_until(lambda: True if events else None, "first reload event")  # the hub greets each client
        folder = os.path.join(work, "content", folder)
        page = os.path.join(folder, sorted(os.listdir(folder))[0])
        text = open(page, encoding="utf-8").read()
        seen, own = [], []
        for edit in range(edits):
            time.sleep(1.0)  # let the watcher settle, so each save is its own rebuild
            with ready:
                start, before = len(lines), len(events)
            saved = time.monotonic()
            with open(page, "w", encoding="utf-8") as f:
                f.write(text + f"\nEn ændret linje, nummer {edit}.\n")
            arrived = wait_until(lambda: events[before] if len(events) > before else None, "reload event")
            seen.append(round((arrived - saved) * 1000))
            own.append(int(line_after(r"^Rebuilt (\d+) file\(s\) in (\d+) ms", start).group(2)))
        return median(seen), seen, own
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def files_in(path):
    return sum(len(files) for _, _, files in os.walk(path))


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    parser = argparse.ArgumentParser(description="Charter's benchmark against Hugo and the cmark floor.")
    parser.add_argument("--charter", default=os.path.join(ROOT, ".build", "release", "charter"))
    args = parser.parse_args()

    sizes = [int(s) for s in env_list("BENCH_SIZES", "1000,10000")]
    runs = [int(r) for r in env_list("BENCH_RUNS", "5,3")]
    runs = (runs + [runs[-1]] * len(sizes))[:len(sizes)]
    default_runs = int(os.environ.get("BENCH_DEFAULT_RUNS", "5"))
    seed = int(os.environ.get("BENCH_SEED", "7"))
    bench_dir = os.path.abspath(os.environ.get("BENCH_DIR", os.path.join(ROOT, ".build-bench")))
    hugo = os.environ.get("BENCH_HUGO", "hugo")
    charter = os.path.abspath(args.charter)
    for tool in (charter, "/usr/bin/time", shutil.which(hugo) or hugo):
        if not os.path.exists(tool):
            die(f"missing {tool} (make bench installs hugo, time, libcmark-dev and libyaml-dev and builds Charter)")
    os.makedirs(bench_dir, exist_ok=True)

    # The cmark floor program.
    floor = os.path.join(bench_dir, "cmark_floor")
    source = os.path.join(HERE, "cmark_floor.c")
    if not os.path.exists(floor) or os.path.getmtime(floor) < os.path.getmtime(source):
        cc = shutil.which("cc") or shutil.which("clang") or die("no C compiler (cc or clang)")
        flags = sh(["pkg-config", "--cflags", "--libs", "libcmark"]).stdout.split() or ["-lcmark"]
        proc = sh([cc, "-O2", "-o", floor, source] + flags + ["-lpthread"])
        if proc.returncode != 0:
            die(f"cannot build cmark_floor:\n{proc.stderr}")

    tools = Tools(charter, os.path.join(ROOT, "templates"), hugo, floor, bench_dir)
    cores = os.cpu_count() or 1
    hugo_version = sh([hugo, "version"]).stdout.split(" BuildDate")[0].strip()
    commit = sh(["git", "-C", ROOT, "describe", "--always", "--dirty"]).stdout.strip()
    print(f"Charter bench: {cores} cores; outputs in {bench_dir} ({fs_type(bench_dir)}); "
          f"/tmp is {'tmpfs' if fs_type('/tmp') == 'tmpfs' else 'not tmpfs (' + fs_type('/tmp') + ')'}")
    extra = os.environ.get("BENCH_CHARTER_ARGS", "--no-search").strip()
    print(f"charter {charter}{' ' + extra if extra else ''} (tree {commit}); {hugo_version}; "
          f"load average {load():.2f} at start", flush=True)

    tools.empty_trash()  # what an earlier run left
    sh(["sync"])
    outputs = os.environ.get("BENCH_OUTPUTS", "aside")
    print("each build goes into an empty folder; the previous output is "
          + ("removed right before it (BENCH_OUTPUTS=delete)" if outputs == "delete" else "moved aside and removed after the run"),
          flush=True)
    rows, results = [], {"cores": cores, "fs": fs_type(bench_dir), "hugo": hugo_version, "commit": commit, "sizes": {},
                         "outputs": outputs}
    for size, n_runs in zip(sizes, runs):
        corpus = generate(size, seed, bench_dir)
        pages, warnings = check(tools, corpus, size)
        print(f"{size}-page corpus: {pages} pages; Charter writes {files_in(tools.out(f'charter-{size}'))} files, "
              f"Hugo {files_in(tools.out(f'hugo-{size}'))}; timing {n_runs} run(s) each …", flush=True)
        samples = {"charter": [], "hugo": [], "charter-cold": []}
        for i in range(n_runs):
            order = ("charter", "hugo") if i % 2 == 0 else ("hugo", "charter")
            for tool in order:
                wall, kib, _ = tools.run(tool, corpus, size)
                samples[tool].append((wall, kib))
        wall, kib, _ = tools.run("charter-cold", corpus, size)
        samples["charter-cold"].append((wall, kib))
        tools.run("charter", corpus, size)  # puts the chart cache back for the next corpus or run
        content = os.path.join(corpus, "charter", "content")
        floors = {}
        for threads in sorted({1, cores}):
            walls = []
            for _ in range(max(n_runs, 3)):
                wall, kib, proc = timed([floor, "-j", str(threads), content])
                if proc.returncode != 0:
                    die(f"cmark_floor failed:\n{proc.stderr}")
                walls.append((wall, kib))
            floors[threads] = walls
        entry = {"pages": pages, "runs": n_runs, "warnings": warnings}
        for tool in ("charter", "hugo", "charter-cold"):
            walls = [w for w, _ in samples[tool]]
            entry[tool] = {"median": median(walls), "min": min(walls), "max": max(walls),
                           "rss_mib": max(k for _, k in samples[tool]) / 1024, "walls": walls}
        for threads, walls in floors.items():
            entry[f"cmark_{threads}"] = {"median": median([w for w, _ in walls]), "min": min(w for w, _ in walls),
                                         "max": max(w for w, _ in walls), "rss_mib": max(k for _, k in walls) / 1024}
        results["sizes"][size] = entry

    # The default site.
    default = None
    if default_runs > 0:
        walls, kibs = [], []
        out = tools.out("default")
        for i in range(default_runs + 1):
            shutil.rmtree(out, ignore_errors=True)
            wall, kib, proc = timed(tools.charter_cmd(os.path.join(ROOT, "content"), out))
            if proc.returncode != 0:
                die(f"Charter failed on the default site:\n{proc.stderr[-4000:]}")
            if i:  # the first build is the warm-up
                walls.append(wall)
                kibs.append(kib)
        default = {"median": median(walls), "min": min(walls), "rss_mib": max(kibs) / 1024, "runs": default_runs}
        results["default"] = default

    # An incremental rebuild in the preview: one page of the 1,000-page corpus saved, BENCH_EDITS times. A free page,
    # and a body with terms of reference (its text is in the print pages too, so they are made again).
    edits = int(os.environ.get("BENCH_EDITS", "9"))
    if edits > 0 and 1000 in results["sizes"]:
        for key, folder in (("incremental", "sider"), ("incremental_body", "organer")):
            ms, times, own = incremental(charter, os.path.join(ROOT, "templates"), generate(1000, seed, bench_dir),
                                         bench_dir, edits, folder)
            results[key] = {"median_ms": ms, "times_ms": times, "rebuild_ms": own, "folder": folder}

    tools.empty_trash()

    # The table.
    print()
    print(f"{'pages':>6}  {'tool':<24} {'runs':>4}  {'median s':>9}  {'min s':>7}  {'max s':>7}  {'pages/s':>8}  {'peak RSS MiB':>12}")
    for size, entry in results["sizes"].items():
        pages = entry["pages"]
        lines = [("Charter", entry["charter"], entry["runs"]), ("Hugo", entry["hugo"], entry["runs"]),
                 ("Charter, cold (no cache)", entry["charter-cold"], 1)]
        for threads in sorted({1, cores}):
            e = entry[f"cmark_{threads}"]
            lines.append((f"cmark floor, {threads} thread{'s' if threads > 1 else ''}", e, max(entry["runs"], 3)))
        for name, e, n in lines:
            print(f"{pages:>6}  {name:<24} {n:>4}  {e['median']:>9.3f}  {e['min']:>7.3f}  {e['max']:>7.3f}  "
                  f"{pages / e['median']:>8.0f}  {e['rss_mib']:>12.0f}")
    if default:
        print(f"{'default':>6}  {'Charter (content/)':<24} {default['runs']:>4}  {default['median']:>9.3f}  {default['min']:>7.3f}  "
              f"{'':>7}  {'':>8}  {default['rss_mib']:>12.0f}")
    print()
    print("Ratios (Charter / other, median wall time; memory: peak RSS):")
    for size, entry in results["sizes"].items():
        c = entry["charter"]
        floor_all = entry[f"cmark_{cores}"]["median"]
        floor_one = entry["cmark_1"]["median"]
        # Each round builds with both tools back to back, so the ratio within a round is not moved by the machine
        # getting faster or slower between rounds (a shared VM does): shown beside the ratio of the medians.
        paired = [cw / hw for cw, hw in zip(c["walls"], entry["hugo"]["walls"])]
        entry["ratios"] = {"hugo": c["median"] / entry["hugo"]["median"], "rss": c["rss_mib"] / entry["hugo"]["rss_mib"],
                           "floor": c["median"] / floor_all, "floor_1": c["median"] / floor_one,
                           "hugo_paired": median(paired), "hugo_rounds": paired}
        r = entry["ratios"]
        print(f"{entry['pages']:>6}  Charter/Hugo time {r['hugo']:.2f}× (round by round: median {r['hugo_paired']:.2f}×, "
              f"{min(paired):.2f}–{max(paired):.2f}×)   Charter/Hugo memory {r['rss']:.2f}×   "
              f"Charter/cmark floor {r['floor']:.1f}× ({cores} threads), {r['floor_1']:.1f}× (1 thread)")

    # The targets, on the 10,000-page corpus (or the largest one run).
    print()
    big_size = 10000 if 10000 in results["sizes"] else max(results["sizes"]) if results["sizes"] else None
    note = "" if big_size == 10000 else f" (10,000 pages not run: on {big_size} pages)"
    marks = []
    if big_size:
        e = results["sizes"][big_size]
        r = e["ratios"]
        marks.append((r["hugo"] <= TARGETS["hugo_ratio"],
                      f"Charter ≤ {TARGETS['hugo_ratio']:.2f}× Hugo's wall time on 10,000 pages{note}: "
                      f"{e['charter']['median']:.2f} s vs {e['hugo']['median']:.2f} s = {r['hugo']:.2f}×"))
        if big_size != 1000 and 1000 in results["sizes"]:
            small = results["sizes"][1000]
            marks.append((small["ratios"]["hugo"] <= TARGETS["hugo_ratio"],
                          f"Charter ≤ {TARGETS['hugo_ratio']:.2f}× Hugo's wall time on 1,000 pages: "
                          f"{small['charter']['median']:.2f} s vs {small['hugo']['median']:.2f} s = {small['ratios']['hugo']:.2f}×"))
        marks.append((r["floor"] <= TARGETS["floor_ratio"],
                      f"Charter ≤ {TARGETS['floor_ratio']:.0f}× the cmark floor{note}: {e['charter']['median']:.2f} s vs "
                      f"{e[f'cmark_{cores}']['median']:.2f} s ({cores} threads) = {r['floor']:.1f}×"))
        marks.append((e["charter"]["rss_mib"] <= TARGETS["rss_mib"],
                      f"Charter's peak memory ≤ {TARGETS['rss_mib']} MiB{note}: {e['charter']['rss_mib']:.0f} MiB "
                      f"(Hugo {e['hugo']['rss_mib']:.0f} MiB)"))
    if default:
        marks.append((default["median"] < TARGETS["default_seconds"],
                      f"default site (content/) in under 0.3 s: {default['median']:.3f} s"))
    for key, what, target in (("incremental", "a free page", TARGETS["incremental_ms"]),
                              ("incremental_body", "a body with terms (print pages again)", TARGETS["incremental_body_ms"])):
        if key in results:
            inc = results[key]
            marks.append((inc["median_ms"] <= target,
                          f"a page saved in a 1,000-page site, in the browser ≤ {target} ms after the save, {what}: median "
                          f"{inc['median_ms']:.0f} ms of {len(inc['times_ms'])} saves ({', '.join(map(str, inc['times_ms']))} ms; "
                          f"the preview's own rebuild: {', '.join(map(str, inc['rebuild_ms']))} ms)"))
    for ok, text in marks:
        print(f"{'PASS' if ok else 'MISS'}  {text}")
    results["targets"] = [{"pass": ok, "text": text} for ok, text in marks]
    print(f"\nload average {load():.2f} at the end (2 cores: anything much above 0 while timing means other work ran too)")
    with open(os.path.join(bench_dir, "results.json"), "w") as f:
        json.dump(results, f, indent=2, ensure_ascii=False)
    print(f"results: {os.path.join(bench_dir, 'results.json')}")


if __name__ == "__main__":
    main()
