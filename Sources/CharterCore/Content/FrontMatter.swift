import Foundation

/// A content file split into its YAML front matter (parsed, with positions) and its Markdown body.
struct FrontMatter {
    /// The parsed YAML mapping, or nil when it failed to parse.
    var yaml: YAMLNode?
    /// The Markdown after the closing `---`.
    var body: String
    /// How many lines precede the Markdown body in the file (add to a body line to get the file line).
    var bodyLineOffset: Int

    /// Splits and parses `file`, adding a diagnostic for a missing delimiter or malformed YAML.
    static func parse(_ file: SourceFile, into diagnostics: inout Diagnostics) -> FrontMatter {
        let text = file.text
        switch ByteScanning.frontMatterSplit(text) {
        case .missing:
            diagnostics.error("missing front matter: a content file starts with a line '---', YAML, and a closing '---'",
                              at: SourceLocation(path: file.path, line: 1, column: 1))
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        case .unclosed(let lines):
            diagnostics.error("front matter is not closed: add a line '---' after the YAML",
                              at: SourceLocation(path: file.path, line: 1, column: 1))
            return FrontMatter(yaml: nil, body: "", bodyLineOffset: lines)
        case .closed(let yamlBytes, let bodyStart, let lines):
            let yaml = YAMLReader.parse(text, bytes: yamlBytes, path: file.path, lineOffset: 1, into: &diagnostics)
            let utf8 = text.utf8
            return FrontMatter(yaml: yaml, body: String(text[utf8.index(utf8.startIndex, offsetBy: bodyStart)...]), bodyLineOffset: lines)
        }
    }

    /// The text before the Markdown body (the front matter with its fences) and the body, split where `parse` splits it,
    /// without parsing the YAML: a file without front matter is all body, an unclosed one all front matter.
    static func parts(of text: String) -> (front: Substring, body: Substring) {
        let bodyStart: Int
        switch ByteScanning.frontMatterSplit(text) {
        case .missing: bodyStart = 0
        case .unclosed: bodyStart = text.utf8.count
        case .closed(_, let body, _): bodyStart = body
        }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: bodyStart)
        return (text[..<index], text[index...])
    }

    /// Where a file's parts are, in bytes; `lines` is how many lines precede the body.
    enum Split: Equatable {
        /// The first line is not `---`.
        case missing
        /// No closing line; `lines` counts the file's lines, an empty last one included.
        case unclosed(lines: Int)
        /// The YAML (without the line feed before the closing line) and where the body starts.
        case closed(yaml: Range<Int>, body: Int, lines: Int)
    }
}
