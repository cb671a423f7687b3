"""The site's Popolo file (data/popolo.json): valid against JSON Schemas of Popolo's four classes, and every id it
refers to is in it.

The schemas follow the published specification (https://www.popoloproject.com/specs/, whose own draft-03 schemas are at
https://github.com/popolo-project/popolo-spec/tree/master/schemas): every property the specification gives each class,
with its type and date pattern. They are stricter than the specification where Charter promises more: ids and names are
required, and a property the specification does not name is an error, so that a misspelt key cannot pass.
"""
import json
import re
from urllib.parse import urlparse

import jsonschema
import pytest

# Popolo's date patterns: a year, a month or a day; a membership's dates may also be a date and time.
DATE = {"type": ["string", "null"], "pattern": r"^[0-9]{4}(-[0-9]{2}){0,2}$"}
DATE_TIME = {
    "type": ["string", "null"],
    "pattern": r"^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$",
}
TEXT = {"type": ["string", "null"]}
ID = {"type": "string", "minLength": 1}
NAME = {"type": "string", "minLength": 1, "pattern": r"\S", "not": {"pattern": "[<>]"}}
TIMESTAMP = {"type": ["string", "null"]}

LINK = {
    "type": "object",
    "properties": {"url": {"type": "string", "minLength": 1}, "note": TEXT},
    "required": ["url"],
    "additionalProperties": False,
}
OTHER_NAME = {
    "type": "object",
    "properties": {
        "name": {"type": "string"}, "family_name": TEXT, "given_name": TEXT, "additional_name": TEXT, "honorific_prefix": TEXT,
        "honorific_suffix": TEXT, "patronymic_name": TEXT, "start_date": DATE, "end_date": DATE, "note": TEXT,
    },
    "additionalProperties": False,
}
IDENTIFIER = {
    "type": "object",
    "properties": {"identifier": {"type": "string"}, "scheme": TEXT},
    "required": ["identifier"],
    "additionalProperties": False,
}
CONTACT_DETAIL = {
    "type": "object",
    "properties": {
        "label": TEXT, "type": {"type": "string"}, "value": {"type": "string"}, "note": TEXT, "valid_from": DATE,
        "valid_until": DATE, "created_at": TIMESTAMP, "updated_at": TIMESTAMP, "sources": {"type": "array", "items": LINK},
    },
    "required": ["type", "value"],
    "additionalProperties": False,
}


def array_of(schema):
    return {"type": "array", "items": schema}


COMMON = {
    "links": array_of(LINK), "sources": array_of(LINK), "created_at": TIMESTAMP, "updated_at": TIMESTAMP,
}

PERSON = {
    "type": "object",
    "properties": {
        "id": ID, "name": NAME, "other_names": array_of(OTHER_NAME), "identifiers": array_of(IDENTIFIER),
        "family_name": TEXT, "given_name": TEXT, "additional_name": TEXT, "honorific_prefix": TEXT, "honorific_suffix": TEXT,
        "patronymic_name": TEXT, "sort_name": TEXT, "email": TEXT, "gender": TEXT,
        "pronouns": {"type": ["array", "null"], "items": {"type": "string"}}, "birth_date": DATE, "death_date": DATE,
        "image": TEXT, "summary": TEXT, "biography": TEXT, "national_identity": TEXT,
        "contact_details": array_of(CONTACT_DETAIL), "memberships": {"type": "array"}, "motions": {"type": "array"},
        "speeches": {"type": "array"}, "votes": {"type": "array"}, **COMMON,
    },
    "required": ["id", "name"],
    "additionalProperties": False,
}

ORGANIZATION = {
    "type": "object",
    "properties": {
        "id": ID, "name": NAME, "other_names": array_of(OTHER_NAME), "identifiers": array_of(IDENTIFIER),
        "classification": TEXT, "parent_id": {"type": ["string", "null"]}, "parent": {"type": "object"},
        "area_id": TEXT, "area": {"type": "object"}, "abstract": TEXT, "description": TEXT,
        "founding_date": DATE, "dissolution_date": DATE, "image": TEXT, "contact_details": array_of(CONTACT_DETAIL),
        "memberships": {"type": "array"}, "posts": {"type": "array"}, "motions": {"type": "array"},
        "vote_events": {"type": "array"}, "votes": {"type": "array"}, "children": {"type": "array"}, **COMMON,
    },
    "required": ["id", "name", "classification"],
    "additionalProperties": False,
}

# Popolo's "member" is any object; Charter writes {"@type": "Person" or "Organization", "id": …} as in the
# specification's coalition example.
MEMBER = {
    "type": "object",
    "properties": {"@type": {"enum": ["Person", "Organization"]}, "id": ID},
    "required": ["@type", "id"],
}

