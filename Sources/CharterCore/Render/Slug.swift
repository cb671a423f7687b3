import Foundation

/// Makes URL fragments and file-safe ids from Danish text: "Formål og opgaver" → "formaal-og-opgaver".
public enum Slug {
    /// The slug of `text`: lowercase ASCII letters, digits and hyphens, Danish letters folded (æ→ae, ø→oe, å→aa).
    public static func make(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.lowercased().decomposedDanish.unicodeScalars {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "/" {
                pendingHyphen = true
            }
        }
        return out
    }

    /// Ids for a sequence of headings, unique within the page ("opgaver", "opgaver-2").
    public static func unique(_ texts: [String]) -> [String] {
        var used: [String: Int] = [:]
        return texts.map { text in
            let base = make(text).isEmpty ? "afsnit" : make(text)
            let count = used[base, default: 0] + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }
}

extension String {
    /// Folds Danish letters to their conventional ASCII spelling, and strips accents from other letters.
    var decomposedDanish: String {
        var out = ""
        for character in self {
            switch character {
            case "æ": out += "ae"
            case "ø": out += "oe"
            case "å": out += "aa"
            case "ß": out += "ss"
            default:
                let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
                out.unicodeScalars.append(scalars.first!)
            }
        }
        return out
    }
}
