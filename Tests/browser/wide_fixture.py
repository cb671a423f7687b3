"""Writes the generated wide-organisation fixture: a foundation whose technical steering committee has 40 groups under
it (as a large open-source community's governance has), some with long names, a board that reports to the foundation
unit, and committees with no line to anything. `make site-test` builds it and runs the chart tests on it.

Usage: python3 wide_fixture.py OUTPUT_FOLDER
"""
import sys
from pathlib import Path

GROUPS = [
    "API Machinery", "Apps", "Architecture", "Auth", "Autoscaling", "Command Line", "Cloud Provider", "Cluster Lifecycle",
    "Contributor Experience", "Documentation", "Instrumentation", "Multicluster", "Networking", "Node", "Release",
    "Scalability", "Scheduling", "Security", "Storage", "Testing", "User Interface", "Windows", "Batch Workloads",
    "Data Protection", "Device Management", "Long Term Support", "Model Serving", "Structured Logging",
    "Continuous Integration Infrastructure and Release Engineering", "Accessibility of the Documentation Website",
    "Internationalisation and Localisation", "Policy", "Service Catalogue", "Edge Computing", "Observability",
    "Supply Chain Integrity and Software Bill of Materials", "Performance Benchmarking", "Mentoring", "Events",
    "Naming",
]


def page(path, fields, body=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["---"] + [f"{key}: {value}" for key, value in fields.items()] + ["---", body]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-").replace("--", "-")


def write(root):
    root = Path(root)
    (root / "site.yml").parent.mkdir(parents=True, exist_ok=True)
    (root / "site.yml").write_text(
        'title: "Governance of the Meridian Foundation"\norganisation: "Meridian Foundation"\nlanguage: en\n'
        'description: "A generated organisation with a forty-group level, for the chart tests."\nbase_url: ""\n'
        "kinds:\n  body:\n    board: Board\n    committee: Committee\n    sig: Special Interest Group\n"
        "  unit:\n    foundation: Foundation\n    team: Team\n", encoding="utf-8")
    page(root / "index.md", {"type": "page", "title": '"Meridian Foundation governance"'}, "The generated wide organisation.")
    page(root / "units/foundation.md", {"type": "unit", "title": '"Meridian Foundation"', "kind": "foundation"})
    for team in ["Infrastructure Team", "Events and Marketing Team", "Legal and Licensing Team"]:
        page(root / f"units/{slug(team)}.md", {"type": "unit", "title": f'"{team}"', "kind": "team", "parent": "foundation"})
    page(root / "roles/tsc-chair.md", {"type": "role", "title": '"Chair of the Technical Steering Committee"', "unit": "foundation"})
    page(root / "bodies/governing-board.md", {"type": "body", "title": '"Governing Board"', "kind": "board", "reports_to": "foundation"})
    page(root / "bodies/tsc.md", {"type": "body", "title": '"Technical Steering Committee"', "kind": "committee",
                                  "reports_to": "governing-board", "chair": "tsc-chair", "secretariat": "infrastructure-team"})
    for index, name in enumerate(GROUPS):
        page(root / f"bodies/sig-{slug(name)}.md", {"type": "body", "title": f'"SIG {name}"', "kind": "sig", "reports_to": "tsc",
                                                    "summary": f'"Special interest group {index + 1} of {len(GROUPS)}."'})
    for name in ["Code of Conduct Committee", "Election Committee", "Trademark and Brand Usage Committee"]:
        page(root / f"bodies/{slug(name)}.md", {"type": "body", "title": f'"{name}"', "kind": "committee"})


if __name__ == "__main__":
    write(sys.argv[1])
