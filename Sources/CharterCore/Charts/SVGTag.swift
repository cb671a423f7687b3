/// One start tag of Graphviz's SVG, as a name and attributes in their written order (values stay escaped as written).
struct SVGTag {
    var name: String
    var attributes: [(name: String, value: String)]
    var selfClosing: Bool

    /// Parses the text between `<` and `>` of a start tag: `polygon fill="none" points="…"/`.
    init(_ text: String) {
        var bytes = Array(text.utf8)
        selfClosing = bytes.last == UInt8(ascii: "/")
        if selfClosing { bytes.removeLast() }
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 10 || byte == 9 || byte == 13 }
        let nameEnd = bytes.firstIndex(where: isSpace) ?? bytes.endIndex
        name = String(decoding: bytes[..<nameEnd], as: UTF8.self)
        attributes = []
        var index = nameEnd
        while let equals = bytes[index...].firstIndex(of: UInt8(ascii: "=")) {
            var keyStart = index
            while keyStart < equals, isSpace(bytes[keyStart]) { keyStart += 1 }
            let key = String(decoding: bytes[keyStart..<equals], as: UTF8.self)
            let quote = equals + 1
            guard quote < bytes.count, bytes[quote] == UInt8(ascii: "\"") || bytes[quote] == UInt8(ascii: "'") else { break }
            let end = bytes[(quote + 1)...].firstIndex(of: bytes[quote]) ?? bytes.endIndex
            attributes.append((key, String(decoding: bytes[(quote + 1)..<end], as: UTF8.self)))
            index = min(end + 1, bytes.count)
        }
    }

    subscript(name: String) -> String? {
        get { attributes.first { $0.name == name }?.value }
        set {
            if let newValue {
                if let index = attributes.firstIndex(where: { $0.name == name }) {
                    attributes[index].value = newValue
                } else {
                    attributes.append((name, newValue))
                }
            } else {
                attributes.removeAll { $0.name == name }
            }
        }
    }

    mutating func addClass(_ name: String) {
        let existing = self["class"].map { $0.split(separator: " ").map(String.init) } ?? []
        if !existing.contains(name) { self["class"] = (existing + [name]).joined(separator: " ") }
    }

    /// The tag's text without `<` and `>`.
    var serialized: String {
        ([name] + attributes.map { "\($0.name)=\"\($0.value)\"" }).joined(separator: " ") + (selfClosing ? "/" : "")
    }
}
