#!/usr/bin/env python3
"""Prints what makes a PDF accessible, read with pikepdf, as JSON for the Swift tests (Tests/CharterCoreTests/Print).

    python3 Tests/tools/pdf_structure.py FILE.pdf

Prints {"marked", "has_struct_tree", "lang", "title", "display_title", "ua_part", "outline", "artifacts",
"untagged_text", "tags", "headings", "tree"}: `tree` is the structure tree as nested {"tag", "text", "kids"}, where
`text` is the text of the marked content an element holds itself (decoded with the fonts' ToUnicode maps);
`headings` are the H1–H6 elements in the tree's order with their whole text; `artifacts` counts the content marked
as /Artifact (page furniture) and `untagged_text` the text shown outside any marked content. Exit code 3 when pikepdf
is missing, so a test can skip with a clear message.
"""
import json
import re
import sys

try:
    import pikepdf
except ImportError:
    print("pikepdf is not installed: pip install pikepdf (make test-deps installs it)", file=sys.stderr)
    sys.exit(3)


def to_unicode_map(font):
    """The code → text map of a font's ToUnicode CMap (bfchar and bfrange), and the width of its codes in bytes."""
    mapping, width = {}, 1
    if "/ToUnicode" not in font:
        return mapping, width
    cmap = font.ToUnicode.read_bytes().decode("latin-1")
    space = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", cmap)
    if space:
        width = len(space.group(1)) // 2
    hexutf16 = lambda h: bytes.fromhex(h).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(code, 16)] = hexutf16(text)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            low, high = int(low, 16), int(high, 16)
            if rest.startswith("["):
                for offset, text in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", rest)):
                    mapping[low + offset] = hexutf16(text)
            else:
                start = int(rest[1:-1], 16)
                size = len(rest[1:-1]) // 2
                for offset in range(high - low + 1):
                    mapping[low + offset] = (start + offset).to_bytes(size, "big").decode("utf-16-be", "replace")
    return mapping, width


def decode(data, font_map):
    mapping, width = font_map
    codes = [int.from_bytes(data[i:i + width], "big") for i in range(0, len(data), width)]
    return "".join(mapping.get(code, "") for code in codes)


def page_texts(page):
    """The text of each MCID on `page`, the number of artifact sections, and the text shown outside marked content."""
    fonts = {}
    resources = page.obj.get("/Resources", {})
    for name, font in resources.get("/Font", {}).items():
        fonts[name] = to_unicode_map(font)
    texts, artifacts, untagged = {}, 0, []
    stack, font = [], None
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "BDC":
            properties = operands[1]
            mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
            stack.append(("mcid", int(mcid)) if mcid is not None else (str(operands[0]), None))
            if str(operands[0]) == "/Artifact":
                artifacts += 1
        elif op == "BMC":
            stack.append((str(operands[0]), None))
            if str(operands[0]) == "/Artifact":
                artifacts += 1
        elif op == "EMC":
            if stack:
                stack.pop()
        elif op == "Tf":
            font = fonts.get(str(operands[0]), ({}, 1))
        elif op in ("Tj", "'", '"', "TJ"):
            pieces = operands[-1] if op == "TJ" else [operands[-1]]
            text = "".join(decode(bytes(piece), font or ({}, 1)) for piece in pieces if isinstance(piece, pikepdf.String))
            marked = next((value for kind, value in reversed(stack) if kind == "mcid"), None)
            if marked is not None:
                texts[marked] = texts.get(marked, "") + text
            elif not any(kind == "/Artifact" for kind, _ in stack):
                untagged.append(text)
    return texts, artifacts, untagged


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    pages = {page.objgen: page for page in pdf.pages}
    mcid_text, artifacts, untagged = {}, 0, []
    for page in pdf.pages:
        texts, count, outside = page_texts(page)
        mcid_text[page.objgen] = texts
        artifacts += count
        untagged += outside

    def node(element, page):
        if not isinstance(element, pikepdf.Dictionary):
            return None
        if "/Pg" in element:
            page = element.Pg.objgen
        tag = str(element.get("/S", "")).lstrip("/")
        own, kids = "", []
        children = element.get("/K")
        if children is None:
            children = []
        elif not isinstance(children, pikepdf.Array):
            children = [children]
        for child in children:
            if isinstance(child, int):
                own += mcid_text.get(page, {}).get(int(child), "")
            elif isinstance(child, pikepdf.Dictionary) and child.get("/Type") == "/MCR":
                child_page = child.Pg.objgen if "/Pg" in child else page
                own += mcid_text.get(child_page, {}).get(int(child.MCID), "")
            elif isinstance(child, pikepdf.Dictionary) and child.get("/Type") == "/OBJR":
                continue
            else:
                kid = node(child, page)
                if kid:
                    kids.append(kid)
        return {"tag": tag, "text": own, "kids": kids}

    def whole(tree):
        # Lines of a heading are separate marked content with no space between them.
        return " ".join([tree["text"]] + [whole(kid) for kid in tree["kids"]])

    tags, headings = {}, []

    def walk(tree):
        tags[tree["tag"]] = tags.get(tree["tag"], 0) + 1
        if re.fullmatch(r"H[1-6]", tree["tag"]):
            headings.append({"tag": tree["tag"], "text": " ".join(whole(tree).split())})
        for kid in tree["kids"]:
            walk(kid)

    tree = None
    if "/StructTreeRoot" in root:
        tree = node(pikepdf.Dictionary(S=pikepdf.Name("/StructTreeRoot"), K=root.StructTreeRoot.get("/K", pikepdf.Array())), None)
        walk(tree)

    outline = []
    with pdf.open_outline() as opened:
        def items(entries, depth):
            for entry in entries:
                outline.append({"depth": depth, "title": entry.title})
                items(entry.children, depth + 1)
        items(opened.root, 0)

    metadata = pdf.open_metadata()
    mark_info = root.get("/MarkInfo", {})
    preferences = root.get("/ViewerPreferences", {})
    print(json.dumps({
        "marked": bool(mark_info.get("/Marked", False)),
        "has_struct_tree": "/StructTreeRoot" in root,
        "lang": str(root.get("/Lang", "")),
        "title": str(pdf.docinfo.get("/Title", "")),
        "display_title": bool(preferences.get("/DisplayDocTitle", False)),
        "ua_part": metadata.get("pdfuaid:part", ""),
        "outline": outline,
        "artifacts": artifacts,
        "untagged_text": " ".join("".join(untagged).split()),
        "tags": tags,
        "headings": headings,
        "tree": tree,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
