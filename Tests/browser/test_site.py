"""The built default site in a real browser and a real web server.

- headless Chromium (Debian's chromium + chromium-driver, through Selenium) loads every page from nginx under
  /integration/: no console errors, no sideways scrolling on a phone;
- axe-core 4.10 (axe-selenium-python) over every page, the print documents included, in light and dark, each at 390 and
  1280 px: zero violations;
- search: a Danish inflected query finds the page as the reader types, over HTTP through Pagefind and from file://
  through the list of every page, which is also the page without JavaScript;
- the menu works on a phone without JavaScript;
- screenshots at phone and desktop widths into test-artifacts/;
- LinkChecker over nginx and over file://: zero broken links and missing assets.
"""
import os
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DESKTOP, PHONE, viewport

SPECIAL = {"index.html", "404.html"}
# The default site's figures; another site (the English fixture in `make site-test`) gives its own.
MIN_PAGES = int(os.environ.get("CHARTER_MIN_PAGES", "60"))
SHOT_BODY = os.environ.get("CHARTER_SHOT_BODY", "integrationsforum")
SHOT_QUERY = os.environ.get("CHARTER_SHOT_QUERY", "sygehuse")
# The folders of the site's own pages, in its language (path_body, path_timeline, path_search in i18n/<language>.yaml).
LIST_PATH, TIMELINE_PATH, SEARCH_PATH = os.environ.get("CHARTER_PATHS", "organer,tidslinje,soeg").split(",")
SPECIAL_FOLDERS = {"assets", "print", "pagefind", "organer", "enheder", "roller", "personer", "projekter", "sider",
                   "organisation", "tidslinje", "soeg", "bodies", "units", "roles", "people", "projects", "pages", "timeline",
                   "search"}


def screen_pages(pages):
    """The pages read on screen: every page but the print documents (laid out for paper, checked by LinkChecker)."""
    return [page for page in pages if not page.startswith("print/")]


def entity_folders(site):
    return sorted(p.parent.name for p in site.glob("*/index.html") if p.parent.name not in SPECIAL_FOLDERS)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


# Every page in a browser.

def test_every_page_loads_from_nginx_without_console_errors(browser, server, pages):
    viewport(browser, DESKTOP)
    browser.get_log("browser")
    problems = {}
    for page in pages:
        browser.get(server + page)
        errors = console_errors(browser)
        if not browser.title.strip():
            errors.append("no <title>")
        if not browser.find_elements(By.TAG_NAME, "h1"):
            errors.append("no <h1>")
        if errors:
            problems[page] = errors
    assert len(pages) > MIN_PAGES
    assert not problems, json.dumps(problems, indent=2, ensure_ascii=False)


def test_every_page_opens_from_disk_without_console_errors(browser, site, pages):
    viewport(browser, DESKTOP)
    browser.get_log("browser")
    problems = {}
    for page in pages:
        browser.get((site / page).as_uri())
        if errors := console_errors(browser):
            problems[page] = errors
    assert not problems, json.dumps(problems, indent=2, ensure_ascii=False)


def test_no_page_scrolls_sideways_on_a_phone(browser, server, pages):
    viewport(browser, PHONE)
    wide = {}
    for page in screen_pages(pages):
        browser.get(server + page)
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[page] = width
    viewport(browser, DESKTOP)
    assert not wide, f"pages wider than {PHONE['width']} px: {wide}"


