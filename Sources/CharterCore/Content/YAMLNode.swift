/// A YAML value as Charter reads it: every scalar is text (Charter checks types itself), aliases are already
/// replaced by the value they name, and every value knows where it stands in the text.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// if case .mapping(let mapping)? = YAMLReader.parse("title: Forum", path: "site.yml", into: &diagnostics) {
///     mapping["title"]?.string  // "Forum", at mapping["title"]?.mark (1:8)
/// }
/// ```
enum YAMLNode: Sendable {
    /// A text, plain, quoted or a block (`|`, `>`).
    case scalar(Scalar)
    /// A list: `- item` lines or `[a, b]`.
    case sequence(Sequence)
    /// Key/value pairs in the order written: `key: value` lines or `{a: b}`.
    case mapping(Mapping)

    /// A place in the YAML text: 1-based line, and 1-based column counted in Unicode scalars (as libyaml counts).
    struct Mark: Sendable, Hashable, CustomStringConvertible {
        /// The line, counted from 1.
        let line: Int
        /// The column, counted from 1 in Unicode scalars.
        let column: Int

        /// Creates a mark.
        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        var description: String { "\(line):\(column)" }
    }

    /// A scalar: its text and how it was written.
    package struct Scalar: Sendable {
        /// How a scalar was written; Charter treats a plain `~`, `null` or nothing as no value, but not a quoted one.
        enum Style: Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        /// The text, with quotes, escapes and block indentation resolved.
        package let string: String
        /// How it was written.
        package let style: Style
        /// Where it starts (at its anchor or tag, if it has one; at the opening quote when quoted).
        let mark: Mark
        /// An explicit tag other than the default one (`!foo x`); only compared to tell keys apart, as YAML does.
        let tag: String?

        /// Creates a scalar.
        package init(_ string: String, style: Style = .plain, mark: Mark, tag: String? = nil) {
            self.string = string
            self.style = style
            self.mark = mark
            self.tag = tag
        }
    }

    /// Where the value starts.
    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(let sequence): sequence.mark
        case .mapping(let mapping): mapping.mark
        }
    }

    /// The text of a scalar; nil for a list or a mapping.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}
