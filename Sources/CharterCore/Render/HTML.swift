/// HTML escaping: every text Charter writes into a page goes through here unless Charter made it as HTML itself.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A link element with escaped text and target.
    public static func link(_ text: String, href: String, title: String? = nil) -> String {
        let titleAttribute = title.map { " title=\"\(escape($0))\"" } ?? ""
        return "<a href=\"\(escape(href))\"\(titleAttribute)>\(escape(text))</a>"
    }
}
