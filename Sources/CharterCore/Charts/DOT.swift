/// Escaping for the two kinds of text in a DOT file: quoted strings and HTML-like labels.
enum DOT {
    /// A double-quoted DOT string. Backslashes are doubled because Graphviz reads `\N`, `\G`, `\n` in labels, tooltips
    /// and links as escapes; line breaks become spaces.
    static func quoted(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// Text or an attribute value inside an HTML-like label (which Graphviz parses as XML).
    static func html(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 }) { return HTML.escape(text) }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// `text` broken into lines of at most about `width` characters, at spaces; a longer word gets a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}
