import Yams

/// Parses YAML text with Yams into a node tree, turning libyaml's errors into located diagnostics.
public enum YAMLReader {
    /// Parses `text`; positions in diagnostics are shifted down by `lineOffset` lines (the front matter's place in its file).
    public static func parse(_ text: String, path: String, lineOffset: Int = 0, into diagnostics: inout Diagnostics) -> Node? {
        do {
            // Charter reads every scalar as text and checks types itself, so Yams need not resolve tags (a regular
            // expression per scalar); the encoding is given so that Yams does not read the environment on every call.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            let (message, mark) = describe(error)
            var position = (line: mark?.line ?? 1, column: mark?.column ?? 1)
            if case .duplicatedKeysInMapping(let duplicates, _) = error, let key = duplicates.first,
               let repeated = secondOccurrence(of: key, in: text) {
                position = repeated
            }
            diagnostics.error("malformed YAML: \(message)",
                              at: SourceLocation(path: path, line: position.line + lineOffset, column: position.column))
        } catch {
            diagnostics.error("malformed YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        }
        return nil
    }

    /// The source location of a node, in file coordinates.
    public static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where a key stands the second time, for a duplicate-key error (libyaml points at the mapping).
    static func secondOccurrence(of key: String, in text: String) -> (line: Int, column: Int)? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            guard trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") else { continue }
            seen += 1
            if seen == 2 { return (index + 1, line.count - trimmed.count + 1) }
        }
        return nil
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text), " } ?? ""
            return (prefix + problem, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ("duplicate key '\(duplicates.joined(separator: "', '"))' in a mapping", context.mark)
        case .reader(let problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }
}
