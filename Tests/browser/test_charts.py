"""The organisation charts of a built site in headless Chromium, measured with the browser's own fonts:

- every label of every chart (box texts, frame headings) fits inside its box: `getBBox()` of each text against its
  shape, 0 overflows;
- the whole-organisation chart is between 1:3 and 3:1 wide to high, and neither it nor any other chart makes the page
  scroll sideways at 390 px or 1280 px; at 1280 px the whole-organisation chart fits its column;
- the charts zoom (buttons, keys) and pan (dragging) with the page's script, and scroll in their frame without it;
- every box is a link; screenshots of the whole-organisation chart at both widths go to the artefacts folder.

Runs on any site: `make site-test` runs it on the default site, the English fixture and the generated wide fixture
(wide_fixture.py: a level of forty groups).
"""
import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import DESKTOP, PHONE, viewport

ORGANISATION = "organisation/index.html"
# How far (in the chart's units, about a pixel) a text may reach past its shape's edge: anti-aliasing, not overflow.
TOLERANCE = 0.5

MEASURE = """
const tolerance = arguments[0];
const problems = [];
let worst = 1e9;
for (const svg of document.querySelectorAll("svg.chart-svg")) {
  const parts = [...svg.querySelectorAll("g.node"), ...svg.querySelectorAll("g.cluster")];
  for (const part of parts) {
    const shape = part.querySelector(".shape");
    if (!shape) { problems.push({part: part.getAttribute("class"), problem: "no shape"}); continue; }
    const s = shape.getBBox();
    for (const text of part.querySelectorAll("text")) {
      const b = text.getBBox();
      const slack = Math.min(s.x + s.width - (b.x + b.width), b.x - s.x, b.y - s.y, s.y + s.height - (b.y + b.height));
      worst = Math.min(worst, slack);
      if (slack < -tolerance) problems.push({text: text.textContent, over: +(-slack).toFixed(2)});
    }
  }
}
return {problems: problems, worst: worst, charts: document.querySelectorAll("svg.chart-svg").length};
"""


