/// Reads YAML text into `YAMLNode` values (with `YAMLParser`), turning its errors into located diagnostics.
enum YAMLReader {
    /// Parses `text`; positions in diagnostics are shifted down by `lineOffset` lines (the front matter's place in its file).
    ///
    /// ```swift
    /// var diagnostics = Diagnostics()
    /// let node = YAMLReader.parse("title: Forum\n", path: "content/site.yml", into: &diagnostics)
    /// ```
    static func parse(_ text: String, path: String, lineOffset: Int = 0, into diagnostics: inout Diagnostics) -> YAMLNode? {
        parse(text, bytes: nil, path: path, lineOffset: lineOffset, into: &diagnostics)
    }

    /// Parses the UTF-8 bytes `bytes` of `text` (all of it when nil); positions in diagnostics are shifted down by
    /// `lineOffset` lines.
    static func parse(_ text: String, bytes: Range<Int>?, path: String, lineOffset: Int = 0,
                      into diagnostics: inout Diagnostics) -> YAMLNode? {
        do {
            return try YAMLParser.parse(text, bytes: bytes)
        } catch let error as YAMLError {
            let mark = error.mark ?? YAMLNode.Mark(line: 1, column: 1)
            diagnostics.error("malformed YAML: \(error.message)",
                              at: SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column))
        } catch {
            diagnostics.error("malformed YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        }
        return nil
    }

    /// The source location of a node, in file coordinates.
    static func location(of node: YAMLNode, path: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(path: path, line: node.mark.line + lineOffset, column: node.mark.column)
    }
}
