import Foundation

/// Writes a generated site of `pages` content files that refer to each other — units in a tree, bodies that report to
/// bodies with roles as members and terms of reference, roles held by people, projects, free pages — for measurements.
enum LargeSite {
    static func write(pages: Int, to folder: String) throws {
        let units = pages / 10, bodies = pages / 5, roles = pages * 3 / 10, people = pages / 4, projects = pages / 10
        let freePages = pages - units - bodies - roles - people - projects
        let text = String(repeating: "Dette er en tekst om ledelse og samarbejde på tværs af enheder, organer og roller. ", count: 4)
        func file(_ type: String, _ id: String, _ body: String) throws {
            let path = folder + "/" + type + "/" + id + ".md"
            try FileManager.default.createDirectory(atPath: folder + "/" + type, withIntermediateDirectories: true)
            try Data(body.utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("title: \"Stor organisation\"\norganisation: \"Testregion\"\nlanguage: da\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/site.yml"))
        for i in 0..<units {
            let parent = i > 0 ? "parent: enhed-\((i - 1) / 3)\n" : ""
            try file("enheder", "enhed-\(i)", "---\ntype: unit\ntitle: \"Enhed \(i)\"\nkind: afdeling\n\(parent)head: rolle-\(i)\nstatus: active\n---\n\n\(text)\n\n## Opgaver\n\nSe [organ \(i)](../organer/organ-\(i).md).\n")
        }
        for i in 0..<bodies {
            let reports = i > 0 ? "reports_to: organ-\((i - 1) / 4)\n" : ""
            let members = (0..<3).map { "  - rolle-\((i * 3 + $0) % roles)\n" }.joined()
            try file("organer", "organ-\(i)", """
                ---
                type: body
                title: "Organ \(i)"
                kind: forum
                status: active
                \(reports)chair: rolle-\(i % roles)
                members:
                \(members)secretariat: enhed-\(i % units)
                terms:
                  title: Kommissorium
                  status: approved
                  purpose: "Formålet er samarbejde."
                  tasks:
                    - "At mødes."
                ---

                \(text)

                ## Formål

                \(text)

                ## Samarbejde

                Se [enhed \(i % units)](../enheder/enhed-\(i % units).md) og [projekt \(i % projects)](../projekter/projekt-\(i % projects).md).

                """)
        }
        for i in 0..<roles {
            try file("roller", "rolle-\(i)", "---\ntype: role\ntitle: \"Rolle \(i)\"\nunit: enhed-\(i % units)\nheld_by: person-\(i % people)\nstatus: active\nresponsibilities:\n  - \"Leder [enheden](../enheder/enhed-\(i % units).md).\"\n---\n\n\(text)\n")
        }
        for i in 0..<people {
            try file("personer", "person-\(i)", "---\ntype: person\ntitle: \"Person \(i)\"\n---\n\n\(text)\n")
        }
        for i in 0..<projects {
            try file("projekter", "projekt-\(i)", "---\ntype: project\ntitle: \"Projekt \(i)\"\nowner: organ-\(i % bodies)\nunits: [enhed-\(i % units)]\nstatus: running\ngoals:\n  - \"Bedre samarbejde.\"\n---\n\n\(text)\n")
        }
        for i in 0..<freePages {
            let order = i < 3 ? "order: \(i)\n" : ""
            try file("sider", "side-\(i)", "---\ntype: page\ntitle: \"Side \(i)\"\n\(order)---\n\n\(text)\n\n## Afsnit\n\nSe [side \((i + 1) % freePages)](side-\((i + 1) % freePages).md) og [organ \(i % bodies)](../organer/organ-\(i % bodies).md).\n")
        }
    }
}