def chart_pages(site):
    """The pages with a chart (the organisation, every body and unit), from the built files."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                  if 'class="chart-svg"' in p.read_text(encoding="utf-8") and not p.relative_to(site).as_posix().startswith("pagefind/"))


def test_every_chart_label_fits_inside_its_box_in_the_browsers_fonts(browser, server, site, artifacts):
    viewport(browser, DESKTOP)
    pages = chart_pages(site)
    assert ORGANISATION in pages
    report, worst, charts = {}, 1e9, 0
    for page in pages:
        browser.get(server + page)
        result = browser.execute_script(MEASURE, TOLERANCE)
        charts += result["charts"]
        worst = min(worst, result["worst"])
        if result["problems"]:
            report[page] = result["problems"]
    (artifacts / "chart-labels.json").write_text(json.dumps({"pages": len(pages), "charts": charts, "smallest_margin": worst,
                                                             "overflows": report}, indent=2, ensure_ascii=False))
    print(f"\nchart labels: {charts} charts on {len(pages)} pages, smallest margin {worst:.2f} units, "
          f"{sum(len(v) for v in report.values())} overflows")
    assert charts >= len(pages)
    assert not report, json.dumps(report, indent=2, ensure_ascii=False)


def chart_geometry(driver):
    return driver.execute_script("""
        const svg = document.querySelector("svg.chart-svg"), canvas = svg.closest(".chart-canvas");
        const box = svg.viewBox.baseVal, drawn = svg.getBoundingClientRect();
        const title = svg.querySelector("g.node text:not(.caption)");
        return {ratio: box.width / box.height, page: document.documentElement.scrollWidth, view: window.innerWidth,
                canvas: canvas.clientWidth, inner: canvas.scrollWidth, drawn: drawn.width,
                text: title ? title.getBoundingClientRect().height : 0};
    """)


def test_the_organisation_chart_reads_top_down_within_one_to_three_and_fits_the_page(browser, server):
    browser.get(server + ORGANISATION)
    for metrics in [DESKTOP, PHONE]:
        viewport(browser, metrics)
        browser.get(server + ORGANISATION)
        geometry = chart_geometry(browser)
        assert 1 / 3 <= geometry["ratio"] <= 3, geometry
        assert geometry["page"] <= metrics["width"], f"the page scrolls sideways at {metrics['width']} px: {geometry}"
        assert geometry["text"] >= 8, f"box titles are {geometry['text']:.1f} px high at {metrics['width']} px"
        if metrics is DESKTOP:
            assert geometry["inner"] <= geometry["canvas"] + 1, f"the chart does not fit its column at 1280 px: {geometry}"
    viewport(browser, DESKTOP)
    # Top-down: the highest box is the top of a hierarchy (an item right under a heading of the list, not inside
    # another box's item), and every box listed inside another's item that a line joins is drawn below it.
    highest = browser.execute_script("""
        const nodes = [...document.querySelectorAll("svg.chart-svg g.node")];
        const top = nodes.reduce((a, b) => a.getBoundingClientRect().top <= b.getBoundingClientRect().top ? a : b);
        const href = top.querySelector("a").getAttribute("href");
        const item = [...document.querySelectorAll(".chart-list a")].find(a => a.getAttribute("href") === href).closest("li");
        return item.parentElement.closest("li").querySelector(":scope > a") === null;""")
    assert highest, "the highest box of the chart is not the top of a hierarchy"


def test_no_chart_makes_a_page_scroll_sideways_at_phone_or_desktop_width(browser, server, site):
    wide = {}
    for metrics in [PHONE, DESKTOP]:
        viewport(browser, metrics)
        for page in chart_pages(site):
            browser.get(server + page)
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > metrics["width"]:
                wide[f"{metrics['width']} {page}"] = width
    viewport(browser, DESKTOP)
    assert not wide, wide


def test_every_box_of_the_organisation_chart_is_a_link(browser, server):
    viewport(browser, DESKTOP)
    browser.get(server + ORGANISATION)
    boxes = browser.execute_script("""
        return [...document.querySelectorAll("svg.chart-svg g.node")].map(n => {
            const a = n.querySelector("a[href]");
            return a ? [a.getAttribute("href"), a.getAttribute("aria-label")] : null; });""")
    assert boxes and all(boxes), boxes
    assert len({href for href, _ in boxes}) == len(boxes)


def test_a_chart_zooms_with_its_buttons_and_keys_and_pans_by_dragging(browser, server):
    viewport(browser, PHONE)
    browser.get(server + ORGANISATION)
    svg = browser.find_element(By.CSS_SELECTOR, "svg.chart-svg")
    canvas = browser.find_element(By.CSS_SELECTOR, ".chart-canvas")
    width = lambda: browser.execute_script("return arguments[0].getBoundingClientRect().width", svg)
    start = width()
    browser.find_element(By.CSS_SELECTOR, ".chart-zoom-fit").click()
    fitted = width()
    assert fitted <= canvas.size["width"] + 1 and fitted < start
    browser.find_element(By.CSS_SELECTOR, ".chart-zoom-in").click()
    assert width() == pytest.approx(fitted * 1.25, rel=0.02)
    canvas.send_keys("+")
    assert width() == pytest.approx(fitted * 1.25 * 1.25, rel=0.02)
    canvas.send_keys("-")
    assert width() == pytest.approx(fitted * 1.25, rel=0.02)
    assert browser.switch_to.active_element == canvas
    canvas.send_keys("0")
    assert width() == pytest.approx(fitted, rel=0.02)
    canvas.send_keys("+")
    canvas.send_keys("+")
    canvas.send_keys(Keys.HOME)
    before = browser.execute_script("return arguments[0].scrollLeft", canvas)
    room = browser.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", canvas)
    assert room > 60, f"zoomed in twice, the chart is wider than its frame ({room} px to pan)"
    # Drag toward the side with room to pan (right when the chart is scrolled past its middle), starting wherever the
    # pointer is, a box included: a drag that starts on a box pans too.
    direction = 1 if before > room / 2 else -1
    # Home may have scrolled the page to its top: the drag starts inside the chart's frame, in view.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", canvas)
    drag = ActionChains(browser).move_to_element_with_offset(canvas, -60 * direction, 10).click_and_hold().pause(0.05)
    for _ in range(4):
        drag.move_by_offset(30 * direction, 0).pause(0.02)
    drag.release().perform()
    after = browser.execute_script("return arguments[0].scrollLeft", canvas)
    assert (before - after) * direction > 60, (before, after, room)
    assert browser.current_url.endswith(ORGANISATION), "a drag does not follow the link it ends on"
    labels = [b.get_attribute("aria-label") or b.text for b in browser.find_elements(By.CSS_SELECTOR, ".chart-zoom button")]
    assert all(labels), labels
    viewport(browser, DESKTOP)


def test_without_javascript_a_chart_keeps_a_readable_size_and_scrolls_in_its_frame(browser_without_javascript, server):
    browser = browser_without_javascript
    viewport(browser, PHONE)
    browser.get(server + ORGANISATION)
    geometry = chart_geometry(browser)
    assert geometry["page"] <= PHONE["width"], geometry
    assert geometry["text"] >= 8, geometry
    assert not browser.find_elements(By.CSS_SELECTOR, ".chart-zoom")
    assert browser.find_elements(By.CSS_SELECTOR, "details.chart-list")
    viewport(browser, DESKTOP)


@pytest.mark.parametrize("name,metrics", [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshots_of_the_organisation_chart(browser, server, artifacts, name, metrics):
    viewport(browser, metrics)
    browser.get(server + ORGANISATION)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    viewport(browser, {**metrics, "height": min(height, 4000)})
    browser.get(server + ORGANISATION)
    path = artifacts / f"{name}-organisation-chart.png"
    browser.find_element(By.CSS_SELECTOR, ".chart").screenshot(str(path))
    assert path.stat().st_size > 10_000, path
    viewport(browser, DESKTOP)
