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
        let text = file.text
        let utf8 = text.utf8
        // Walks the lines as UTF-8 byte ranges: only the front matter's lines are looked at, the body is one slice.
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || lineNumber == 0 {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(utf8[lineStart..<lineEnd]).trimmingTrailingSpaces
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if lineNumber == 0 {
                guard line == "---" else {
                    diagnostics.error("missing front matter: a content file starts with a line '---', YAML, and a closing '---'",
                                      at: SourceLocation(path: file.path, line: 1, column: 1))
                    return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
                }
                yamlStart = next
            } else if line == "---" || line == "..." {
                let yamlText = String(text[yamlStart!..<lineStart].dropLast(lineStart > yamlStart! ? 1 : 0))
                let yaml = YAMLReader.parse(yamlText, path: file.path, lineOffset: 1, into: &diagnostics)
                return FrontMatter(yaml: yaml, body: String(text[next...]), bodyLineOffset: lineNumber + 1)
            }
            lineNumber += 1
            if lineEnd == utf8.endIndex { break }
            lineStart = next
        }
        diagnostics.error("front matter is not closed: add a line '---' after the YAML",
                          at: SourceLocation(path: file.path, line: 1, column: 1))
        return FrontMatter(yaml: nil, body: "", bodyLineOffset: text.isEmpty ? 1 : lineNumber + (text.hasSuffix("\n") ? 1 : 0))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
