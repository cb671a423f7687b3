import Foundation

/// A text file of the input, decoded and normalised: UTF-8, no byte-order mark, `\n` line ends.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in diagnostics (as given on the command line, joined with the file's relative path).
    public internal(set) var path: String
    /// The path relative to the content folder, with `/` separators (`organer/integrationsforum.md`).
    public internal(set) var relativePath: String
    /// The decoded text.
    public internal(set) var text: String

    /// Creates a source file from text already in memory.
    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
    }

    /// Decodes raw bytes, reporting a file that is not UTF-8 (or is UTF-16) at the first bad byte's line and column.
    public static func decode(_ bytes: [UInt8], path: String, relativePath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error("file is UTF-16; save it as UTF-8", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes) ?? bytes.startIndex
            return .failure(.error(
                "file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save it as UTF-8",
                at: location(ofByte: bad, in: bytes, path: path)))
        }
        guard bytes.containsByte(0x0D) else {
            return .success(SourceFile(path: path, relativePath: relativePath, text: text))
        }
        // CR LF and a lone CR become LF on the bytes: a CR followed by a combining mark is one Character to a String's
        // search, and would survive a replacement made on the text.
        var lines: [UInt8] = []
        lines.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0D {
                lines.append(0x0A)
                if index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                lines.append(bytes[index])
            }
            index += 1
        }
        return .success(SourceFile(path: path, relativePath: relativePath, text: String(decoding: lines, as: UTF8.self)))
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }

    private static func location(ofByte offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes[bytes.startIndex..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