def test_axe_finds_no_violations_on_any_page_in_light_and_dark(browser, server, pages, artifacts):
    """Every page, the print pages included, in light and dark mode, each at phone (390 px) and desktop (1280 px) width."""
    axe = Axe(browser)
    report = {}
    checked = 0
    for scheme, metrics in [(scheme, metrics) for scheme in ("light", "dark") for metrics in (PHONE, DESKTOP)]:
        width = metrics["width"]
        viewport(browser, metrics, scheme)
        for page in pages:
            browser.get(server + page)
            axe.inject()
            result = axe.run()
            checked += 1
            for violation in result["violations"]:
                targets = [node["target"] for node in violation["nodes"]]
                report.setdefault(f"{scheme} {width}px {page}", []).append(
                    {"id": violation["id"], "impact": violation["impact"], "help": violation["help"], "targets": targets})
    viewport(browser, DESKTOP)
    total = sum(len(v) for v in report.values())
    version = browser.execute_script("return axe.version")
    summary = {"axe": version, "pages_checked": checked, "violations": total, "by_page": report}
    (artifacts / "axe-report.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(f"\naxe-core {version}: {checked} page checks, {total} violations")
    assert checked >= 4 * MIN_PAGES
    assert any(page.startswith("print/") for page in pages), "the print pages are checked too"
    assert total == 0, json.dumps(report, indent=2, ensure_ascii=False)


def test_skip_link_comes_first_and_focus_is_visible(browser, server):
    viewport(browser, DESKTOP)
    browser.get(server + f"{LIST_PATH}/index.html")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link" and focused.is_displayed()
    assert browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle") != "none"
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "indhold"
    for _ in range(3):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        style = browser.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
        assert style[0] != "none" and style[1] != "0px", style


# Search.

def search_results(driver):
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results .search-result a"))
    return [(a.get_attribute("href"), a.text) for a in driver.find_elements(By.CSS_SELECTOR, ".search-results .search-result h3 a")]


def test_search_finds_a_danish_inflected_word_as_you_type(browser, server):
    viewport(browser, DESKTOP)
    browser.get(server + "soeg/index.html")
    browser.get_log("browser")
    field = browser.find_element(By.ID, "search-q")
    field.send_keys("sygehuse")  # the plural: the pages say "sygehus"
    results = search_results(browser)
    hrefs = [href for href, _ in results]
    assert any(href.endswith("/integration/holbaek-sygehus/index.html") for href in hrefs), results
    marks = browser.find_elements(By.CSS_SELECTOR, ".search-results .excerpt mark")
    assert marks and all("sygehus" in m.text.lower() for m in marks[:3]), [m.text for m in marks[:3]]
    assert "resultat" in browser.find_element(By.CSS_SELECTOR, ".search-status").text
    assert browser.find_element(By.CSS_SELECTOR, ".all-content").is_displayed() is False
    assert console_errors(browser) == []


def test_search_handles_danish_letters_and_comes_from_the_header_field(browser, server):
    viewport(browser, DESKTOP)
    browser.get(server + "integrationsforum/index.html")
    field = browser.find_element(By.ID, "site-search-q")
    field.send_keys("Østdanmark", Keys.ENTER)
    wait(browser).until(lambda d: "/soeg/index.html?q=" in d.current_url)
    results = search_results(browser)
    assert any(href.endswith("/region-oestdanmark/index.html") for href, _ in results[:3]), results
    assert browser.find_element(By.ID, "search-q").get_attribute("value") == "Østdanmark"


def test_search_from_file_url_filters_the_list_of_every_page(browser, site):
    viewport(browser, DESKTOP)
    browser.get((site / "soeg" / "index.html").as_uri() + "?q=sygehuse")
    browser.get_log("browser")
    wait(browser).until(lambda d: "passer" in d.find_element(By.CSS_SELECTOR, ".search-status").text)
    items = browser.find_elements(By.CSS_SELECTOR, ".all-content li[data-text]")
    shown = [item for item in items if item.is_displayed()]
    titles = [item.find_element(By.TAG_NAME, "a").text for item in shown]
    assert "Holbæk Sygehus" in titles, titles
    assert all("sygehus" in item.get_attribute("data-text").lower() for item in shown), titles
    assert 0 < len(shown) < len(items)
    assert console_errors(browser) == []


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attributes):
        if tag == "a":
            self.hrefs += [value for name, value in attributes if name == "href"]


def test_search_page_without_javascript_lists_every_page_by_type(site):
    parser = Links()
    parser.feed((site / "soeg" / "index.html").read_text())
    linked = {href.split("/")[1] for href in parser.hrefs if href.startswith("../") and href.count("/") >= 2}
    missing = [folder for folder in entity_folders(site) if folder not in linked]
    assert not missing, missing
    assert len(entity_folders(site)) > 50


# Navigation without JavaScript, on a phone and a desktop.

def visible(driver, selector):
    """Whether the element is rendered and can be seen (also inside a <details> shown by CSS, which Selenium's own
    is_displayed() takes as hidden)."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    return driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return arguments[0].checkVisibility({contentVisibilityAuto: true}) && r.width > 0 && r.height > 0",
                                 element)


def click(driver, selector):
    """A real mouse click at the element's centre (Selenium refuses to click inside a <details> it takes as closed)."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    box = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]", element)
    for kind in ["mousePressed", "mouseReleased"]:
        driver.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})


