import Foundation

// The template engine's byte scans: the loops over UTF-8 that use pointers (`memchr`, eight bytes at a time) for speed,
// each behind a function that takes and returns safe types, so the parser, maps and renderer hold no pointer. (HTML
// escaping, the engine's other unsafe code, has its own file.)
//
// Invariants of the unsafe code here:
// - a pointer is used only inside the `withUTF8` / `withUnsafeBufferPointer` call that made it, and is never stored or
//   returned;
// - every read is within the buffer: `base + index` with `index + 8 <= count` for an eight-byte load (`loadUnaligned`,
//   so no alignment is assumed), a `memchr` of `range.count` bytes from `range.lowerBound` only when
//   `0 <= range.lowerBound < range.upperBound <= count`;
// - a nil `baseAddress` (an empty buffer) is checked before it is used.
// Each function is compared with a plain Swift implementation in `TemplateBytesTests`.

extension Array<UInt8> {
    /// The offset of the first `byte` in `range`, or nil; found with `memchr`.
    func offset(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard range.lowerBound >= 0, range.upperBound <= count, !range.isEmpty else { return nil }
        return withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + range.lowerBound, Int32(byte), range.count) else {
                return nil
            }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }
}

extension TemplateKey {
    /// A multiply-and-rotate hash of `name`'s UTF-8, eight bytes at a time (little-endian), then the rest as one
    /// big-endian word: equal names have equal fingerprints. Made for every name of every map, so it is kept cheaper
    /// than `Hasher` (names are short).
    static func fingerprint(of name: String) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var name = name
        return name.withUTF8 { bytes in
            var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
            var index = 0
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
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
    }
}
