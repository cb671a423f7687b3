#!/usr/bin/env python3
"""Generates a governance corpus for the benchmark, deterministically (fixed seed), in two forms:

  <out>/charter/content/   Charter's content format (README "Content"): organer, enheder, roller, personer,
                           projekter, sider, index.md and site.yml, with references Charter accepts
  <out>/hugo/              a Hugo site (config.toml, layouts/ from bench/hugo/, content/) with the same pages,
                           the same Markdown bodies and the same relative `.md` links

Usage: gen_corpus.py PAGES OUT [--seed N]

PAGES counts content files (entities), the home page included. Every page has 600–1,200 words of Danish prose with
headings, bullet and numbered lists, emphasis and relative links to other pages (some with an anchor to the heading
"Baggrund", which every page has). References: ids always exist and have the type README's table asks for;
`parent` and `reports_to` (and `replaces`) always point to an entity generated earlier, so there are no cycles.

Standard library only. The same PAGES and seed give byte-identical files.
"""

import argparse
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Folder and Charter type per kind of entity, and the share of the corpus each kind gets.
KINDS = [
    ("body", "organer", 0.13),
    ("unit", "enheder", 0.13),
    ("role", "roller", 0.20),
    ("person", "personer", 0.20),
    ("project", "projekter", 0.10),
    ("page", "sider", 0.24),
]

# --- Danish vocabulary -------------------------------------------------------------------------------------------

SPECIALER = [
    "kardiologi", "ortopædkirurgi", "neurologi", "geriatri", "akutmedicin", "onkologi", "nefrologi", "endokrinologi",
    "lungemedicin", "gynækologi", "pædiatri", "reumatologi", "urologi", "anæstesi", "radiologi", "klinisk biokemi",
    "almen voksenpsykiatri", "børne- og ungdomspsykiatri", "retspsykiatri", "gerontopsykiatri", "infektionsmedicin",
    "hæmatologi", "dermatologi", "øjensygdomme", "øre-næse-hals", "plastikkirurgi", "karkirurgi", "mave-tarmkirurgi",
]
BYER = [
    "Holbæk", "Køge", "Roskilde", "Slagelse", "Næstved", "Nykøbing F.", "Kalundborg", "Ringsted", "Vordingborg",
    "Faxe", "Sorø", "Odsherred", "Lejre", "Greve", "Solrød", "Stevns", "Guldborgsund", "Lolland",
]
FORNAVNE = [
    "Anne", "Bente", "Camilla", "Dorte", "Eva", "Freja", "Gitte", "Hanne", "Ida", "Jette", "Karen", "Lene", "Mette",
    "Nina", "Pia", "Rikke", "Susanne", "Tina", "Ulla", "Vibeke", "Anders", "Bjarne", "Carsten", "Dan", "Erik", "Frederik",
    "Henrik", "Jens", "Kasper", "Lars", "Mads", "Niels", "Ole", "Peter", "Rasmus", "Søren", "Thomas", "Ulrik", "Jørgen",
    "Åse", "Ærenfried", "Øjvind",
]
EFTERNAVNE = [
    "Andersen", "Bech", "Christensen", "Dahl", "Eriksen", "Frandsen", "Gregersen", "Hansen", "Iversen", "Jensen",
    "Kristensen", "Larsen", "Madsen", "Nielsen", "Olsen", "Petersen", "Rasmussen", "Sørensen", "Thomsen", "Vestergaard",
    "Østergaard", "Dørup", "Brun", "Ellegaard", "Reichstein", "Dyhr", "Holm", "Juhl", "Lund", "Møller", "Aagaard",
]
ROLLER = [
    "Vicedirektør", "Afdelingsledende overlæge", "Afdelingssygeplejerske", "Cheflæge", "Chefsygeplejerske",
    "Kontaktdirektør", "Kvalitetschef", "Udviklingskonsulent", "Sekretariatschef", "Ledende terapeut",
    "Forskningsleder", "Oversygeplejerske", "Planlægningschef", "Direktør", "Specialkonsulent", "Projektleder",
]
ORGAN_KINDS = [("forum", "Forum"), ("udvalg", "Udvalg"), ("styregruppe", "Styregruppe"), ("råd", "Sundhedsfagligt råd"),
               ("møde", "Ledelsesmøde"), ("kreds", "Kreds"), ("ledelse", "Ledelse")]
