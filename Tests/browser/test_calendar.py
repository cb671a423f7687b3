"""The calendar feeds of a built site, read with a real iCalendar parser (the `icalendar` package from PyPI):

- the site's feed (`kalender.ics`, or the name the site's language gives it) parses, and holds exactly the dated events
  expected of the content (CHARTER_EXPECTED_CALENDAR, a JSON list of uid, date, summary and rrule), each once;
- every feed of a body or project parses, and holds only events of the site's feed;
- every event is an all-day event that links to a page of the site.

`make site-test` runs it on the default site and on the `time` fixture (a merger, a successor, a new chair, a member
leaving, an agenda item with a cadence).
"""
import json
import os
from pathlib import Path

import icalendar

from conftest import REPOSITORY

EXPECTED = Path(os.environ.get("CHARTER_EXPECTED_CALENDAR", REPOSITORY / "Tests/browser/expected/default-calendar.json"))


def feed(site):
    feeds = list(site.glob("*.ics"))
    assert len(feeds) == 1, f"one calendar feed expected at the site's root, found {feeds}"
    return feeds[0]


def events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar.get("VERSION") == "2.0" and calendar.get("PRODID")
    return calendar.walk("VEVENT")


def test_the_sites_feed_holds_exactly_the_dated_events_of_the_content(site):
    found = []
    for event in events(feed(site)):
        item = {"uid": str(event["UID"]), "date": event["DTSTART"].dt.isoformat(), "summary": str(event["SUMMARY"])}
        if "RRULE" in event:
            item["rrule"] = event["RRULE"].to_ical().decode()
        found.append(item)
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert sorted(found, key=lambda e: e["uid"]) == sorted(expected, key=lambda e: e["uid"])
    assert len({e["uid"] for e in found}) == len(found), "every UID once"


def test_every_event_is_all_day_and_links_to_a_page_of_the_site(site):
    for event in events(feed(site)):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert not hasattr(start, "hour") and (end - start).days == 1, event["UID"]
        url = str(event["URL"])
        path = url.split("://", 1)[1].split("/", 1)[1] if "://" in url else url
        page = site / path
        assert (page / "index.html" if page.is_dir() or path.endswith("/") else page).is_file(), url


def test_each_body_or_projects_feed_parses_and_holds_only_events_of_the_sites_feed(site):
    name = feed(site).name
    all_uids = {str(e["UID"]) for e in events(feed(site))}
    own = list(site.glob(f"*/{name}"))
    assert own, "no body or project has a feed of its own"
    for path in own:
        uids = [str(e["UID"]) for e in events(path)]
        assert uids and set(uids) <= all_uids, path
        page = (path.parent / "index.html").read_text(encoding="utf-8")
        assert f'href="../{path.parent.name}/{name}" type="text/calendar"' in page, f"{path.parent.name} does not link its feed"
