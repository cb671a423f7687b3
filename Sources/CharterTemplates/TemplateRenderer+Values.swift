/// Looking values up and writing them and the template's text.
extension TemplateRenderer {
    /// The value of `program.variables[id]`: the first key is looked up the stack (innermost first) unless the name
    /// starts with `.`, the other keys inside what it found; then the transforms. Nil when missing or `.null`.
    mutating func resolve(_ id: Int) -> TemplateValue? {
        let variable = program.variables[id]
        // Most tags name one key and no transform.
        if variable.isSingleKey {
            guard let found = lookUp(Int(program.pathKeys[Int(variable.pathStart)])) else { return nil }
            if case .null = found { return nil }
            return found
        }
        var value: TemplateValue
        var transforms = Int(variable.transformStart)..<Int(variable.transformStart + variable.transformCount)
        let path = Int(variable.pathStart)..<Int(variable.pathStart + variable.pathCount)
        switch variable.scope {
        case .loop:
            guard let loop, let first = transforms.popFirst(), let result = program.transforms[first].apply(to: loop) else {
                return nil
            }
            value = result
        case .top:
            value = contexts[contexts.count - 1]
            for index in path {
                guard let child = value.child(program.keys[Int(program.pathKeys[index])]) else { return nil }
                value = child
            }
        case .stack:
            guard let first = path.first else {
                value = contexts[contexts.count - 1]
                break
            }
            guard let found = lookUp(Int(program.pathKeys[first])) else { return nil }
            value = found
            for index in path.dropFirst() {
                guard let child = value.child(program.keys[Int(program.pathKeys[index])]) else { return nil }
                value = child
            }
        }
        for index in transforms {
            if case .null = value { return nil }
            guard let result = program.transforms[index].apply(to: value) else { return nil }
            value = result
        }
        if case .null = value { return nil }
        return value
    }

    /// The value of the key in slot `key` in the innermost context that has it.
    private mutating func lookUp(_ key: Int) -> TemplateValue? {
        let name = program.keys[key]
        var index = contexts.count - 1
        while index >= 0 {
            if case .map(let map) = contexts[index], let value = map.value(for: name, hint: &hints[key]) { return value }
            index -= 1
        }
        return nil
    }

    /// Writes `count` bytes of the program's text from `start`, indenting each line that starts a line of the level.
    mutating func writeText(_ start: Int, _ count: Int) {
        let text = program.text
        guard start >= 0, count > 0, start + count <= text.count else { return }
        guard !indentation.isEmpty else {
            output += text[start..<start + count]
            return
        }
        // Each line of a text is a piece of its own for swift-mustache.
        let end = start + count
        var lineStart = start
        while lineStart < end {
            let lineEnd = text.offset(of: UInt8(ascii: "\n"), in: lineStart..<end).map { $0 + 1 } ?? end
            if startsLine(output.count) {
                output += indentation
            } else {
                writePendingIndentation()
            }
            output += text[lineStart..<lineEnd]
            lineStart = lineEnd
        }
    }

    /// Whether `offset` follows a line feed written since the level started; as in a Swift string, CR LF does not
    /// count.
    @inline(__always)
    func startsLine(_ offset: Int) -> Bool {
        guard offset > levelStart, output[offset - 1] == UInt8(ascii: "\n") else { return false }
        return offset - 2 < levelStart || output[offset - 2] != UInt8(ascii: "\r")
    }

    /// Writes the indentation a tag decided on, before its first byte.
    @inline(__always)
    mutating func writePendingIndentation() {
        guard pendingIndentation != 0 else { return }
        output += indentation[..<pendingIndentation]
        pendingIndentation = 0
    }

    mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string):
            guard !string.isEmpty else { return }
            writePendingIndentation()
            if escaped { HTML.appendEscaped(string, to: &output) } else { output += string.utf8 }
        case .utf8(let bytes):
            guard !bytes.isEmpty else { return }
            writePendingIndentation()
            if escaped { HTML.appendEscaped(bytes, to: &output) } else { output += bytes }
        case .int(let int):
            writePendingIndentation()
            output += String(int).utf8
        case .bool(let bool):
            writePendingIndentation()
            output += (bool ? "true" : "false").utf8
        default:
            let text = value.text
            guard !text.isEmpty else { return }
            writePendingIndentation()
            if escaped { HTML.appendEscaped(text, to: &output) } else { output += text.utf8 }
        }
    }
}