ORGAN_EMNER = [
    "integration af psykiatri og somatik", "patientsikkerhed", "kapacitet og planlægning", "kvalitet", "forskning",
    "akutområdet", "det nære sundhedsvæsen", "digitalisering", "rekruttering og fastholdelse", "uddannelse",
    "medicinområdet", "samarbejde med kommunerne", "ulighed i sundhed", "forebyggelse", "sammenhængende forløb",
]
PROJEKT_EMNER = [
    "Liaisonpsykiatri", "Flexklinik", "Somatisk opsporing", "Fælles journal", "Tværfaglig visitation", "Akut team",
    "Opfølgende hjemmebesøg", "Digital konsultation", "Fælles kompetenceløft", "Patientrettet forebyggelse",
    "Samlet udskrivning", "Tidlig opsporing", "Mobilt udkørende team", "Fælles medicingennemgang",
]
SIDE_EMNER = [
    "Principper", "Baggrund for modellen", "Milepæle", "Ordliste", "Kvalitetsudvikling", "Forskningssamarbejde",
    "Beslutningsgange", "Mødekalender", "Ansvarsfordeling", "Overgangsåret", "Samarbejdsaftaler", "Økonomi og budget",
    "Evaluering", "Kommunikation", "Inddragelse af patienter", "Datagrundlag",
]

SUBJEKTER = [
    "Forummet", "Ledelsen", "Afdelingen", "Sekretariatet", "Regionen", "Styregruppen", "Enheden", "Direktionen",
    "Sygehusledelsen", "Kontaktdirektøren", "Afdelingsledelsen", "Det sundhedsfaglige råd", "Projektgruppen",
    "Integrationsforum", "Kvalitetsafdelingen", "Hver vicedirektør",
]
VERBER = [
    "understøtter", "koordinerer", "følger", "sikrer", "drøfter", "prioriterer", "udvikler", "evaluerer", "beskriver",
    "godkender", "forbereder", "styrker", "fastlægger", "vurderer", "samler", "formidler",
]
OBJEKTER = [
    "den fælles strategiske retning", "samarbejdet på tværs af sygehusene", "kvaliteten i patientforløbene",
    "ligestillingen mellem psykiatri og somatik", "de større udviklingsprojekter", "den tværgående koordination",
    "kapaciteten i psykiatrien", "dialogen med de sundhedsfaglige råd", "implementeringen af nye indsatser",
    "opsporingen af somatisk sygdom", "forskningen i sammenhængen mellem psykiske og somatiske sygdomme",
    "rammerne for samarbejdet", "de lokale handleplaner", "de fælles mål for integrationen", "porteføljen af projekter",
    "arbejdsgangene i ambulatorierne", "overgangen til den nye region", "opfølgningen på milepælene",
]
TILLAEG = [
    "i overgangsåret 2026", "med faste intervaller", "i tæt samarbejde med Region Hovedstaden", "på alle tre sygehuse",
    "med en vis grad af metodefrihed lokalt", "fra direktion til afsnit og ambulatorier", "inden udgangen af året",
    "på tværs af matrikler", "i dialog med kommunerne", "efter drøftelse på sygehusledelsesmødet",
    "så patienten oplever sammenhæng", "med udgangspunkt i 10-årsplanen", "hvert kvartal", "når det er relevant",
    "i henhold til kommissoriet", "med særligt fokus på de mest udsatte patienter",
]
KONNEKTORER = [
    "Derfor", "Samtidig", "Desuden", "Herudover", "I praksis", "Som hovedregel", "Fremover", "Til det formål",
    "På den baggrund", "I første omgang",
]
OVERSKRIFTER = [
    "Formål", "Opgaver og ansvar", "Sammensætning", "Arbejdsform", "Samarbejde med andre organer", "Mødeform",
    "Opfølgning", "Ledelsesmæssig forankring", "Kvalitet og patientsikkerhed", "Forskning og udvikling",
    "Økonomi", "Milepæle", "Implementering", "Kommunikation", "Evaluering", "Risici", "Afgrænsning",
    "Inddragelse af medarbejdere", "Patientinddragelse", "Sammenhæng på tværs",
]
UNDEROVERSKRIFTER = ["Forudsætninger", "Konkrete tiltag", "Tidsplan", "Ansvarlige", "Status", "Næste skridt"]

DANISH_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})


def slug(text):
    out, dash = [], False
    for ch in text.lower().translate(DANISH_FOLD):
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Entity:
    def __init__(self, type_, folder, ident, title):
        self.type, self.folder, self.id, self.title = type_, folder, ident, title
        self.front = []        # front matter lines after type/title
        self.body = ""
        self.hugo_weight = None

    @property
    def relpath(self):
        return "index.md" if self.id == "index" else f"{self.folder}/{self.id}.md"


