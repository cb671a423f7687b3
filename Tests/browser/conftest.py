"""Fixtures of the browser and web-server tests: the built site (a world-readable copy, since nginx's workers and
LinkChecker run as user nobody), nginx serving it under /integration/ on loopback, and headless Chromium.

The site comes from CHARTER_SITE (built by `make site-test`); screenshots and reports go to CHARTER_ARTIFACTS
(default test-artifacts/).
"""
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPOSITORY = Path(__file__).resolve().parents[2]
SUB_PATH = "/integration/"
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
DESKTOP = {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False}


def pytest_report_header(config):
    return f"site: {os.environ.get('CHARTER_SITE', '(CHARTER_SITE not set)')}"


@pytest.fixture(scope="session")
def artifacts():
    folder = Path(os.environ.get("CHARTER_ARTIFACTS", REPOSITORY / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def site():
    """A world-readable copy of the built site in a temporary folder."""
    built = Path(os.environ.get("CHARTER_SITE", REPOSITORY / "site"))
    assert (built / "index.html").is_file(), f"no built site at {built}: run `make site-test`"
    holder = Path(tempfile.mkdtemp(prefix="charter-site-"))
    copy = holder / "site"
    shutil.copytree(built, copy)
    for folder in [holder, *[p for p in copy.rglob("*") if p.is_dir()], copy]:
        folder.chmod(0o755)
    for file in copy.rglob("*"):
        if file.is_file():
            file.chmod(0o644)
    yield copy
    shutil.rmtree(holder, ignore_errors=True)


@pytest.fixture(scope="session")
def pages(site):
    """Every HTML page of the site, as paths relative to its root (print pages included)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("pagefind/"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(site):
    """nginx on 127.0.0.1 serving the site under /integration/; yields the base URL."""
    with nginx_serving(site) as base:
        yield base


@contextlib.contextmanager
def nginx_serving(site):
    """Runs nginx with its own configuration on a free loopback port, serving `site` under /integration/."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(nginx).exists(), "nginx is not installed (apt-get install nginx)"
    work = Path(tempfile.mkdtemp(prefix="charter-nginx-"))
    port = free_port()
    temp_paths = "\n".join(f"  {name}_temp_path {work}/{name};" for name in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    (work / "nginx.conf").write_text(f"""
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log {work}/access.log;
  # Lets LinkChecker go faster than its polite default of one request per 0.1-0.6 s (it honours this header only).
  add_header LinkChecker "test server";
{temp_paths}
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    location / {{ return 404; }}
    location {SUB_PATH} {{ alias {site}/; }}
    error_page 404 {SUB_PATH}404.html;
  }}
}}
""")
    process = subprocess.Popen([nginx, "-e", str(work / "error.log"), "-p", str(work), "-c", str(work / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}{SUB_PATH}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "index.html", timeout=1).read()
            break
        except OSError:
            if process.poll() is not None:
                raise AssertionError("nginx did not start: " + process.stderr.read().decode())
            time.sleep(0.05)
    else:
        process.kill()
        raise AssertionError("nginx did not answer on " + base)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


def make_driver(javascript=True):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--window-size=1280,800", "--lang=da", "--allow-file-access-from-files"]:
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_javascript():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


def viewport(driver, metrics, scheme="light"):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
