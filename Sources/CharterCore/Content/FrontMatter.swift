import Yams

/// A content file split into its YAML front matter (parsed, with positions) and its Markdown body.
public struct FrontMatter {
    /// The parsed YAML mapping, or nil when it failed to parse.
    public var yaml: Node?
    /// The Markdown after the closing `---`.
    public var body: String
    /// How many lines precede the Markdown body in the file (add to a body line to get the file line).
    public var bodyLineOffset: Int

    /// Splits and parses `file`, adding a diagnostic for a missing delimiter or malformed YAML.
    public static func parse(_ file: SourceFile, into diagnostics: inout Diagnostics) -> FrontMatter {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            diagnostics.error("missing front matter: a content file starts with a line '---', YAML, and a closing '---'",
                              at: SourceLocation(path: file.path, line: 1, column: 1))
            return FrontMatter(yaml: nil, body: file.text, bodyLineOffset: 0)
        }
        guard let end = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingTrailingSpaces) }) else {
            diagnostics.error("front matter is not closed: add a line '---' after the YAML",
                              at: SourceLocation(path: file.path, line: 1, column: 1))
            return FrontMatter(yaml: nil, body: "", bodyLineOffset: lines.count)
        }
        let yamlText = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        let yaml = YAMLReader.parse(yamlText, path: file.path, lineOffset: 1, into: &diagnostics)
        return FrontMatter(yaml: yaml, body: body, bodyLineOffset: end + 1)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
