import Testing
@testable import CharterTemplates

/// Escaping into a byte buffer (eight bytes at a time, jumping to the first byte that needs escaping) agrees with
/// `HTML.escape` and with escaping one byte at a time.
struct HTMLEscapingTests {
    /// The plain definition, byte by byte.
    static func reference(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapingIntoBytesAgreesWithEscapeAtEveryPositionAndLength() {
        let pieces = ["a", "æ", "ø", "&", "<", ">", "\"", "'", " ", "1", "=", "?", "€", "🙂", "\u{0338}"]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<25 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                var out: [UInt8] = [0x21]
                HTML.appendEscaped(text, to: &out)
                #expect(String(decoding: out.dropFirst(), as: UTF8.self) == HTML.escape(text), "\(text)")
                #expect(HTML.escape(text) == Self.reference(text), "\(text)")
                var fromBytes: [UInt8] = [0x21]
                HTML.appendEscaped(Array(text.utf8), to: &fromBytes)
                #expect(fromBytes == out, "\(text)")
            }
        }
        var out: [UInt8] = []
        HTML.appendEscaped("Formål og opgaver for <Integrationsforum> & \"de andre\"", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "Formål og opgaver for &lt;Integrationsforum&gt; &amp; &quot;de andre&quot;")
    }
}
