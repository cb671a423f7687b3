/// HTML escaping: every text Charter writes into a page goes through here unless Charter made it as HTML itself.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: needsEscape) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 32)
        out.append(contentsOf: utf8[..<first])
        for byte in utf8[first...] {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// A link element with escaped text and target.
    public static func link(_ text: String, href: String, title: String? = nil) -> String {
        let titleAttribute = title.map { " title=\"\(escape($0))\"" } ?? ""
        return "<a href=\"\(escape(href))\"\(titleAttribute)>\(escape(text))</a>"
    }
}
