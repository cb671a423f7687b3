"""The organisation as linked data, read with a real JSON-LD processor (pyld): `data/organisation.jsonld` turned into RDF
triples and checked against the model (`data/model.json`, or the entity pages when the site has no model.json), and the
JSON-LD block in the <head> of every entity page parsed and expanded.

Contexts are inline only: the document loader refuses every remote URL, so a context that pointed elsewhere would fail.
"""
import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
IDENTIFIER = "http://purl.org/dc/terms/identifier"
REPOSITORY = Path(__file__).resolve().parents[2]
DESCRIBED_TYPES = {"body", "unit", "role", "person", "project"}
CLASS_OF_TYPE = {"body": ORG + "Organization", "unit": ORG + "OrganizationalUnit", "role": ORG + "Post",
                 "person": "http://xmlns.com/foaf/0.1/Person", "project": "https://schema.org/Project"}
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def no_remote_documents(url, options=None):
    raise AssertionError(f"JSON-LD processing tried to load a remote document: {url}")


OPTIONS = {"documentLoader": no_remote_documents}


class Triples:
    """The triples of a JSON-LD document, indexed both ways; objects are IRIs, blank node labels or literal values."""

    def __init__(self, document):
        self.nquads = jsonld.to_rdf(document, {**OPTIONS, "format": "application/n-quads"})
        dataset = jsonld.to_rdf(document, OPTIONS)
        self.triples = {(t["subject"]["value"], t["predicate"]["value"], t["object"]["value"]) for t in dataset["@default"]}
        self._objects, self._subjects = {}, {}
        for s, p, o in self.triples:
            self._objects.setdefault((s, p), set()).add(o)
            self._subjects.setdefault((p, o), set()).add(s)

    def __len__(self):
        return len(self.triples)

    def objects(self, subject, predicate):
        return self._objects.get((subject, predicate), set())

    def subjects(self, predicate, obj):
        return self._subjects.get((predicate, obj), set())

    def has(self, subject, predicate, obj):
        return (subject, predicate, obj) in self.triples


@pytest.fixture(scope="module")
def document(site):
    path = site / "data" / "organisation.jsonld"
    assert path.is_file(), f"no {path.relative_to(site)}: the build writes the organisation as JSON-LD there"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def triples(document):
    return Triples(document)


@pytest.fixture(scope="module")
def iri(triples):
    """The IRI of each entity, by the id its node gives as dcterms:identifier."""
    found = {}
    for subject, predicate, obj in triples.triples:
        if predicate == IDENTIFIER:
            assert obj not in found, f"two nodes say they are '{obj}': {found[obj]} and {subject}"
            found[obj] = subject
    return found


@pytest.fixture(scope="module")
def model(site):
    """What the graph must say, by entity id: type, page, every seat (chair first), possible parents and successor.
    From data/model.json when the site has one ("exact": every seat as written); else from the entity pages ("exact"
    false: a page lists the members of its day, so each must have a seat, and there may be more)."""
    path = site / "data" / "model.json"
    if path.is_file():
        return model_from_json(json.loads(path.read_text(encoding="utf-8")))
    return model_from_pages(site)


def model_from_json(data):
    entities = {}
    for entity in data["entities"]:
        if entity["type"] not in DESCRIBED_TYPES:
            continue
        parents = {entity["parent"]} if entity.get("parent") else set()
        parents |= {value["id"] for value in entity.get("dated", {}).get("parent", [])}
        seats = ([entity["chair"]] if entity.get("chair") else []) + [member["id"] for member in entity.get("members", [])]
        entities[entity["id"]] = {"type": entity["type"], "page": entity.get("page", {}).get("path"), "seats": seats,
                                  "parents": parents, "successor": entity.get("replaced_by"), "exact": True}
    for entity in data["entities"]:
        replaced = entity.get("replaces", [])
        for one in replaced if isinstance(replaced, list) else [replaced]:
            if one in entities and not entities[one]["successor"]:
                entities[one]["successor"] = entity["id"]
    return entities


def model_from_pages(site):
    """The entity pages' own words: the article's type, the links of the members and child-unit sections (whose ids
    the theme fixes), and the links of the facts labelled chair and replaced-by in the site's language."""
    pages = {p.parent.name: p for p in site.glob("*/index.html")}
    language = re.search(r'<html[^>]* lang="([^"]+)"', (site / "index.html").read_text(encoding="utf-8")).group(1)
    labels = translation_labels(language)
    entities = {}
    for id, path in sorted(pages.items()):
        html = path.read_text(encoding="utf-8")
        found = re.search(r'<article class="entity entity-(\w+)"', html)
        if not found or found.group(1) not in DESCRIBED_TYPES:
            continue
        facts = dict(re.findall(r"<div><dt>(.*?)</dt><dd>(.*?)</dd></div>", html))
        chair = linked_ids(facts.get(labels.get("field_chair"), ""))
        successor = linked_ids(facts.get(labels.get("field_replaced_by"), ""))
        entities[id] = {"type": found.group(1), "page": f"{id}/index.html", "parents": set(), "exact": False,
                        "seats": chair + linked_ids(section(html, "medlemmer")),
                        "successor": successor[0] if successor else None, "children": linked_ids(section(html, "underenheder"))}
    for id, entity in entities.items():
        for child in entity.pop("children"):
            if child in entities:
                entities[child]["parents"].add(id)
    return entities


