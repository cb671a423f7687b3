#!/usr/bin/env python3
"""Prints the folder dependency graph of Sources/CharterCore and checks it against the layers below.

    python3 Tests/tools/layers.py            # the graph: each edge with the names that cause it, then the cycles
    python3 Tests/tools/layers.py --check    # the same, and exit code 1 if a folder uses a folder it may not

A folder (or `Build` for the files at the top of Sources/CharterCore) declares the top-level names of its files: types,
protocols, typealiases, free functions and global constants. A folder that extends another folder's type uses that
type, and declares the members it writes there, as it does those it adds to a type of the standard library:
`extension Site { func singular … }` in Localization would make every `.singular` a use of Localization (shown as
`.singular`; only for a name no other declaration in the library has, and with the first argument label, so that
`firstIndex(ofByte:)` is not the standard `firstIndex(of:)`). A folder uses another when an identifier in its code,
outside comments and string literals (string interpolations are code), is one of the other's names. This is
identifier-level, without type checking: good enough for folders.

The rule (--check): a folder may use folders of lower layers only, never one of its own layer or a higher one,
except for the edges in KNOWN, each of which names what makes it and is to be removed. LayerTests runs --check.
"""
import argparse
import collections
import pathlib
import re
import sys

# The layers of Sources/CharterCore, lowest first: a folder may use only folders of the layers before its own. `Build`
# would stand for files at the top of Sources/CharterCore (there are none). README.md's "Layout of the code" lists the same.
LAYERS = [
    ["Diagnostics", "Concurrency", "System"],
    ["Content"],
    ["Localization"],
    ["Model"],
    ["Render"],
    ["Charts", "OpenData", "Output"],
    ["Pages", "Print"],
    ["Build"],
    ["Commands", "Init"],
]

# Edges that break the layers, each with the files that make it; each is to be removed.
KNOWN = {}

DECLARATION = {"struct", "class", "enum", "protocol", "actor", "typealias", "func", "let", "var"}
MEMBER = {"func", "var", "let", "case", "struct", "class", "enum", "typealias"}
IDENTIFIER = re.compile(r"`?[A-Za-z_][A-Za-z0-9_]*`?|[{}().]|\S")
STRING_START = re.compile(r'(#*)("""|")')


