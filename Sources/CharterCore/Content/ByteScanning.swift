import Foundation

// Byte scanning: the loops over UTF-8 that use pointers (`memchr`, eight bytes at a time) for speed, each behind a
// function that takes and returns safe types, so the model and render code that calls them holds no pointer. (The
// template engine's own are in `CharterTemplates/TemplateBytes.swift`.)
//
// Invariants of the unsafe code here:
// - a pointer is used only inside the `withUTF8` / `withUnsafeBufferPointer` / `withUnsafeBytes` call that made it,
//   and is never stored or returned;
// - every read is within the buffer: `base + index` with `index + 8 <= count` for an eight-byte load
//   (`loadUnaligned`, so no alignment is assumed), `start < count` before a `memchr` of `count - start` bytes;
// - a nil `baseAddress` (an empty buffer) is checked before it is used.
// Each function is compared with a plain Swift implementation in `ByteScanningTests`.

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

extension ArraySlice<UInt8> {
    /// Whether `byte` occurs, found with `memchr`.
    func containsByte(_ byte: UInt8) -> Bool {
        withUnsafeBufferPointer { $0.offset(of: byte) != nil }
    }
}

extension Array<UInt8> {
    /// Appends the UTF-8 of a static text with no `String` made for it (`withUTF8Buffer`, unlike `utf8Start`, also
    /// takes a text of one scalar, which a `StaticString` may hold without a pointer).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
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

    /// The number of scalars in the valid UTF-8 `bytes[range]`.
    static func count(in bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { count(in: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The number of Unicode scalars on the 0-based line `index` of `text`, or nil when it has no such line.
    static func count(ofLine index: Int, in text: String) -> Int? {
        guard index >= 0 else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var start = 0
            for _ in 0..<index {
                guard let newline = bytes.offset(of: 0x0A, from: start) else { return nil }
                start = newline + 1
            }
            let end = bytes.offset(of: 0x0A, from: start) ?? bytes.count
            return count(in: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
    }
}

/// Hashes of bytes, made on the buffer.
enum ByteHash {
    /// Feeds `hasher` the first and last `edge` bytes of `bytes`, or all of them when there are no more than `2 * edge`.
    static func combineEdges(of bytes: [UInt8], edge: Int, into hasher: inout Hasher) {
        bytes.withUnsafeBytes { buffer in
            if buffer.count <= 2 * edge {
                hasher.combine(bytes: buffer)
            } else {
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[..<edge]))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: buffer[(buffer.count - edge)...]))
            }
        }
    }
}

/// Scans of texts on their UTF-8, for the parts of the build that read paths and content files.
enum ByteScanning {
    /// `path` resolved against the components of `folder`: `.` and empty components are dropped, `..` removes the
    /// component before it; nil when a `..` would leave the root.
    static func normalisedPath(_ path: String, in folder: [String]) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for component in folder {
            if !out.isEmpty { out.append(UInt8(ascii: "/")) }
            out += component.utf8
        }
        var path = path
        let normal = path.withUTF8 { bytes -> Bool in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
                let component = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                switch (component.count, component.first, component.last) {
                case (0, _, _), (1, UInt8(ascii: "."), _):
                    continue
                case (2, UInt8(ascii: "."), UInt8(ascii: ".")):
                    guard !out.isEmpty else { return false }
                    out.removeSubrange((out.lastIndex(of: UInt8(ascii: "/")) ?? 0)...)
                default:
                    if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                    out += component
                }
            }
            return true
        }
        return normal ? String(decoding: out, as: UTF8.self) : nil
    }

    /// The UTF-8 of `text` with each NUL byte replaced by U+FFFD's three bytes, as cmark reads it.
    static func utf8ReplacingNUL(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { buffer -> [UInt8] in
            guard buffer.offset(of: 0) != nil else { return Array(buffer) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(buffer.count + 16)
            for byte in buffer {
                if byte == 0 { bytes += [0xEF, 0xBF, 0xBD] } else { bytes.append(byte) }
            }
            return bytes
        }
    }

    /// The offset of each line's first byte: 0, and one after each line feed (so a final line feed starts an empty line).
    static func lineStarts(in bytes: [UInt8]) -> [Int] {
        var lineStarts = [0]
        lineStarts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while let newline = buffer.offset(of: 0x0A, from: offset) {
                offset = newline + 1
                lineStarts.append(offset)
            }
        }
        return lineStarts
    }

    /// Finds the delimiter lines of a content file's front matter (`---`, or `...` to close, with trailing blanks) on
    /// the bytes, with `memchr`: only the front matter's lines are looked at, and the body is one slice.
    static func frontMatterSplit(_ text: String) -> FrontMatter.Split {
        var text = text
        return text.withUTF8 { utf8 in
            guard !utf8.isEmpty else { return .missing }
            var lineStart = 0
            var lineNumber = 0
            var yamlStart = 0
            while true {
                let lineEnd = utf8.offset(of: 0x0A, from: lineStart) ?? utf8.count
                var contentEnd = lineEnd
                while contentEnd > lineStart, utf8[contentEnd - 1] == UInt8(ascii: " ") || utf8[contentEnd - 1] == UInt8(ascii: "\t") {
                    contentEnd -= 1
                }
                let line = UnsafeBufferPointer(rebasing: utf8[lineStart..<contentEnd])
                let next = lineEnd < utf8.count ? lineEnd + 1 : utf8.count
                let isDashes = line.elementsEqual("---".utf8)
                if lineNumber == 0 {
                    guard isDashes else { return .missing }
                    yamlStart = next
                } else if isDashes || line.elementsEqual("...".utf8) {
                    return .closed(yaml: yamlStart..<max(yamlStart, lineStart - 1), body: next, lines: lineNumber + 1)
                }
                lineNumber += 1
                if lineEnd == utf8.count { return .unclosed(lines: lineNumber) }
                lineStart = next
            }
        }
    }
}
