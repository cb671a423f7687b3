import Foundation

/// A parsed Mustache template: the tree of nodes its text parses into.
///
/// Parse once when the templates are loaded, then register it in a `TemplateLibrary`, which compiles it into a flat
/// program (`TemplateProgram`) with its partials and parents resolved, and renders that:
///
/// ```swift
/// let template = try Template("<h1>{{title}}</h1>{{#items}}<li>{{.}}</li>{{/items}}")
/// ```
struct Template: Sendable {
    /// The nodes, in the order they render.
    let nodes: [Node]

    /// Parses `text`.
    ///
    /// - Parameter text: The template's Mustache text.
    /// - Throws: `TemplateSyntaxError` at the line and column of the faulty tag.
    init(_ text: String) throws {
        self.nodes = try TemplateParser.parse(text)
    }

    /// One piece of a template. Byte strings are UTF-8, as the renderer writes them.
    indirect enum Node: Sendable {
        /// Text copied as it is.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
        case variable(Variable, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
        case section(Variable, [Node], inverted: Bool)
        /// `{{> name}}`; a partial alone on its line is indented by the whitespace before it.
        case partial(String, indentation: [UInt8])
        /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: the template `name` with these blocks replaced.
        case parent(String, indentation: [UInt8], blocks: [String: [Node]])
        /// `{{$ name}}default{{/name}}`: replaced by a parent's block of that name, if any.
        case block(String, content: [Node], indentation: [UInt8])
    }
}

extension Template {
    /// A name in a tag, split up front: where to start looking, the keys to follow, and the transforms to apply.
    struct Variable: Sendable, Equatable {
        enum Scope: Sendable, Equatable {
            /// Look the first key up the context stack, innermost first (`name`, `a.b`).
            case stack
            /// Only in the innermost context (`.`, `.name`).
            case top
            /// The position in the list being iterated (`index()`, `first()`), as swift-mustache offers.
            case loop
        }

        var scope: Scope
        /// The keys, each with its fingerprint for `TemplateMap`.
        var path: [TemplateKey]
        /// Innermost first: `uppercased(reversed(x))` is `[.reversed, .uppercased]`.
        var transforms: [Transform]

        /// The variable of a tag's name (`a.b`, `.`, `.a`, or empty with transforms for the loop position).
        init(name: String, transforms: [Transform]) {
            self.transforms = transforms
            self.path = name.split(separator: ".").map { TemplateKey(String($0)) }
            if name == "." || name.hasPrefix(".") {
                scope = .top
            } else if name.isEmpty, !transforms.isEmpty {
                scope = .loop
            } else {
                scope = .stack
            }
        }
    }

    /// A function applied to a value in a tag, written `transform(name)`.
    ///
    /// These are swift-mustache's transforms (less `sorted` and `enumerated`), each defined on the same kinds of
    /// value; applied to any other kind, a transform yields nothing, so `{{^empty(x)}}` renders when `x` is missing or not
    /// a list, map or string.
    enum Transform: String, Sendable, CaseIterable {
        case empty, count, first, last, reversed, uppercased, lowercased, capitalized
        case equalzero, plusone, minusone, even, odd, index

        /// The transformed value, or nil when the transform does not apply to this kind of value.
        func apply(to value: TemplateValue) -> TemplateValue? {
            if case .utf8(let bytes) = value { return apply(to: .string(String(decoding: bytes, as: UTF8.self))) }
            return switch (self, value) {
            case (.empty, .list(let list)): .bool(list.isEmpty)
            case (.empty, .map(let map)): .bool(map.isEmpty)
            case (.empty, .string(let string)): .bool(string.isEmpty)
            case (.count, .list(let list)): .int(list.count)
            case (.count, .map(let map)): .int(map.count)
            case (.first, .list(let list)): list.first
            case (.last, .list(let list)): list.last
            case (.reversed, .list(let list)): .list(list.reversed())
            case (.reversed, .string(let string)): .string(String(string.reversed()))
            case (.uppercased, .string(let string)): .string(string.uppercased())
            case (.lowercased, .string(let string)): .string(string.lowercased())
            case (.capitalized, .string(let string)): .string(string.capitalized)
            case (.equalzero, .int(let int)): .bool(int == 0)
            case (.plusone, .int(let int)): .int(int &+ 1)
            case (.minusone, .int(let int)): .int(int &- 1)
            case (.even, .int(let int)): .bool(int & 1 == 0)
            case (.odd, .int(let int)): .bool(int & 1 == 1)
            default: nil
            }
        }

        /// The transform of a position in a list: `first()`, `last()`, `index()`, `even()`, `odd()`.
        func apply(to position: LoopPosition) -> TemplateValue? {
            switch self {
            case .first: .bool(position.index == 0)
            case .last: .bool(position.index == position.count - 1)
            case .index: .int(position.index)
            case .even: .bool(position.index & 1 == 0)
            case .odd: .bool(position.index & 1 == 1)
            default: nil
            }
        }
    }

    /// Where a list section is in its list.
    struct LoopPosition: Sendable {
        var index: Int
        var count: Int
    }
}