MEMBERSHIP = {
    "type": "object",
    "properties": {
        "id": ID, "label": TEXT, "role": TEXT, "member": MEMBER, "person_id": TEXT, "person": {"type": "object"},
        "organization_id": TEXT, "organization": {"type": "object"}, "post_id": TEXT, "post": {"type": "object"},
        "on_behalf_of_id": TEXT, "on_behalf_of": {"type": "object"}, "area_id": TEXT, "area": {"type": "object"},
        "start_date": DATE_TIME, "end_date": DATE_TIME, "contact_details": array_of(CONTACT_DETAIL), **COMMON,
    },
    "required": ["id"],
    # A membership is someone's (a person, an organization, or whoever holds the post) in something.
    "anyOf": [{"required": ["person_id"]}, {"required": ["member"]}, {"required": ["post_id"]}],
    "additionalProperties": False,
}

POST = {
    "type": "object",
    "properties": {
        "id": ID, "label": NAME, "other_label": array_of({"type": "string"}), "role": TEXT, "organization_id": TEXT,
        "organization": {"type": "object"}, "area_id": TEXT, "area": {"type": "object"}, "start_date": DATE,
        "end_date": DATE, "contact_details": array_of(CONTACT_DETAIL), "memberships": {"type": "array"}, **COMMON,
    },
    "required": ["id", "label"],
    "additionalProperties": False,
}

DOCUMENT = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "persons": array_of(PERSON), "organizations": array_of(ORGANIZATION), "memberships": array_of(MEMBERSHIP),
        "posts": array_of(POST),
    },
    "required": ["persons", "organizations", "memberships", "posts"],
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def popolo(site):
    path = site / "data" / "popolo.json"
    assert path.is_file(), f"no {path}: the build writes the Popolo file to data/popolo.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_popolo_validates_against_the_schemas_of_persons_organizations_memberships_and_posts(popolo):
    jsonschema.Draft202012Validator.check_schema(DOCUMENT)
    errors = sorted(jsonschema.Draft202012Validator(DOCUMENT).iter_errors(popolo), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20])


def test_popolo_describes_the_organisation(popolo):
    assert popolo["persons"] and popolo["organizations"] and popolo["memberships"] and popolo["posts"]
    assert {o["classification"] for o in popolo["organizations"]} - {"body", "unit"}, "no kind labels as classification"


def test_popolo_ids_are_unique_and_every_reference_is_in_the_file(popolo):
    ids = {}
    for key in ["persons", "organizations", "memberships", "posts"]:
        listed = [item["id"] for item in popolo[key]]
        assert len(listed) == len(set(listed)), f"repeated ids in {key}"
        ids[key] = set(listed)
    for membership in popolo["memberships"]:
        where = f"membership {membership['id']}"
        if "person_id" in membership:
            assert membership["person_id"] in ids["persons"], where
        if "organization_id" in membership:
            assert membership["organization_id"] in ids["organizations"], where
        if "post_id" in membership:
            assert membership["post_id"] in ids["posts"], where
        if "member" in membership:
            kind = "persons" if membership["member"]["@type"] == "Person" else "organizations"
            assert membership["member"]["id"] in ids[kind], where
        assert "organization_id" in membership or "post_id" in membership, f"{where} is in nothing"
    for post in popolo["posts"]:
        if "organization_id" in post:
            assert post["organization_id"] in ids["organizations"], f"post {post['id']}"
    parents = {o["id"]: o.get("parent_id") for o in popolo["organizations"]}
    for organization, parent in parents.items():
        assert parent is None or parent in ids["organizations"], f"organization {organization}"
        seen = {organization}
        while parent is not None:
            assert parent not in seen, f"parent_id goes round in a cycle from {organization}"
            seen.add(parent)
            parent = parents[parent]


def test_popolo_dates_are_real_days_and_memberships_end_after_they_start(popolo):
    day = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    for organization in popolo["organizations"]:
        for key in ["founding_date", "dissolution_date"]:
            assert key not in organization or day.match(organization[key]), organization["id"]
    for membership in popolo["memberships"]:
        start, end = membership.get("start_date"), membership.get("end_date")
        if start and end:
            assert start <= end, f"membership {membership['id']} ends before it starts"


def test_popolo_links_lead_to_pages_of_the_site(popolo, site):
    for key in ["persons", "organizations", "posts"]:
        for item in popolo[key]:
            assert item.get("links"), f"{key} {item['id']} has no link to its page"
            for link in item["links"]:
                url = urlparse(link["url"])
                if url.scheme:
                    assert url.scheme in ("http", "https") and url.netloc, link["url"]
                else:
                    assert (site / link["url"]).is_file(), f"{key} {item['id']}: {link['url']} is not a page of the site"
