/// HTML escaping: every text Charter writes into a page goes through here unless Charter made it as HTML itself.
///
/// Invariants of the unsafe code (the escaping loop on the UTF-8 buffer): the buffer comes from `withUTF8` /
/// `withUnsafeBufferPointer` in this file and is used only inside that call; an eight-byte load (`loadUnaligned`) is
/// made only where `index + 8 <= count`; every slice appended lies within `run...index < count`. Compared with a
/// byte-by-byte escape in `HTMLEscapingTests`.
package enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in text and in quoted attribute values.
    package static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            // Most texts need nothing escaped: find the first byte that does with a plain loop over the buffer.
            var first = 0
            while first < bytes.count, !needsEscape(bytes[first]) { first += 1 }
            guard first < bytes.count else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            appendEscaped(UnsafeBufferPointer(rebasing: bytes[first...]), to: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Appends the UTF-8 of `text` to `out` with `&`, `<`, `>`, `"` and `'` escaped, as `escape` does.
    package static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
    }

    /// Appends the UTF-8 `bytes` to `out` with `&`, `<`, `>`, `"` and `'` escaped, as `escape` does.
    static func appendEscaped(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendEscaped($0, to: &out) }
    }

    /// Appends UTF-8 `bytes` to `out` with `&`, `<`, `>`, `"` and `'` escaped, as `escape` does.
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none of them needs escaping (most text); else straight to the first that does.
            if index + 8 <= bytes.count {
                let mask = escapeMask(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                if mask == 0 {
                    index += 8
                    continue
                }
                index += mask.trailingZeroBitCount / 8
            }
            defer { index += 1 }
            // Only ASCII punctuation from '"' (0x22) to '>' (0x3E) can need escaping: one comparison for most bytes.
            let byte = bytes[index]
            if byte > UInt8(ascii: ">") || byte < UInt8(ascii: "\"") { continue }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    /// The high bit of each of the eight bytes in `word` that is `&`, `<`, `>`, `"` or `'` (the usual test for a zero
    /// byte, applied to the word XOR each character repeated). A byte above a flagged one may be flagged wrongly, but
    /// the lowest flagged byte is always one of them.
    @inline(__always)
    private static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func has(_ byte: UInt8) -> UInt64 {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs
        }
        return has(UInt8(ascii: "&")) | has(UInt8(ascii: "<")) | has(UInt8(ascii: ">")) | has(UInt8(ascii: "\""))
            | has(UInt8(ascii: "'"))
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }

    /// A link element with escaped text and target.
    package static func link(_ text: String, href: String, title: String? = nil) -> String {
        let titleAttribute = title.map { " title=\"\(escape($0))\"" } ?? ""
        return "<a href=\"\(escape(href))\"\(titleAttribute)>\(escape(text))</a>"
    }
}
