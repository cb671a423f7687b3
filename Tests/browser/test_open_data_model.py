"""The open data of a built site (`data/`): the whole model as JSON with its JSON Schema, and the CSV tables.

- `model.json` is valid against `model.schema.json`, checked with the `jsonschema` package (Draft 2020-12, formats
  checked), and the schema is not vacuous: it rejects a key, a status and an id that the model may not hold;
- every reference in `model.json` names an entity in it, and every entity's page is a file of the site;
- each CSV table, read back with Python's `csv` module, starts with a byte order mark, is written exactly as Python
  writes RFC 4180 with CRLF line ends, has the expected header, one row per entity of its type (memberships: one per
  seat at a body's table) with the titles and page addresses of `model.json`, and keeps the Danish letters of a Danish site.
"""
import copy
import csv
import io
import json

import pytest
from jsonschema import Draft202012Validator

BOM = "\ufeff".encode("utf-8")
# The first characters a spreadsheet runs as a formula: such a cell is written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CLOSING = ["summary", "updated", "url"]
HEADERS = {
    "bodies.csv": ["id", "title", "short", "kind", "kind_label", "status", "reports_to", "chair", "chair_title", "secretariat", "meets",
                   "established", "ends", "replaces", "replaced_by", "terms_status", *CLOSING],
    "units.csv": ["id", "title", "short", "kind", "kind_label", "status", "parent", "head", "sites", "established", "ends",
                  "replaced_by", *CLOSING],
    "roles.csv": ["id", "title", "status", "unit", "held_by", "holders", *CLOSING],
    "people.csv": ["id", "title", "status", "roles", *CLOSING],
    "memberships.csv": ["body_id", "body_title", "member_id", "member_title", "member_type", "role", "label", "from", "until"],
    "projects.csv": ["id", "title", "status", "owner", "units", "start", "in_operation_by", *CLOSING],
}
TYPES = {"bodies.csv": "body", "units.csv": "unit", "roles.csv": "role", "people.csv": "person", "projects.csv": "project"}
REFERENCE_FIELDS = ["reports_to", "chair", "secretariat", "replaced_by", "parent", "head", "unit", "held_by", "owner"]
REFERENCE_LISTS = ["roles", "units"]
# One id, or a list of ids for a merger.
ONE_OR_MORE = ["replaces"]
DANISH = set("æøåÆØÅ")


