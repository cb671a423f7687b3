/// Renders a compiled template into one UTF-8 buffer, with the context stack as an array of values.
///
/// Follows swift-mustache's rendering: a list section renders once per item with the item pushed; `true` renders
/// once in the same context; `false`, a missing value and an empty list render nothing; anything else (a map, a
/// string, a number, also `""` and `0`) renders once with the value pushed. An inverted section renders exactly
/// when the section would not, with an empty list pushed. Indentation of a standalone partial or block is added
/// where swift-mustache adds it: before each rendered piece that starts a line within the same template, so the
/// second item of a list section in an indented partial is not indented.
///
/// Differences: HTML escaping works on bytes, so a `<` followed by a combining mark is escaped (swift-mustache
/// compares whole characters and lets it through); partials nested deeper than `maxDepth` render as empty instead
/// of overflowing the stack.
struct TemplateRenderer {
    typealias Node = Template.Node

    /// How deep partials, parents and blocks may nest, to stop a template that includes itself.
    static let maxDepth = 100

    private let templates: [String: Template]
    private var stack: [TemplateValue]
    private var output: [UInt8] = []
    private var depth = 0

    /// What a template renders within, besides the context stack.
    private struct Frame {
        /// Added at the start of each line of a standalone partial or block.
        var indentation: [UInt8] = []
        /// The blocks of the parents being rendered, by name; the outermost parent's block wins.
        var blocks: [String: [Node]]?
        /// Set directly inside a list section.
        var loop: Template.LoopPosition?

        func indented(by more: [UInt8]) -> [UInt8] {
            more.isEmpty ? indentation : indentation + more
        }
    }

    /// Renders `template` with `context`, taking partials and parents from `templates`.
    static func render(_ template: Template, context: TemplateValue, templates: [String: Template]) -> String {
        String(decoding: renderBytes(template, context: context, templates: templates), as: UTF8.self)
    }

    /// Renders `template` with `context` into UTF-8 bytes (valid UTF-8: the template's text and the values are).
    static func renderBytes(_ template: Template, context: TemplateValue, templates: [String: Template]) -> [UInt8] {
        var renderer = TemplateRenderer(templates: templates, stack: [context])
        renderer.output.reserveCapacity(32 * 1024)
        renderer.render(template.nodes, Frame())
        return renderer.output
    }

    private init(templates: [String: Template], stack: [TemplateValue]) {
        self.templates = templates
        self.stack = stack
    }

    private mutating func render(_ nodes: [Node], _ frame: Frame) {
        guard !frame.indentation.isEmpty else {
            for node in nodes { render(node, frame) }
            return
        }
        let start = output.count
        for node in nodes {
            if case .text(let text) = node {
                // Each line of a text is a piece of its own for swift-mustache.
                var lineStart = text.startIndex
                while lineStart < text.endIndex {
                    let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? text.endIndex
                    if startsLine(output.count, since: start) { output += frame.indentation }
                    output += text[lineStart..<lineEnd]
                    lineStart = lineEnd
                }
            } else {
                let before = output.count
                render(node, frame)
                if output.count > before, startsLine(before, since: start) {
                    output.insert(contentsOf: frame.indentation, at: before)
                }
            }
        }
    }

