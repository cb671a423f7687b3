import Testing
@testable import CharterCore

/// Escaping into a byte buffer (eight bytes at a time where nothing needs escaping) agrees with `HTML.escape`.
struct HTMLEscapingTests {
    @Test func escapingIntoBytesAgreesWithEscapeAtEveryPositionAndLength() {
        let pieces = ["a", "æ", "ø", "&", "<", ">", "\"", "'", " ", "1", "=", "?", "€", "🙂", "\u{0338}"]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<25 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                var out: [UInt8] = [0x21]
                HTML.appendEscaped(text, to: &out)
                #expect(String(decoding: out.dropFirst(), as: UTF8.self) == HTML.escape(text), "\(text)")
            }
        }
        var out: [UInt8] = []
        HTML.appendEscaped("Formål og opgaver for <Integrationsforum> & \"de andre\"", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "Formål og opgaver for &lt;Integrationsforum&gt; &amp; &quot;de andre&quot;")
    }
}