def code_only(source):
    """The source with comments and string literals blanked out; the code inside string interpolations is kept."""
    out, i, n = [], 0, len(source)
    interpolations = []  # for each string we are inside an interpolation of: [quote, hashes, open parentheses]
    string = None  # (quote, hashes) while inside a string literal
    while i < n:
        if string:
            quote, hashes = string
            if source.startswith("\\" + hashes, i):
                j = i + 1 + len(hashes)
                if source.startswith("(", j):
                    interpolations.append([quote, hashes, 0])
                    string = None
                    out.append(" (")
                    i = j + 1
                else:
                    i = j + 1
            elif source.startswith(quote + hashes, i):
                string = None
                out.append(" ")
                i += len(quote) + len(hashes)
            else:
                out.append("\n" if source[i] == "\n" else "")
                i += 1
            continue
        c = source[i]
        if source.startswith("//", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
            out.append(" ")
            continue
        if source.startswith("/*", i):
            depth = 0
            while i < n:
                if source.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif source.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                    if depth == 0:
                        break
                else:
                    i += 1
            out.append(" ")
            continue
        if c in "\"#":
            match = STRING_START.match(source, i)
            if match:
                string = (match.group(2), match.group(1))
                out.append(" ")
                i = match.end()
                continue
        if interpolations and c == "(":
            interpolations[-1][2] += 1
        elif interpolations and c == ")":
            if interpolations[-1][2] == 0:
                quote, hashes, _ = interpolations.pop()
                string = (quote, hashes)
                out.append(") ")
                i += 1
                continue
            interpolations[-1][2] -= 1
        out.append(c)
        i += 1
    return "".join(out)


def tokens(code):
    return [t.strip("`") for t in IDENTIFIER.findall(code)]


def folder_of(path, root):
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "Build"


def read(root):
    """Per file: its folder and tokens; per folder: the top-level names it declares; per name: the folders declaring it."""
    files = {}
    for path in sorted(root.rglob("*.swift")):
        files[path] = (folder_of(path, root), tokens(code_only(path.read_text())))
    declared = collections.defaultdict(set)  # name → folders that declare it at the top level
    for folder, toks in files.values():
        depth = 0
        for i, t in enumerate(toks[:-1]):
            if t == "{":
                depth += 1
            elif t == "}":
                depth -= 1
            elif depth == 0 and t in DECLARATION and toks[i - 1] != "." and re.match(r"[A-Za-z_]", toks[i + 1]):
                # A private name is seen only in its own file, so it cannot make an edge (nor be mistaken for another's).
                if not {"private", "fileprivate"} & set(toks[max(0, i - 3):i]):
                    declared[toks[i + 1]].add(folder)
    # Members anywhere (any depth), to know which extension members have a name of their own.
    member_count = collections.Counter()
    for folder, toks in files.values():
        for i, t in enumerate(toks[:-1]):
            if t in MEMBER and toks[i - 1] != "." and re.match(r"[A-Za-z_]", toks[i + 1]):
                member_count[toks[i + 1]] += 1
    extension_members = {}  # name → folder that declares it in an extension of another folder's type
    for folder, toks in files.values():
        depth, extending = 0, None
        for i, t in enumerate(toks[:-1]):
            if t == "{":
                depth += 1
            elif t == "}":
                depth -= 1
                if depth == 0:
                    extending = None
            elif depth == 0 and t == "extension":
                owners = declared.get(toks[i + 1], set())
                extending = toks[i + 1] if folder not in owners else None
            elif depth == 1 and extending and t in MEMBER - {"case"} and re.match(r"[a-z_]", toks[i + 1]):
                name = toks[i + 1]
                if member_count[name] == 1 and name not in declared:
                    extension_members[name] = (folder, first_label(toks, i + 1) if t == "func" else None)
    return files, declared, extension_members


def first_label(toks, i):
    """The argument label of the first parameter of the function named at toks[i], or None when it has none (`_`, no
    parameters): `firstIndex(ofByte:)` is then told from the standard library's `firstIndex(of:)`."""
    j = toks.index("(", i)
    label = toks[j + 1]
    return None if label in {")", "_"} or not re.match(r"[A-Za-z_]", label) else label


def label_at(toks, i):
    """The argument label written after the name at toks[i] in a call (`name(label: …)`), or None."""
    if i + 3 < len(toks) and toks[i + 1] == "(" and toks[i + 3] == ":":
        return toks[i + 2]
    return None


def graph(root):
    """The edges: (user, used) → the names, as they are written, that make them."""
    files, declared, extension_members = read(root)
    edges = collections.defaultdict(set)
    for folder, toks in files.values():
        for i, t in enumerate(toks):
            if t in declared and folder not in declared[t]:
                for other in declared[t]:
                    edges[(folder, other)].add(t)
            elif t in extension_members and extension_members[t][0] != folder and i > 0 and toks[i - 1] == ".":
                owner, label = extension_members[t]
                if label is None or label_at(toks, i) == label:
                    edges[(folder, owner)].add("." + t)
    return edges


def cycles(edges):
    """The elementary cycles of the graph, each once (starting at its smallest folder), shortest first."""
    successors = collections.defaultdict(set)
    for a, b in edges:
        successors[a].add(b)
    found = []

    def walk(start, node, path):
        for nxt in sorted(successors[node]):
            if nxt == start:
                found.append(path + [start])
            elif nxt > start and nxt not in path:
                walk(start, nxt, path + [nxt])

    for start in sorted(successors):
        walk(start, start, [start])
    return sorted(found, key=len)


def layer_index():
    return {folder: i for i, layer in enumerate(LAYERS) for folder in layer}


def violations(edges):
    """The edges that go to a folder of the same layer or a higher one, and are not in KNOWN."""
    index = layer_index()
    wrong = []
    for (a, b), names in sorted(edges.items()):
        if a not in index or b not in index:
            wrong.append((a, b, names, "folder not in LAYERS"))
        elif index[b] >= index[a] and (a, b) not in KNOWN:
            wrong.append((a, b, names, "same layer" if index[a] == index[b] else "upwards"))
    return wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(pathlib.Path(__file__).resolve().parents[2] / "Sources" / "CharterCore"))
    parser.add_argument("--check", action="store_true", help="exit 1 when a folder uses one it may not")
    parser.add_argument("--without-known", action="store_true", help="allow no edge of KNOWN (for another tree)")
    parser.add_argument("--all-cycles", action="store_true", help="print every cycle, not only the 20 shortest")
    arguments = parser.parse_args()
    if arguments.without_known:
        KNOWN.clear()
    edges = graph(pathlib.Path(arguments.root))
    index = layer_index()
    print("Edges (folder → folder it uses: names):")
    for (a, b), names in sorted(edges.items(), key=lambda e: (index.get(e[0][0], 99), e[0][0], index.get(e[0][1], 99))):
        mark = "" if index.get(b, 99) < index.get(a, -1) else ("  [known]" if (a, b) in KNOWN else "  [crossing]")
        print(f"  {a} → {b}: {', '.join(sorted(names))}{mark}")
    found = cycles(edges)
    print(f"Cycles: {len(found)}")
    shown = found if arguments.all_cycles else found[:20]
    for cycle in shown:
        print("  " + " → ".join(cycle))
    if len(shown) < len(found):
        print(f"  … and {len(found) - len(shown)} longer ones (--all-cycles)")
    stale = [edge for edge in KNOWN if edge not in edges]
    for a, b in stale:
        print(f"Known edge no longer there, remove it from KNOWN: {a} → {b}")
    if arguments.check:
        wrong = violations(edges)
        for a, b, names, why in wrong:
            print(f"error: {a} may not use {b} ({why}): {', '.join(sorted(names))}")
        if wrong or stale:
            sys.exit(1)


if __name__ == "__main__":
    main()
