/// A JSON value as Charter's data files write it: the model, its schema, the Organization Ontology (also in each
/// page's head) and Popolo all build one of these and write it with `text(_:)`.
///
/// One writer for all of them, on bytes: Foundation's `JSONEncoder` and `JSONSerialization` took a fifth of a
/// 1,000-page build. Keys are written in the order of their UTF-8 bytes, which is the order `JSONEncoder` and
/// `JSONSerialization` gave the keys Charter writes (lowercase ASCII, `_`, `$` and `@`), so the files did not change.
///
/// ```swift
/// let value: JSON = ["name": "Integrationsforum", "members": ["a", "b"]]
/// value.text(.pretty)   // {\n  "members" : [\n    "a",\n    "b"\n  ],\n  "name" : "Integrationsforum"\n}\n
/// ```
indirect enum JSON: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
                    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSON])
    case object([String: JSON])

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(elements) { _, last in last }) }

    /// An object of the members that have a value.
    static func object(compacting members: [String: JSON?]) -> JSON {
        .object(members.compactMapValues { $0 })
    }

    /// An array, or nothing when `values` is empty (an empty list is left out like a missing value).
    static func list(_ values: [JSON]) -> JSON? {
        values.isEmpty ? nil : .array(values)
    }

    /// The value, or nil when it is an empty object.
    var nonEmpty: JSON? {
        if case .object(let members) = self, members.isEmpty { return nil }
        return self
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }

    /// The value as JSON text in `style`; a pretty style ends with a newline.
    func text(_ style: JSONStyle) -> String {
        var writer = JSONWriter(style: style)
        writer.out.reserveCapacity(4096)
        writer.write(self, depth: 0)
        if style.finalNewline { writer.out.append(UInt8(ascii: "\n")) }
        return String(decoding: writer.out, as: UTF8.self)
    }
}

/// How `JSON.text(_:)` lays a value out.
struct JSONStyle: Sendable {
    /// A member or item a line, indented by two spaces a level.
    var pretty: Bool
    /// Between a key and its value.
    var colon: String
    /// Arrays and objects whose members are all strings on one line (a link, a date, a list of types), when pretty.
    var inlinesStrings: Bool
    /// `<`, `>`, `&`, U+2028 and U+2029 written as `\u` escapes, for a `<script>` block.
    var scriptSafe: Bool
    /// Backspace and form feed as `\b` and `\f` (else `\u0008`, `\u000c`).
    var shortEscapes: Bool
    var finalNewline: Bool

    /// Foundation's pretty printing (`"key" : value`, empty containers on two lines), as `model.json`,
    /// `model.schema.json` and `popolo.json` were first written.
    static let pretty = JSONStyle(pretty: true, colon: " : ", inlinesStrings: false, scriptSafe: false, shortEscapes: true,
                                  finalNewline: true)
    /// `organisation.jsonld`: `"key": value`, links and dates on one line.
    static let linkedData = JSONStyle(pretty: true, colon: ": ", inlinesStrings: true, scriptSafe: false, shortEscapes: false,
                                      finalNewline: false)
    /// One line, safe inside a page's `<script type="application/ld+json">`.
    static let script = JSONStyle(pretty: false, colon: ":", inlinesStrings: true, scriptSafe: true, shortEscapes: false,
                                  finalNewline: false)
}

/// Writes a `JSON` value as UTF-8 bytes.
struct JSONWriter {
    let style: JSONStyle
    var out: [UInt8] = []

    init(style: JSONStyle) {
        self.style = style
    }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .string(let text): write(string: text)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .object(let members):
            // String's `<` orders by Unicode scalar values, which is the order of the UTF-8 bytes.
            let sorted = members.sorted { $0.key < $1.key }
            let inline = style.inlinesStrings && members.values.allSatisfy(\.isString)
            container("{", "}", count: sorted.count, depth: depth, inline: inline) { writer, index in
                writer.write(string: sorted[index].key)
                writer.out.append(contentsOf: writer.style.colon.utf8)
                writer.write(sorted[index].value, depth: depth + 1)
            }
        case .array(let values):
            let inline = style.inlinesStrings && values.allSatisfy(\.isString)
            container("[", "]", count: values.count, depth: depth, inline: inline) { writer, index in
                writer.write(values[index], depth: depth + 1)
            }
        }
    }

    /// Brackets around `count` members: when pretty, one a line, or all on one line when `inline`.
    private mutating func container(_ open: Unicode.Scalar, _ close: Unicode.Scalar, count: Int, depth: Int, inline: Bool,
                                    member: (inout JSONWriter, Int) -> Void) {
        out.append(UInt8(ascii: open))
        if count == 0, style.pretty, !style.inlinesStrings {
            // Foundation writes an empty container over two lines.
            out.append(UInt8(ascii: "\n"))
            newline(depth)
        }
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if inline { if index > 0, style.pretty { out.append(UInt8(ascii: " ")) } } else { newline(depth + 1) }
            member(&self, index)
        }
        if count > 0, !inline { newline(depth) }
        out.append(UInt8(ascii: close))
    }

    private mutating func newline(_ depth: Int) {
        guard style.pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func write(string: String) {
        out.append(UInt8(ascii: "\""))
        let scriptSafe = style.scriptSafe
        var utf8 = string.utf8
        let plain = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || (scriptSafe && Self.unsafe($0)) }
        }
        if plain == true {
            out.append(contentsOf: utf8)
        } else {
            if plain == nil {
                var copy = string
                copy.makeContiguousUTF8()
                utf8 = copy.utf8
            }
            escape(utf8)
        }
        out.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ utf8: String.UTF8View) {
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x08 where style.shortEscapes: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C where style.shortEscapes: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0..<0x20: unicodeEscape(UInt32(byte))
            case _ where !style.scriptSafe || !Self.unsafe(byte): out.append(byte)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line in JavaScript; other E2 sequences pass.
                let next = utf8.index(after: index)
                let last = next == utf8.endIndex ? next : utf8.index(after: next)
                if last != utf8.endIndex, utf8[next] == 0x80, utf8[last] == 0xA8 || utf8[last] == 0xA9 {
                    unicodeEscape(utf8[last] == 0xA8 ? 0x2028 : 0x2029)
                    index = last
                } else {
                    out.append(byte)
                }
            default: unicodeEscape(UInt32(byte))
            }
            index = utf8.index(after: index)
        }
    }

    /// The bytes a page's block escapes: `<`, `>`, `&`, and the first byte of U+2028 and U+2029.
    private static func unsafe(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == 0xE2
    }

    private mutating func unicodeEscape(_ value: UInt32) {
        let hex = String(value, radix: 16)
        out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