    /// Whether `offset` follows a line feed written since `start`; as in a Swift string, CR LF does not count.
    private func startsLine(_ offset: Int, since start: Int) -> Bool {
        guard offset > start, output[offset - 1] == UInt8(ascii: "\n") else { return false }
        return offset - 2 < start || output[offset - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: Node, _ frame: Frame) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let variable, let escaped):
            guard let value = resolve(variable, frame.loop) else { return }
            write(value, escaped: escaped)
        case .section(let variable, let content, let inverted):
            let value = resolve(variable, frame.loop)
            if inverted {
                renderInverted(value, content, frame)
            } else {
                renderSection(value, content, frame)
            }
        case .partial(let name, let indentation):
            guard let template = templates[name] else { return }
            include(template.nodes, Frame(indentation: frame.indented(by: indentation), blocks: frame.blocks))
        case .parent(let name, let indentation, let blocks):
            guard let template = templates[name] else { return }
            let merged = frame.blocks?.merging(blocks) { outer, _ in outer } ?? blocks
            include(template.nodes, Frame(indentation: frame.indented(by: indentation), blocks: merged))
        case .block(let name, let content, let indentation):
            include(frame.blocks?[name] ?? content, Frame(indentation: frame.indented(by: indentation), blocks: frame.blocks))
        }
    }

    private mutating func include(_ nodes: [Node], _ frame: Frame) {
        guard depth < Self.maxDepth else { return }
        depth += 1
        render(nodes, frame)
        depth -= 1
    }

    private mutating func renderSection(_ value: TemplateValue?, _ content: [Node], _ frame: Frame) {
        switch value {
        case .none, .bool(false), .null:
            return
        case .bool(true):
            render(content, frame)
        case .list(let items):
            var inner = frame
            for (index, item) in items.enumerated() {
                inner.loop = Template.LoopPosition(index: index, count: items.count)
                stack.append(item)
                render(content, inner)
                stack.removeLast()
            }
        case .some(let value):
            var inner = frame
            inner.loop = nil
            stack.append(value)
            render(content, inner)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ content: [Node], _ frame: Frame) {
        switch value {
        case .none, .bool(false), .null:
            render(content, frame)
        case .list(let items) where items.isEmpty:
            var inner = frame
            inner.loop = nil
            stack.append(.list(items))
            render(content, inner)
            stack.removeLast()
        default:
            return
        }
    }

    /// The value a tag names: the first key is looked up the stack (innermost first) unless the name starts with
    /// `.`, the other keys inside what it found; then the transforms. Nil when missing or `.null`.
    private func resolve(_ variable: Template.Variable, _ loop: Template.LoopPosition?) -> TemplateValue? {
        // Most tags name one key and no transform.
        if variable.scope == .stack, variable.transforms.isEmpty, variable.path.count == 1 {
            guard let found = lookUp(variable.path[0]) else { return nil }
            if case .null = found { return nil }
            return found
        }
        var value: TemplateValue
        var transforms = variable.transforms[...]
        switch variable.scope {
        case .loop:
            guard let loop, let first = transforms.popFirst(), let result = first.apply(to: loop) else { return nil }
            value = result
        case .top:
            value = stack[stack.count - 1]
            for key in variable.path {
                guard let child = value.child(key) else { return nil }
                value = child
            }
        case .stack:
            guard let first = variable.path.first else {
                value = stack[stack.count - 1]
                break
            }
            guard let found = lookUp(first) else { return nil }
            value = found
            for key in variable.path.dropFirst() {
                guard let child = value.child(key) else { return nil }
                value = child
            }
        }
        for transform in transforms {
            if case .null = value { return nil }
            guard let result = transform.apply(to: value) else { return nil }
            value = result
        }
        if case .null = value { return nil }
        return value
    }

    private func lookUp(_ key: TemplateKey) -> TemplateValue? {
        stack.withUnsafeBufferPointer { stack in
            var index = stack.count - 1
            while index >= 0 {
                if let value = stack[index].child(key) { return value }
                index -= 1
            }
            return nil
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .string(let string):
            if escaped { writeEscaped(string) } else { output += string.utf8 }
        case .utf8(let bytes):
            if escaped { bytes.withUnsafeBufferPointer { HTML.appendEscaped($0, to: &output) } } else { output += bytes }
        case .int(let int):
            output += String(int).utf8
        case .bool(let bool):
            output += (bool ? "true" : "false").utf8
        default:
            if escaped { writeEscaped(value.text) } else { output += value.text.utf8 }
        }
    }

    /// Appends `string` with `&`, `<`, `>`, `"` and `'` escaped, as swift-mustache escapes them.
    private mutating func writeEscaped(_ string: String) {
        HTML.appendEscaped(string, to: &output)
    }
}
