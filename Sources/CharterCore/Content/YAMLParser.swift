import CYAML

/// The only door to the libyaml C library: reads one YAML document through libyaml's event API and builds
/// `YAMLNode` values at once (with `YAMLBuilder`), as Yams' `compose` did with its basic resolver: every scalar is
/// text, aliases are resolved, two equal keys in a mapping are an error, and a second document is an error.
///
/// The C wall, who owns what:
/// - the `yaml_parser_t` is allocated here, `yaml_parser_initialize`d, and `yaml_parser_delete`d and deallocated by
///   a `defer` in the same scope. It is on the heap because libyaml keeps a pointer to it in itself (the string
///   reader's `read_handler_data`), so it must not move;
/// - the input bytes belong to the caller and are only borrowed for the call; libyaml copies what it reads;
/// - every event `yaml_parser_parse` fills is `yaml_event_delete`d by a `defer` as soon as it has been read; its
///   texts (value, anchor, tag) are copied into Swift strings before that, and no C pointer leaves this file;
/// - libyaml's error texts (`problem`, `context`) are static C strings, copied into the error.
///
/// ```swift
/// let node = try YAMLParser.parse("title: Forum")
/// ```
enum YAMLParser {
    /// Parses the UTF-8 bytes of one YAML document. Returns nil for a text with no document (empty, or only comments).
    ///
    /// - Throws: `YAMLError` with libyaml's message (`"context, problem"`) at its place, or Charter's own for two equal
    ///   keys, an undefined alias, aliases that repeat too much, nesting that is too deep, or a second document.
    static func parse(_ text: String, bytes range: Range<Int>? = nil) throws -> YAMLNode? {
        var text = text
        return try text.withUTF8 { bytes in
            try parse(utf8: range.map { UnsafeBufferPointer(rebasing: bytes[$0]) } ?? bytes)
        }
    }

    /// Parses the UTF-8 bytes of one YAML document, as `parse(_:bytes:)` does.
    private static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> YAMLNode? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw YAMLError("Memory error", at: nil) }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, bytes.count)

        _ = try next(parser)  // the stream's start
        guard try next(parser).type != YAML_STREAM_END_EVENT else { return nil }  // else the document's start
        var builder = YAMLBuilder()
        while builder.root == nil {
            try next(parser) { event in try add(event, to: &builder) }
        }
        _ = try next(parser)  // the document's end
        let following = try next(parser)
        guard following.type == YAML_STREAM_END_EVENT else {
            throw YAMLError("expected a single document in the stream, but found another document", at: following.mark)
        }
        return builder.root
    }

    /// Parses the next event, hands it to `body` while its memory is valid, and frees it.
    private static func next<T>(_ parser: UnsafeMutablePointer<yaml_parser_t>, _ body: (yaml_event_t) throws -> T) throws -> T {
        var event = yaml_event_t()
        defer { yaml_event_delete(&event) }
        guard yaml_parser_parse(parser, &event) == 1 else { throw error(of: parser.pointee) }
        return try body(event)
    }

    /// Parses the next event and keeps only its type and place.
    private static func next(_ parser: UnsafeMutablePointer<yaml_parser_t>) throws -> (type: yaml_event_type_t, mark: YAMLNode.Mark) {
        try next(parser) { ($0.type, mark($0.start_mark)) }
    }

    private static func add(_ event: yaml_event_t, to builder: inout YAMLBuilder) throws {
        let mark = mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            var bytes = UnsafeBufferPointer(start: data.value, count: data.length)
            // One byte order mark at the start of a value is dropped, as Foundation's decoding in Yams dropped it.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
            let text = String(decoding: bytes, as: UTF8.self)
            let scalar = YAMLNode.Scalar(text, style: style(data.style), mark: mark,
                                         tag: tag(data.tag, default: "tag:yaml.org,2002:str"))
            builder.scalar(scalar, anchor: string(data.anchor))
        case YAML_ALIAS_EVENT:
            try builder.alias(string(event.data.alias.anchor) ?? "", at: mark)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try builder.startSequence(tag: tag(data.tag, default: "tag:yaml.org,2002:seq"), anchor: string(data.anchor), at: mark)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try builder.startMapping(tag: tag(data.tag, default: "tag:yaml.org,2002:map"), anchor: string(data.anchor), at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try builder.end()
        default:
            // libyaml gives only node events until the document's value is complete; anything else would loop.
            throw YAMLError("found an unexpected event (\(event.type.rawValue)) inside a document", at: mark)
        }
    }

    /// libyaml's error, worded as Yams worded it: `"context, problem"` at the problem's place. A reader error (bytes
    /// libyaml refuses, such as a control character) has no line and column.
    private static func error(of parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("Memory error", at: nil)
        case YAML_READER_ERROR:
            return YAMLError(problem, at: nil)
        default:
            let context = parser.context.map { String(cString: $0) + ", " } ?? ""
            return YAMLError(context + problem, at: mark(parser.problem_mark))
        }
    }

    private static func mark(_ mark: yaml_mark_t) -> YAMLNode.Mark {
        YAMLNode.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private static func string(_ text: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        text.map { String(decodingCString: $0, as: UTF8.self) }
    }

    /// An explicit tag, or nil for none, for `!` (the non-specific tag) and for the kind's own default tag: YAML
    /// compares keys by their resolved tag, and these resolve to the default.
    private static func tag(_ text: UnsafeMutablePointer<yaml_char_t>?, default kindTag: String) -> String? {
        guard let tag = string(text), !tag.isEmpty, tag != "!", tag != kindTag else { return nil }
        return tag
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
