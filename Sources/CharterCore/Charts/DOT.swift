import CharterTemplates

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
        var lineLength = 0
        // Words are runs of non-whitespace scalars; lengths count scalars, which for composed text are its characters.
        var word = ""
        var wordLength = 0
        func endWord() {
            guard wordLength > 0 else { return }
            if lineLength == 0 {
                line = word
                lineLength = wordLength
            } else if lineLength + 1 + wordLength <= width {
                line += " "
                line += word
                lineLength += 1 + wordLength
            } else {
                lines.append(line)
                line = word
                lineLength = wordLength
            }
            word = ""
            wordLength = 0
        }
        for scalar in text.unicodeScalars {
            let isSpace = scalar.isASCII ? (scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C)
                : scalar.properties.isWhitespace
            if isSpace {
                endWord()
            } else {
                word.unicodeScalars.append(scalar)
                if scalar.isASCII || !scalar.properties.isGraphemeExtend { wordLength += 1 }
            }
        }
        endWord()
        if lineLength > 0 { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}