def test_menu_opens_on_a_phone_and_shows_on_a_desktop_without_javascript(browser_without_javascript, server):
    driver = browser_without_javascript
    link = ".menu-items a[href$='tidslinje/index.html']"
    viewport(driver, PHONE)
    driver.get(server + "organer/index.html")
    assert not visible(driver, link)
    click(driver, ".menu-button")
    assert visible(driver, link)
    assert driver.find_element(By.CSS_SELECTOR, ".menu-items a[aria-current='page']").text == "Organer"
    viewport(driver, DESKTOP)
    driver.get(server + "organer/index.html")
    assert not visible(driver, ".menu-button")
    assert visible(driver, link)
    assert not visible(driver, ".nav-group a[href$='baggrund/index.html']")
    click(driver, ".nav-group > summary")
    assert visible(driver, ".nav-group a[href$='baggrund/index.html']")


def test_timeline_lists_dated_events_in_order_with_an_undated_group(browser, server):
    viewport(browser, DESKTOP)
    browser.get(server + "tidslinje/index.html")
    years = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".timeline-year h2")]
    numbers = [int(y) for y in years if y.isdigit()]
    assert numbers == sorted(numbers) and 2026 in numbers, years
    assert years[-1] == "Uden fast dato"
    dates = [t.get_attribute("datetime") for t in browser.find_elements(By.CSS_SELECTOR, ".timeline-year time")]
    assert "2026-01-01" in dates and dates == sorted(dates)
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "1. januar 2026" in text and "Etableres" in text


# Screenshots, kept as test artefacts.

@pytest.mark.parametrize("name,metrics", [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_at_phone_and_desktop_widths(browser, server, artifacts, name, metrics):
    shots = {"home": "index.html", "body": f"{SHOT_BODY}/index.html", "timeline": f"{TIMELINE_PATH}/index.html",
             "list": f"{LIST_PATH}/index.html", "search": f"{SEARCH_PATH}/index.html?q={SHOT_QUERY}"}
    for scheme in ["light", "dark"]:
        viewport(browser, metrics, scheme)
        for shot, page in shots.items():
            browser.get(server + page)
            if "?q=" in page:
                search_results(browser)
            path = artifacts / f"{name}-{scheme}-{shot}.png"
            browser.save_screenshot(str(path))
            assert path.stat().st_size > 10_000, path
        if metrics["mobile"]:
            browser.get(server + f"{SHOT_BODY}/index.html")
            browser.find_element(By.CSS_SELECTOR, ".menu-button").click()
            wait(browser).until(lambda d: visible(d, f".menu-items a[href$='{TIMELINE_PATH}/index.html']"))
            browser.save_screenshot(str(artifacts / f"{name}-{scheme}-menu.png"))
    viewport(browser, DESKTOP)


# Links: a real web server under a sub-path, and the files on disk.

def linkcheck(url, site, artifacts, name):
    # Beside the site copy: LinkChecker runs as user nobody, who may not be able to read the repository.
    config = site.parent / "linkcheckerrc"
    # Every #fragment must exist in its page too; the test server allows more than LinkChecker's default request rate.
    config.write_text("[checking]\nmaxrequestspersecond=200\n\n[AnchorCheck]\n")
    run = subprocess.run(["linkchecker", "--config", str(config), "--no-status", "--threads", "4", url],
                         capture_output=True, text=True, timeout=600)
    (artifacts / f"linkchecker-{name}.txt").write_text(run.stdout + run.stderr)
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found", run.stdout)
    assert summary, run.stdout[-2000:] + run.stderr[-2000:]
    links, urls, warnings, errors = map(int, summary.groups())
    print(f"\nLinkChecker {name}: {links} links in {urls} URLs, {warnings} warnings, {errors} errors")
    return run, links, urls, warnings, errors


def test_linkchecker_finds_no_broken_link_or_missing_asset_under_nginx_sub_path(server, site, pages, artifacts):
    run, links, urls, warnings, errors = linkcheck(server + "index.html", site, artifacts, "nginx")
    assert errors == 0 and warnings == 0 and run.returncode == 0, run.stdout[-4000:]
    assert urls >= len(pages), f"only {urls} URLs checked for {len(pages)} pages"


def test_linkchecker_finds_no_broken_link_or_missing_asset_from_file_url(site, pages, artifacts):
    run, links, urls, warnings, errors = linkcheck((site / "index.html").as_uri(), site, artifacts, "file")
    assert errors == 0 and warnings == 0 and run.returncode == 0, run.stdout[-4000:]
    assert urls >= len(pages), f"only {urls} URLs checked for {len(pages)} pages"