class Corpus:
    def __init__(self, pages, seed):
        self.rng = random.Random(seed)
        self.pages = pages
        self.entities = []
        self.by_type = {t: [] for t, _, _ in KINDS}
        self.used_ids = set()

    # -- ids and titles --

    def new(self, type_, folder, title, base=None):
        ident = slug(base or title)[:60].strip("-")
        candidate, n = ident, 2
        while candidate in self.used_ids or candidate in RESERVED:
            candidate = f"{ident}-{n}"
            n += 1
        self.used_ids.add(candidate)
        e = Entity(type_, folder, candidate, title)
        self.entities.append(e)
        self.by_type[type_].append(e)
        return e

    def counts(self):
        rest = self.pages - 1  # index.md
        counts = {t: max(1, int(rest * share)) for t, _, share in KINDS}
        counts["page"] += rest - sum(counts.values())
        return counts

    def generate(self):
        r = self.rng
        counts = self.counts()
        folders = {t: f for t, f, _ in KINDS}

        # Units: one region at the top, every other unit under an earlier one (no cycles). Hospitals under the region.
        units = []
        n_units = counts["unit"]
        hospitals = max(1, min(12, n_units // 20))
        for i in range(n_units):
            if i == 0:
                e = self.new("unit", folders["unit"], "Region Sjælland")
                e.kind = "region"
            elif i <= hospitals:
                e = self.new("unit", folders["unit"], f"{BYER[(i - 1) % len(BYER)]} Sygehus", base=f"{BYER[(i - 1) % len(BYER)]} sygehus {i}")
                e.kind = "sygehus"
                e.parent = units[0]
            else:
                kind = r.choice(["afdeling", "afdeling", "afdeling", "stab", "administration"])
                spec = r.choice(SPECIALER)
                e = self.new("unit", folders["unit"], f"{kind.capitalize()} for {spec}, {r.choice(BYER)}", base=f"{kind} {spec} {i}")
                e.kind = kind
                # Mostly under a hospital or an early unit: a shallow tree, as organisations are.
                e.parent = units[r.randrange(0, min(i, hospitals + 1 + i // 8))]
            units.append(e)

        people = []
        for i in range(counts["person"]):
            name = f"{r.choice(FORNAVNE)} {r.choice(EFTERNAVNE)}"
            people.append(self.new("person", folders["person"], name, base=f"{name} {i}"))

        roles = []
        for i in range(counts["role"]):
            unit = r.choice(units)
            title = f"{r.choice(ROLLER)}, {unit.title}"
            e = self.new("role", folders["role"], title, base=f"{title.split(',')[0]} {i}")
            e.unit = unit
            e.holder = r.choice(people) if r.random() < 0.8 else None
            roles.append(e)
        held, in_unit = {}, {}
        for ro in roles:
            if ro.holder:
                held.setdefault(ro.holder.id, []).append(ro)
            in_unit.setdefault(ro.unit.id, []).append(ro)
        for p in people:
            p.roles = held.get(p.id, [])[:3]
        for u in units:
            u.head = in_unit.get(u.id, [None])[0]

        bodies = []
        for i in range(counts["body"]):
            kind, label = r.choice(ORGAN_KINDS)
            emne = r.choice(ORGAN_EMNER)
            title = f"{label} for {emne}" + ("" if i < len(ORGAN_EMNER) else f", {r.choice(BYER)}")
            e = self.new("body", folders["body"], title, base=f"{label} {emne} {i}")
            e.kind = kind
            e.reports_to = bodies[r.randrange(0, min(i, 1 + i // 6))] if i else None
            e.replaces = None
            bodies.append(e)
        replaced = set()
        for i, e in enumerate(bodies):
            if i > 10 and r.random() < 0.05:
                old = bodies[r.randrange(1, i)]
                if old.id not in replaced and old is not e.reports_to:
                    replaced.add(old.id)
                    e.replaces = old
        for e in bodies:
            e.status = "dissolved" if e.id in replaced else r.choice(["active", "active", "active", "planned", "draft"])

        projects = []
        for i in range(counts["project"]):
            title = f"{r.choice(PROJEKT_EMNER)} i {r.choice(BYER)}"
            projects.append(self.new("project", folders["project"], title, base=f"{title} {i}"))

        pages = []
        home = Entity("page", "sider", "index", "Ledelsesmodel for integration af psykiatri og somatik")
        self.used_ids.add("index")
        self.entities.insert(0, home)
        for i in range(counts["page"]):
            emne = r.choice(SIDE_EMNER)
            title = emne + ("" if i < len(SIDE_EMNER) else f" ({i})")
            pages.append(self.new("page", folders["page"], title, base=f"{emne} {i}"))
        self.by_type["page"].insert(0, home)

        # Front matter.
        for e in units:
            e.front += [f"kind: {e.kind}", "status: active"]
            if getattr(e, "parent", None):
                e.front.append(f"parent: {e.parent.id}")
            if e.head:
                e.front.append(f"head: {e.head.id}")
            e.front += ["sites:"] + [f"  - {yaml_str(b)}" for b in r.sample(BYER, r.randint(1, 3))]
        for e in roles:
            e.front += [f"unit: {e.unit.id}", "status: active"]
            if e.holder:
                e.front.append(f"held_by: {e.holder.id}")
            e.front.append("responsibilities:")
            for _ in range(r.randint(2, 4)):
                e.front.append(f"  - {yaml_str(self.markdown_line(e))}")
        for e in people:
            e.front.append("status: active")
            if e.roles:
                e.front.append("roles: [" + ", ".join(ro.id for ro in e.roles) + "]")
        for e in bodies:
            e.front += [f"short: {yaml_str(e.title.split(' for ')[0])}", f"kind: {e.kind}", f"status: {e.status}"]
            if e.reports_to:
                e.front.append(f"reports_to: {e.reports_to.id}")
            e.front.append(f"chair: {r.choice(roles + people).id}")
            e.front.append("members:")
            for m in r.sample(roles + people + units + bodies, r.randint(3, 8)):
                if m is e:
                    continue
                if r.random() < 0.4:
                    e.front += [f"  - ref: {m.id}", f"    as: {yaml_str(r.choice(ROLLER) + ' med særligt ansvar')}"]
                else:
                    e.front.append(f"  - {m.id}")
            e.front.append(f"secretariat: {r.choice(units).id}")
            e.front.append(f"meets: {yaml_str(r.choice(['Hver måned', 'Hvert kvartal', 'Fire gange om året', 'Efter behov']))}")
            e.front.append(f"established: {self.date()}")
            if e.replaces:
                e.front.append(f"replaces: {e.replaces.id}")
            if r.random() < 0.35:
                e.front += [
                    "terms:",
                    f"  title: {yaml_str('Kommissorium for ' + e.title)}",
                    f"  status: {r.choice(['draft', 'approved'])}",
                    f"  version: \"1.{r.randint(0, 9)}\"",
                ]
                if e.reports_to:
                    e.front += [f"  approved_by: {e.reports_to.id}", f"  approved: {self.date()}"]
                e.front.append(f"  purpose: {yaml_str(self.paragraph(e, 3))}")
                e.front.append("  tasks:")
                for _ in range(r.randint(3, 6)):
                    e.front.append(f"    - {yaml_str(self.markdown_line(e))}")
                e.front.append(f"  period: {yaml_str('Fra ' + self.date() + ' og indtil videre.')}")
        for e in projects:
            e.front += [f"owner: {r.choice(bodies).id}", f"status: {r.choice(['idea', 'planned', 'running', 'done'])}"]
            e.front.append("units: [" + ", ".join(u.id for u in r.sample(units, min(len(units), r.randint(1, 3)))) + "]")
            e.front += [f"start: {self.date()}", f"in_operation_by: {yaml_str('Årsskiftet 2026/2027')}", "goals:"]
            for _ in range(r.randint(2, 4)):
                e.front.append(f"  - {yaml_str(self.markdown_line(e))}")
        for i, e in enumerate(pages):
            e.front.append("status: active")
            if i < 5:
                e.front.append(f"order: {i + 1}")
                e.hugo_weight = i + 1
        home.front.append("status: active")

        for e in self.entities:
            e.summary = self.sentence(e).replace("*", "")  # plain text: summaries are not Markdown
            e.updated = self.date(2024, 2025)
            e.body = self.prose(e)

    # -- prose --

    def date(self, first=2024, last=2026):
        r = self.rng
        return f"{r.randint(first, last)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"

    def link(self, source, anchor_ok=True):
        """A relative `.md` link from `source` to a random other entity (never to the home page)."""
        r = self.rng
        while True:
            target = r.choice(self.entities)
            if target is not source and target.id != "index":
                break
        here = os.path.dirname(source.relpath)
        href = os.path.relpath(target.relpath, here or ".")
        if anchor_ok and r.random() < 0.1:
            href += "#baggrund"
        return f"[{target.title}]({href})"

    def sentence(self, e, links=0.0):
        r = self.rng
        parts = []
        if r.random() < 0.25:
            parts.append(r.choice(KONNEKTORER))
            subject = r.choice(SUBJEKTER).lower()
            verb = r.choice(VERBER)
            parts += [verb, subject]
        else:
            parts += [r.choice(SUBJEKTER), r.choice(VERBER)]
        obj = r.choice(OBJEKTER)
        roll = r.random()
        if roll < 0.12:
            obj = f"*{obj}*"
        elif roll < 0.2:
            obj = f"**{obj}**"
        parts.append(obj)
        parts.append(r.choice(TILLAEG))
        if r.random() < links:
            parts += ["sammen med", self.link(e)]
        if r.random() < 0.3:
            parts += ["og", r.choice(VERBER), r.choice(OBJEKTER)]
        return " ".join(parts) + "."

    def paragraph(self, e, n=None, links=0.0):
        n = n or self.rng.randint(3, 6)
        return " ".join(self.sentence(e, links) for _ in range(n))

    def markdown_line(self, e):
        return self.sentence(e, links=0.5)

    def prose(self, e):
        r = self.rng
        target = r.randint(600, 1200)
        blocks = [self.paragraph(e, links=0.15), "## Baggrund", self.paragraph(e, links=0.15)]
        headings = r.sample(OVERSKRIFTER, len(OVERSKRIFTER))
        words = sum(len(b.split()) for b in blocks)
        while words < target:
            choice = r.random()
            if choice < 0.14 and headings:
                block = "## " + headings.pop()
            elif choice < 0.18:
                block = "### " + r.choice(UNDEROVERSKRIFTER) + f" {len(blocks)}"
            elif choice < 0.30:
                block = "\n".join("- " + self.sentence(e, links=0.3) for _ in range(r.randint(3, 6)))
            elif choice < 0.36:
                block = "\n".join(f"{k}. " + self.sentence(e, links=0.2) for k in range(1, r.randint(3, 5) + 1))
            else:
                block = self.paragraph(e, links=0.15)
            blocks.append(block)
            words += len(block.split())
        return "\n\n".join(blocks) + "\n"

    # -- writing --

    def write(self, out):
        charter = os.path.join(out, "charter", "content")
        hugo = os.path.join(out, "hugo")
        for path in (charter, hugo):
            if os.path.exists(path):
                shutil.rmtree(path)
        os.makedirs(charter)
        with open(os.path.join(charter, "site.yml"), "w", encoding="utf-8") as f:
            f.write('title: "Ledelsesmodel for integration af psykiatri og somatik"\norganisation: "Region Sjælland"\n'
                    'language: da\ndescription: "Et genereret korpus til Charters benchmark."\n')
            # The kinds the corpus uses, declared as every site that writes `kind:` does.
            f.write("kinds:\n  body:\n" + "".join(f'    {key}: "{label}"\n' for key, label in ORGAN_KINDS)
                    + '  unit:\n    region: {label: "Region", top: true}\n    sygehus: "Sygehus"\n    afdeling: "Afdeling"\n'
                    + '    stab: "Stab"\n    administration: "Administration"\n')
        for e in self.entities:
            lines = ["---", f"type: {e.type}", f"title: {yaml_str(e.title)}", f"summary: {yaml_str(e.summary)}",
                     f"updated: {e.updated}"] + e.front + ["---", ""]
            path = os.path.join(charter, e.relpath)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + e.body)

        # Hugo: the same bodies; front matter with what Hugo's templates use (title, description, menu weight).
        shutil.copytree(os.path.join(HERE, "hugo"), hugo)
        os.makedirs(os.path.join(hugo, "static", "assets"), exist_ok=True)
        css = os.path.join(HERE, "..", "templates", "assets", "style.css")
        if os.path.exists(css):
            shutil.copy(css, os.path.join(hugo, "static", "assets", "style.css"))
        for e in self.entities:
            lines = ["---", f"title: {yaml_str(e.title)}", f"description: {yaml_str(e.summary)}"]
            if e.hugo_weight is not None:
                lines += ["menu:", "  main:", f"    weight: {e.hugo_weight}"]
            lines += ["---", ""]
            rel = "_index.md" if e.id == "index" else e.relpath
            path = os.path.join(hugo, "content", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + e.body)
        # Hugo's home page is content/_index.md; the one link form that differs is a link to the home page,
        # which the generator never writes.


RESERVED = {"organer", "enheder", "roller", "personer", "projekter", "sider", "tidslinje", "soeg", "assets", "print",
            "404", "sitemap", "organisation", "index"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.pages < 20:
        sys.exit("gen_corpus.py: at least 20 pages")
    corpus = Corpus(args.pages, args.seed)
    corpus.generate()
    corpus.write(args.out)
    words = sum(len(e.body.split()) for e in corpus.entities)
    print(f"generated {len(corpus.entities)} pages ({words / len(corpus.entities):.0f} words per page) in {args.out}")


if __name__ == "__main__":
    main()