@pytest.fixture(scope="module")
def model(site):
    return json.loads((site / "data" / "model.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema(site):
    return json.loads((site / "data" / "model.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator(schema):
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def guarded(value):
    """A cell as the CSV writes it: with a leading apostrophe when a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def table(site, name):
    """The rows of a CSV table as dicts, after checking its byte order mark and that it is written as RFC 4180 with CRLF."""
    raw = (site / "data" / name).read_bytes()
    assert raw.startswith(BOM), f"{name} does not start with a UTF-8 byte order mark"
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    assert again.getvalue() == text, f"{name} is not written as RFC 4180 with CRLF line ends"
    assert rows and rows[0] == HEADERS[name], f"{name} has the header {rows[0] if rows else None}"
    assert all(len(row) == len(rows[0]) for row in rows), f"{name} has rows of another width than its header"
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def page_address(entity):
    return entity["page"].get("url", entity["page"]["path"])


# model.json and its schema.

def test_the_schema_is_itself_a_valid_draft_2020_12_schema(schema):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_model_json_is_valid_against_its_schema(model, validator):
    errors = sorted(validator.iter_errors(model), key=lambda e: list(map(str, e.absolute_path)))
    assert not errors, "\n".join(f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:20])
    assert model["$schema"] == "model.schema.json"
    assert model["entities"], "model.json holds no entity"


def test_the_schema_rejects_what_the_model_may_not_hold(model, validator):
    for change in [lambda e: e.update(colour="blue"), lambda e: e.update(status="bogus"), lambda e: e.update(id="Æble"),
                   lambda e: e.update(updated="2026-02-30"), lambda e: e.pop("page")]:
        broken = copy.deepcopy(model)
        change(broken["entities"][0])
        assert not validator.is_valid(broken), f"the schema accepts {broken['entities'][0]}"


def test_ids_are_unique_and_every_reference_names_an_entity_of_the_model(model):
    ids = [entity["id"] for entity in model["entities"]]
    assert len(ids) == len(set(ids)), "an id occurs twice"
    known = set(ids)
    for entity in model["entities"]:
        named = [entity[field] for field in REFERENCE_FIELDS if field in entity]
        named += [item for field in REFERENCE_LISTS for item in entity.get(field, [])]
        named += [item for field in ONE_OR_MORE if field in entity
                  for item in (entity[field] if isinstance(entity[field], list) else [entity[field]])]
        named += [member["id"] for member in entity.get("members", [])]
        named += [value["id"] for values in entity.get("dated", {}).values() for value in values]
        named += [entity["terms"]["approved_by"]] if "approved_by" in entity.get("terms", {}) else []
        named += [backlink["from"] for backlink in entity.get("backlinks", [])]
        for key, value in entity.get("relations", {}).items():
            if key == "seats":
                named += [seat["body"] for seat in value] + [seat["via"] for seat in value if "via" in seat]
            else:
                named += value
        unknown = sorted(set(named) - known)
        assert not unknown, f"{entity['id']} names {unknown}, which model.json does not hold"


def test_every_entity_page_is_a_file_of_the_site(site, model):
    base = model["site"].get("base_url")
    for entity in model["entities"]:
        path = entity["page"]["path"]
        assert (site / path).is_file(), f"{entity['id']}: no page at {path}"
        if "url" in entity["page"]:
            assert base, f"{entity['id']} has a page URL on a site without base_url"
            assert entity["page"]["url"].endswith(path.removesuffix("index.html")), entity["page"]


# The CSV tables.

def test_each_table_has_one_row_per_entity_of_its_type_with_the_models_titles_and_pages(site, model):
    for name, kind in TYPES.items():
        entities = [entity for entity in model["entities"] if entity["type"] == kind]
        rows = table(site, name)
        assert [row["id"] for row in rows] == [guarded(entity["id"]) for entity in entities], name
        assert [row["title"] for row in rows] == [guarded(entity["title"]) for entity in entities], name
        assert [row["url"] for row in rows] == [guarded(page_address(entity)) for entity in entities], name
        assert [row["status"] for row in rows] == [guarded(entity.get("status", "")) for entity in entities], name


def test_memberships_have_one_row_per_seat_at_a_bodys_table(site, model):
    by_id = {entity["id"]: entity for entity in model["entities"]}
    expected = []
    for body in (entity for entity in model["entities"] if entity["type"] == "body"):
        seats = ([(body["chair"], "chair", {})] if "chair" in body else []) + [(m["id"], "member", m) for m in body.get("members", [])]
        for member, role, seat in seats:
            expected.append([body["id"], body["title"], member, by_id[member]["title"], by_id[member]["type"], role,
                             seat.get("as", ""), seat.get("from", ""), seat.get("until", "")])
    rows = table(site, "memberships.csv")
    assert [list(row.values()) for row in rows] == [[guarded(cell) for cell in row] for row in expected]


def test_danish_letters_survive_in_every_table(site, model):
    found = set()
    for name in HEADERS:
        kind = TYPES.get(name, "body")
        entities = [e for e in model["entities"] if e["type"] == kind and (name != "memberships.csv" or "chair" in e or "members" in e)]
        letters = {letter for entity in entities for letter in entity["title"] if letter in DANISH}
        text = (site / "data" / name).read_bytes().decode("utf-8-sig")
        assert letters <= set(text), f"{name} lost {sorted(letters - set(text))}"
        found |= letters
    if model["site"]["language"] == "da":
        assert found, "a Danish site whose titles have no Danish letter: the check proves nothing"
