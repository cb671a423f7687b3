import Foundation

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, found with `memchr` (`firstIndex(of:)` goes byte by byte).
    func offset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

extension String {
    /// Where `byte` first occurs in the UTF-8, found with `memchr` (`utf8.firstIndex(of:)` goes byte by byte, generically).
    func firstIndex(ofByte byte: UInt8) -> String.Index? {
        let offset = utf8.withContiguousStorageIfAvailable { $0.offset(of: byte) }
        switch offset {
        case .some(.some(let offset)): return utf8.index(utf8.startIndex, offsetBy: offset)
        case .some(.none): return nil
        case .none: return utf8.firstIndex(of: byte)
        }
    }

    /// The last component of a `/`-separated path, found on the bytes (splitting by `Character` breaks graphemes).
    var fileName: Substring {
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return self[...] }
        return self[utf8.index(after: slash)...]
    }
}

/// Counting Unicode scalars in UTF-8 without decoding it.
enum UTF8Scalars {
    /// The number of scalars in valid UTF-8 `bytes`: the bytes that are not continuation bytes (`10xxxxxx`), counted
    /// eight at a time.
    static func count(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var continuations = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Bit 7 set and bit 6 clear, in each byte.
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return bytes.count - continuations
    }
}
