import CharterCore

/// The small fixed site the fuzzed file is read into, so that its references, links and anchors can resolve and its
/// title and text reach other pages (members, backlinks, a person's bodies, the timeline). Ids as in the good fixture.
enum Neighbourhood {
    /// Where the fuzzed file stands: among the bodies, so `../enheder/stab.md` and `styregruppe.md` are valid links.
    static let fuzzedRelativePath = "organer/fuzz.md"

    static let texts: [(String, String)] = [
        ("enheder/kommune.md", """
        ---
        type: unit
        title: "Testkommunen"
        kind: region
        status: active
        ---
        Kommunen.
        """),
        ("enheder/stab.md", """
        ---
        type: unit
        title: "Stab for Sundhed"
        kind: stab
        parent: kommune
        head: direktoer
        ---
        Staben.
        """),
        ("organer/styregruppe.md", """
        ---
        type: body
        title: "Styregruppen"
        kind: styregruppe
        status: active
        chair: direktoer
        members: [direktoer]
        secretariat: stab
        established: 2025-01-01
        ---
        Styregruppen sætter retningen.

        ## Ansvar og opgaver

        Beslutninger.
        """),
        ("personer/anne-jensen.md", """
        ---
        type: person
        title: "Anne Jensen"
        roles: [direktoer]
        ---
        """),
        ("roller/direktoer.md", """
        ---
        type: role
        title: "Direktør for Sundhed"
        unit: stab
        ---
        """),
        ("sider/baggrund.md", """
        ---
        type: page
        title: "Baggrund"
        order: 1
        ---
        ## Hvorfor

        Se [styregruppen](../organer/styregruppe.md#ansvar-og-opgaver).
        """),
    ]

    /// The fixed files, decoded once.
    static let files: [SourceFile] = texts.map { relative, text in
        SourceFile(path: "content/" + relative, relativePath: relative, text: text + "\n")
    }

    /// The neighbourhood's site.yml: the kinds its files (and the good fixture's) use, a region as the top.
    static let config = SourceFile(path: "content/site.yml", relativePath: "site.yml", text: """
        title: "Testkommunens styring"
        language: da
        kinds:
          body: {forum: Forum, udvalg: Udvalg, styregruppe: Styregruppe}
          unit: {region: {label: Region, top: true}, afdeling: Afdeling, stab: Stab}

        """)

    /// The content tree of the neighbourhood with `file` in it, sorted by relative path as `ContentTree.load` sorts.
    static func tree(with file: SourceFile) -> ContentTree {
        ContentTree(files: (files + [file]).sorted { $0.relativePath < $1.relativePath }, config: config)
    }
}
