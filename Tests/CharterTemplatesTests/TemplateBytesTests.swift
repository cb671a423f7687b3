import Testing
@testable import CharterTemplates

/// The template engine's byte scans on pointers (`memchr`, eight bytes at a time) agree with plain Swift written byte
/// by byte, on empty texts, non-ASCII texts, and at the edges of their words and ranges.
struct TemplateBytesTests {
    static let texts = ["", "a", "\n", "\n\n", "abc\n", "første linje\nanden: æøå\n\nsidste", "e\u{0301}\r\nx", "🇩🇰\n🙂",
                        String(repeating: "ø", count: 17) + "\n" + String(repeating: "a", count: 9), "tab\t\nend\n"]

    @Test(arguments: texts)
    func aByteIsFoundInARangeAsFirstIndexFindsIt(_ text: String) {
        let bytes = Array(text.utf8)
        for start in 0...bytes.count {
            for end in start...bytes.count {
                #expect(bytes.offset(of: 0x0A, in: start..<end) == bytes[start..<end].firstIndex(of: 0x0A), "\(text) \(start)..<\(end)")
            }
        }
        #expect(bytes.offset(of: 0x0A, in: 0..<(bytes.count + 1)) == nil)
    }

    /// The fingerprint, with each word put together from its bytes.
    static func fingerprintReference(of text: String) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = Array(text.utf8)
        var hash = UInt64(bytes.count) &* multiplier
        var index = 0
        while index + 8 <= bytes.count {
            var word: UInt64 = 0
            for shift in 0..<8 { word |= UInt64(bytes[index + shift]) << (8 * shift) }  // little-endian
            hash = ((hash << 5 | hash >> 59) ^ word) &* multiplier
            index += 8
        }
        if index < bytes.count {
            var word: UInt64 = 0
            for byte in bytes[index...] { word = word << 8 | UInt64(byte) }
            hash = ((hash << 5 | hash >> 59) ^ word) &* multiplier
        }
        return hash
    }

    @Test func fingerprintsAgreeWithWordsPutTogetherByteByByte() {
        let pieces = ["a", "Z", "_", ".", "æ", "€", "🙂", "0"]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<30 {
            for _ in 0..<10 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(TemplateKey.fingerprint(of: text) == Self.fingerprintReference(of: text), "\(text)")
            }
        }
        #expect(TemplateKey("title").fingerprint == Self.fingerprintReference(of: "title"))
    }
}
