import Foundation
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
        // The delimiter lines are found on the bytes (with `memchr`); only the front matter's lines are looked at, and
        // the body is one slice.
        var bytes = text
        let split = bytes.withUTF8 { utf8 -> (yaml: Range<Int>, body: Int, lines: Int)?? in
            guard let base = utf8.baseAddress, !utf8.isEmpty else { return nil }  // no first line '---
            var lineStart = 0
            var lineNumber = 0
            var yamlStart = 0
            while true {
                let lineEnd = memchr(base + lineStart, 0x0A, utf8.count - lineStart).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
                    ?? utf8.count
                var contentEnd = lineEnd
                while contentEnd > lineStart, utf8[contentEnd - 1] == UInt8(ascii: " ") || utf8[contentEnd - 1] == UInt8(ascii: "\t") {
                    contentEnd -= 1
                }
                let line = UnsafeBufferPointer(rebasing: utf8[lineStart..<contentEnd])
                let next = lineEnd < utf8.count ? lineEnd + 1 : utf8.count
                let isDashes = line.elementsEqual("---".utf8)
                if lineNumber == 0 {
                    guard isDashes else { return nil }
                    yamlStart = next
                } else if isDashes || line.elementsEqual("...".utf8) {
                    // The YAML runs to the line feed before the closing line.
                    return .some((yamlStart..<max(yamlStart, lineStart - 1), next, lineNumber))
                }
                lineNumber += 1
                if lineEnd == utf8.count { return .some(nil) }
                lineStart = next
            }
        }
        switch split {
        case .none:
            diagnostics.error("missing front matter: a content file starts with a line '---', YAML, and a closing '---'",
                              at: SourceLocation(path: file.path, line: 1, column: 1))
            return FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        case .some(let found?):
            let utf8 = text.utf8
            let yamlText = String(text[utf8.index(utf8.startIndex, offsetBy: found.yaml.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: found.yaml.upperBound)])
            let yaml = YAMLReader.parse(yamlText, path: file.path, lineOffset: 1, into: &diagnostics)
            return FrontMatter(yaml: yaml, body: String(text[utf8.index(utf8.startIndex, offsetBy: found.body)...]),
                               bodyLineOffset: found.lines + 1)
        case .some(nil):
            break
        }
        let lineNumber = text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + (text.hasSuffix("\n") || text.isEmpty ? 0 : 1)
        diagnostics.error("front matter is not closed: add a line '---' after the YAML",
                          at: SourceLocation(path: file.path, line: 1, column: 1))
        return FrontMatter(yaml: nil, body: "", bodyLineOffset: text.isEmpty ? 1 : lineNumber + (text.hasSuffix("\n") ? 1 : 0))
    }
}
