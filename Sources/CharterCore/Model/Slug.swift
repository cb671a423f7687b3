import Foundation

/// Makes URL fragments and file-safe ids from Danish text: "Formål og opgaver" → "formaal-og-opgaver".
enum Slug {
    /// The slug of `text`: lowercase ASCII letters, digits and hyphens, Danish letters folded (æ→ae, ø→oe, å→aa) and
    /// accents stripped from other letters.
    static func make(_ text: String) -> String {
        var writer = Writer()
        writer.out.reserveCapacity(text.utf8.count)
        func add(_ byte: UInt8) { writer.add(byte) }
        var contiguous = text
        if contiguous.withUTF8({ bytes in bytes.allSatisfy { $0 < 0x80 } }) {
            contiguous.withUTF8 { bytes in
                for byte in bytes { writer.add(byte) }
            }
        } else if text.unicodeScalars.allSatisfy({ $0.isASCII || folded($0) != nil }) {
            // ASCII and the Danish letters, precomposed: no character needs lowercasing or decomposing as a whole.
            for scalar in text.unicodeScalars {
                if scalar.isASCII { add(UInt8(scalar.value)) } else { folded(scalar)!.utf8.forEach(add) }
            }
        } else {
            for character in text.lowercased() {
                if let ascii = character.asciiValue { add(ascii); continue }
                switch character {
                case "æ": add(UInt8(ascii: "a")); add(UInt8(ascii: "e"))
                case "ø": add(UInt8(ascii: "o")); add(UInt8(ascii: "e"))
                case "å": add(UInt8(ascii: "a")); add(UInt8(ascii: "a"))
                case "ß": add(UInt8(ascii: "s")); add(UInt8(ascii: "s"))
                default:
                    // Other letters lose their accents: the first scalar of the canonical decomposition ("é" → "e").
                    let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first!
                    if base.isASCII { add(UInt8(base.value)) }
                }
            }
        }
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// The slug's bytes as they are added: letters and digits kept (lowercased), a run of separators one hyphen
    /// between words, anything else dropped.
    private struct Writer {
        var out: [UInt8] = []
        var pendingHyphen = false

        mutating func add(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                add(byte + 32)
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"):
                pendingHyphen = true
            default:
                break
            }
        }
    }

    /// The folding of a precomposed Danish letter (or ß), in either case.
    private static func folded(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "æ", "Æ": "ae"
        case "ø", "Ø": "oe"
        case "å", "Å": "aa"
        case "ß": "ss"
        default: nil
        }
    }

    /// Ids for a sequence of headings, unique within the page ("opgaver", "opgaver-2").
    static func unique(_ texts: [String]) -> [String] {
        var used: [String: Int] = [:]
        return texts.map { text in
            let slug = make(text)
            let base = slug.isEmpty ? "afsnit" : slug
            let count = used[base, default: 0] + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }
}