def translation_labels(language):
    path = REPOSITORY / "templates" / "i18n" / f"{language}.yaml"
    if not path.is_file():
        return {}
    return dict(re.findall(r"^(field_\w+): *\"?(.*?)\"?$", path.read_text(encoding="utf-8"), re.M))


def section(html, heading_id):
    found = re.search(rf'<section[^>]* aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', html, re.S)
    return found.group(1) if found else ""


def linked_ids(html):
    return re.findall(r'href="(?:\.\./)*([a-z0-9-]+)/(?:index\.html)?(?:#[^"]*)?"', html)


def test_the_organisation_expands_to_triples_with_a_node_of_the_right_class_per_entity(triples, iri, model):
    print(f"organisation.jsonld: {len(triples)} triples")
    assert len(triples) > 0
    assert len(set(triples.nquads.splitlines())) == len(triples)
    assert triples.subjects(RDF_TYPE, ORG + "FormalOrganization"), "no org:FormalOrganization for the organisation itself"
    for id, entity in model.items():
        assert id in iri, f"{entity['type']} '{id}' has no node in organisation.jsonld"
        assert CLASS_OF_TYPE[entity["type"]] in triples.objects(iri[id], RDF_TYPE), f"'{id}' is not a {CLASS_OF_TYPE[entity['type']]}"


def test_every_body_has_a_membership_for_each_seat_the_model_gives_it(triples, iri, model):
    bodies = {id: entity for id, entity in model.items() if entity["type"] == "body"}
    assert bodies
    for id, body in bodies.items():
        memberships = triples.subjects(ORG + "organization", iri[id])
        members = sorted(m for membership in memberships for m in triples.objects(membership, ORG + "member"))
        expected = sorted(iri[seat] for seat in body["seats"] if seat in iri)
        if body["exact"]:
            assert members == expected, f"the memberships of '{id}'"
        else:
            assert set(expected) <= set(members), f"'{id}' lists members its memberships do not have"
        for membership in memberships:
            assert ORG + "Membership" in triples.objects(membership, RDF_TYPE)
            assert len(triples.objects(membership, ORG + "role")) == 1, f"{membership} has no org:role"
            for member in triples.objects(membership, ORG + "member"):
                assert triples.has(member, ORG + "hasMembership", membership), f"{member} lacks org:hasMembership {membership}"
    assert any(triples.subjects(ORG + "organization", iri[id]) for id in bodies), "no body has any membership"


def test_every_unit_with_a_parent_is_a_sub_organization_of_it(triples, iri, model):
    organisations = triples.subjects(RDF_TYPE, ORG + "FormalOrganization")
    for id, unit in model.items():
        if unit["type"] != "unit":
            continue
        above = triples.objects(iri[id], ORG + "subOrganizationOf")
        if unit["parents"]:
            assert above, f"unit '{id}' has a parent but no org:subOrganizationOf"
            assert above <= {iri[parent] for parent in unit["parents"]}, f"unit '{id}' hangs under {above}"
            for parent in above:
                assert triples.has(parent, ORG + "hasSubOrganization", iri[id])
        elif unit["exact"]:
            assert triples.objects(iri[id], ORG + "unitOf") <= organisations and triples.objects(iri[id], ORG + "unitOf"), \
                f"top unit '{id}' is not org:unitOf the organisation"


def test_every_entity_replaced_by_a_successor_ends_in_a_change_event(triples, iri, model):
    replaced = {id: entity["successor"] for id, entity in model.items() if entity.get("successor") in iri}
    for id, successor in replaced.items():
        events = triples.subjects(ORG + "originalOrganization", iri[id])
        assert events, f"'{id}' is replaced by '{successor}' but is the org:originalOrganization of no org:ChangeEvent"
        assert any(triples.has(event, ORG + "resultingOrganization", iri[successor]) for event in events), \
            f"no change event of '{id}' results in '{successor}'"
        for event in events:
            assert ORG + "ChangeEvent" in triples.objects(event, RDF_TYPE)
            assert triples.has(iri[id], ORG + "changedBy", event)
            for result in triples.objects(event, ORG + "resultingOrganization"):
                assert triples.has(result, ORG + "resultedFrom", event)


def test_every_entity_page_has_a_json_ld_block_that_expands_to_its_node(site, triples, iri, model):
    checked = 0
    for id, entity in model.items():
        if not entity["page"] or not (site / entity["page"]).is_file():
            continue
        html = (site / entity["page"]).read_text(encoding="utf-8")
        head = html.split("</head>", 1)[0]
        blocks = SCRIPT.findall(head)
        assert len(blocks) == 1, f"{entity['page']} has {len(blocks)} JSON-LD blocks in its <head>"
        block = json.loads(blocks[0])
        assert isinstance(block.get("@context"), dict), f"{entity['page']}: the block's @context must be inline"
        expanded = jsonld.expand(block, OPTIONS)
        assert len(expanded) == 1 and expanded[0]["@id"] == iri[id], f"{entity['page']} describes {expanded[0].get('@id')}"
        assert set(expanded[0]["@type"]) <= triples.objects(iri[id], RDF_TYPE)
        assert {o for _, _, o in Triples(block).triples if o.startswith(("http", "urn:"))} <= {o for _, _, o in triples.triples} | {s for s, _, _ in triples.triples}
        checked += 1
    assert checked, "no entity page was found"
