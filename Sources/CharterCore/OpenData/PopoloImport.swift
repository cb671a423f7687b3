import Foundation

/// Makes Charter content from a Popolo JSON file (`charter import popolo FILE`): people, bodies, units and roles with
/// their seats and holders, ready to build. The inverse of `Popolo.document(site:)`:
///
/// - persons become people (`personer/<id>.md`), posts roles (`roller/<id>.md`, `unit:` their organization);
/// - an organization becomes a unit (`enheder/`) when its `classification` names a unit kind of the site (key or label,
///   in any case) or is "unit", and a body (`organer/`) when it names a body kind or is "body"; any other is a unit when
///   it has sub-organizations or posts and no membership without a post, else a body. Into a folder without a
///   `site.yml`, any other classification becomes a kind of that type (its slug the key, the text the label), declared in
///   the `site.yml` the import writes. `parent_id` becomes a unit's
///   `parent` or a body's `reports_to`, `founding_date` and `dissolution_date` its `established` and `ends`, `abstract`
///   (a person's `summary`) its `summary`;
/// - a membership in a body becomes its `chair` (role "chair") or one of its `members`: a person, a post's role, or an
///   organization (`member: {"@type": "Organization"}`), `as:` its label (else a role other than "member"), `from` and
///   `until` its dates. A membership with a post and a person makes the person a holder of the role: the role's
///   `held_by` when it has one holder at a time, else the role in each holder's `roles`;
/// - Charter ids are slugs of the names (else of the Popolo ids), made unique; Popolo's `end_date` is the last day, so
///   `until` is the day after.
///
/// Nothing is written when anything is wrong, and no file is ever overwritten. What has no place in Charter (contact
/// details, identifiers, areas, events, …) is listed in `Result.unmapped` and reported as warnings.
///
/// ```swift
/// let result = PopoloImport.run(file: "folketinget.json", into: "content")
/// for diagnostic in result.diagnostics { print(diagnostic) }
/// ```
package enum PopoloImport {
    /// What an import found and wrote.
    package struct Result: Sendable {
        /// Errors (nothing was written) and warnings (what was not imported), located in the Popolo file.
        package var diagnostics: Diagnostics
        /// The files written, relative to the content folder, in the order written; empty on errors.
        package var written: [String]
        /// What could not be mapped, as `collection.field (count)` (`persons.contact_details (12)`, `events (3)`); empty when
        /// the file could not be read.
        package var unmapped: [String]
    }

    /// Reads the Popolo file `file` and writes its content files into `folder` (created if missing), with a `site.yml`
    /// when the folder has none.
    package static func run(file: String, into folder: String) -> Result {
        var reader = PopoloReader(path: file)
        guard let file = reader.read() else { return Result(diagnostics: reader.diagnostics, written: [], unmapped: []) }
        var diagnostics = reader.diagnostics
        var unmapped = reader.unmapped
        let existing = existingIDs(in: folder)
        let declared = vocabulary(in: folder)
        // Without a site.yml, the classifications are the kinds: each becomes a kind of its type in the site.yml written.
        let content = PopoloContent(file: file, vocabulary: declared ?? Vocabulary(), learnsKinds: declared == nil)
        var learned: [EntityType: [Vocabulary.Kind]] = [:]
        let files = content.files(unmapped: &unmapped, learned: &learned)
        for item in files {
            if let other = existing[item.id] {
                let what = other == item.path ? "'\(item.path)' exists already" : "the id '\(item.id)' is taken by '\(other)'"
                diagnostics.error("\(what) in '\(folder)'; charter import never overwrites a file (import into an empty folder)",
                                  at: item.location)
            }
        }
        var siteFile: [(path: String, text: String)] = []
        if !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("site.yml")) {
            let name = (reader.path as NSString).lastPathComponent
            let title = (name as NSString).deletingPathExtension
            var text = "# Made by charter import popolo from \(PopoloYAML.quoted(name)).\ntitle: \(PopoloYAML.quoted(title))\nlanguage: da\n"
            if !learned.isEmpty {
                text += "# The kinds, from the organizations' classifications.\nkinds:\n"
                for type in Vocabulary.typesWithKinds {
                    guard let kinds = learned[type] else { continue }
                    text += "  \(type.rawValue):\n" + kinds.map { "    \($0.key): \(PopoloYAML.quoted($0.label))\n" }.joined()
                }
            }
            siteFile = [("site.yml", text)]
        }
        var written: [String] = []
        if !diagnostics.hasErrors {
            written = write(siteFile + files.map { ($0.path, $0.text) }, into: folder, &diagnostics)
        }
        unmapped.report(into: &diagnostics)
        return Result(diagnostics: diagnostics, written: written, unmapped: unmapped.entries)
    }

    /// The kinds the folder's `site.yml` declares; nil when it has none.
    private static func vocabulary(in folder: String) -> Vocabulary? {
        let path = (folder as NSString).appendingPathComponent("site.yml")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var ignored = Diagnostics()
        return SiteConfig.read(SourceFile(path: path, relativePath: "site.yml", text: text), into: &ignored).vocabulary
    }

    /// The ids of the content files already in the folder (their file names), with their paths.
    private static func existingIDs(in folder: String) -> [String: String] {
        var ids: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder) ?? NSEnumerator() where path.hasSuffix(".md") {
            let id = String((path as NSString).lastPathComponent.dropLast(3))
            if ids[id] == nil { ids[id] = path }
        }
        return ids
    }

    /// Writes every file without overwriting; on a failure, removes what it wrote and the folders it made.
    private static func write(_ files: [(path: String, text: String)], into folder: String,
                              _ diagnostics: inout Diagnostics) -> [String] {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        var written: [URL] = []
        var made: [URL] = []
        var ready: Set<URL> = []
        do {
            for file in files {
                let url = root.appendingPathComponent(file.path)
                let folder = url.deletingLastPathComponent()
                if !ready.contains(folder) {
                    var missing: [URL] = []
                    var parent = folder
                    while !fileManager.fileExists(atPath: parent.path) {
                        missing.insert(parent, at: 0)
                        parent = parent.deletingLastPathComponent()
                    }
                    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                    made += missing
                    ready.insert(folder)
                }
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(url)
            }
        } catch {
            for url in written { try? fileManager.removeItem(at: url) }
            for url in made.reversed() { try? fileManager.removeItem(at: url) }
            diagnostics.error("cannot write into '\(folder)': \((error as NSError).localizedDescription); nothing written",
                              at: SourceLocation(path: folder))
            return []
        }
        return files.map(\.path)
    }
}

/// What could not be imported: counted by `collection.field`, with where each was first seen and why.
struct PopoloTally: Sendable {
    private var order: [String] = []
    private var counts: [String: Int] = [:]
    private var first: [String: (location: SourceLocation, why: String)] = [:]

    mutating func add(_ what: String, why: String, at location: SourceLocation) {
        if counts[what] == nil {
            order.append(what)
            first[what] = (location, why)
        }
        counts[what, default: 0] += 1
    }

    /// `collection.field (count)`, in the order first seen.
    var entries: [String] { order.map { "\($0) (\(counts[$0]!))" } }

    /// One warning per entry, at its first occurrence.
    func report(into diagnostics: inout Diagnostics) {
        for what in order {
            let (location, why) = first[what]!
            let times = counts[what]! == 1 ? "" : " (\(counts[what]!) times)"
            diagnostics.warning("not imported: \(what)\(times): \(why)", at: location)
        }
    }
}

/// Double-quoted YAML, for text read from a Popolo file.
enum PopoloYAML {
    /// `text` in double quotes, with `"`, `\` and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x2028, 0x2029, 0xFEFF].contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A JSON value with the line and column (in Unicode scalars, from 1) where it starts, for located diagnostics.
struct LocatedJSON: Sendable {
    enum Kind: Sendable {
        case object([(key: String, value: LocatedJSON)])
        case array([LocatedJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    var kind: Kind
    var line: Int
    var column: Int

    /// The first value of `key`, when this is an object.
    subscript(key: String) -> LocatedJSON? {
        if case .object(let pairs) = kind { return pairs.first { $0.key == key }?.value }
        return nil
    }

    var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    var array: [LocatedJSON]? {
        if case .array(let items) = kind { return items }
        return nil
    }

    var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// "an object", "a list", … for messages.
    var shape: String {
        switch kind {
        case .object: "an object"
        case .array: "a list"
        case .string: "a text"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    /// Why a text is not JSON, and where.
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// Parses `text` (RFC 8259; a leading byte order mark is skipped).
    static func parse(_ text: String) throws(Failure) -> LocatedJSON {
        var parser = Parser(bytes: Array(text.utf8))
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.peek == nil else { throw parser.failure("more text after the end of the JSON value") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1
        var depth = 0

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func failure(_ message: String) -> Failure { Failure(message: message, line: line, column: column) }

        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        mutating func skipSpace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
            guard peek == byte else { throw failure("expected \(what), found \(found)") }
            advance()
        }

        /// The next character, for messages.
        var found: String {
            guard index < bytes.count else { return "the end of the file" }
            let scalar = String(decoding: bytes[index...].prefix { $0 != 0 }.prefix(4), as: UTF8.self).unicodeScalars.first
            return scalar.map { $0.value < 0x20 ? "a control character" : "'\(Character($0))'" } ?? "a byte"
        }

        mutating func value() throws(Failure) -> LocatedJSON {
            let (line, column) = (self.line, self.column)
            let kind: Kind
            guard let byte = peek else { throw failure("expected a value, found the end of the file") }
            switch byte {
            case UInt8(ascii: "{"): kind = try object()
            case UInt8(ascii: "["): kind = try array()
            case UInt8(ascii: "\""): kind = .string(try string())
            case UInt8(ascii: "t"): try literal("true"); kind = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); kind = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); kind = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): kind = .number(try number())
            default: throw failure("expected a value (an object, a list, a text, a number, true, false or null), found \(found)")
            }
            return LocatedJSON(kind: kind, line: line, column: column)
        }

        mutating func nest() throws(Failure) {
            depth += 1
            guard depth <= 200 else { throw failure("nested more than 200 levels deep") }
        }

        mutating func object() throws(Failure) -> Kind {
            try nest()
            advance()
            var pairs: [(key: String, value: LocatedJSON)] = []
            skipSpace()
            if peek == UInt8(ascii: "}") {
                advance()
                depth -= 1
                return .object(pairs)
            }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes, found \(found)") }
                let key = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"), "':' after the key")
                skipSpace()
                pairs.append((key, try value()))
                skipSpace()
                if peek == UInt8(ascii: ",") { advance(); continue }
                try expect(UInt8(ascii: "}"), "',' or '}'")
                depth -= 1
                return .object(pairs)
            }
        }

        mutating func array() throws(Failure) -> Kind {
            try nest()
            advance()
            var items: [LocatedJSON] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                advance()
                depth -= 1
                return .array(items)
            }
            while true {
                skipSpace()
                items.append(try value())
                skipSpace()
                if peek == UInt8(ascii: ",") { advance(); continue }
                try expect(UInt8(ascii: "]"), "',' or ']'")
                depth -= 1
                return .array(items)
            }
        }

        mutating func literal(_ word: String) throws(Failure) {
            for byte in word.utf8 {
                guard peek == byte else { throw failure("expected '\(word)', found \(found)") }
                advance()
            }
        }

        mutating func number() throws(Failure) -> String {
            let start = index
            while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "+-.eE".utf8.contains(byte) { advance() }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            let valid = text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"#, options: .regularExpression) != nil
            guard valid else { throw Failure(message: "'\(text)' is not a JSON number", line: line, column: column - text.count) }
            return text
        }

        mutating func string() throws(Failure) -> String {
            advance()
            var out: [UInt8] = []
            while true {
                guard let byte = peek else { throw failure("a text in double quotes is not closed") }
                switch byte {
                case UInt8(ascii: "\""):
                    advance()
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    advance()
                    try escape(into: &out)
                case 0..<0x20:
                    throw failure("a control character inside a text (write it as \\n, \\t or \\u00XX)")
                default:
                    out.append(byte)
                    advance()
                }
            }
        }

        mutating func escape(into out: inout [UInt8]) throws(Failure) {
            guard let byte = peek else { throw failure("a text in double quotes is not closed") }
            if let plain = Self.escapes[byte] {
                out.append(plain)
                advance()
                return
            }
            guard byte == UInt8(ascii: "u") else { throw failure("unknown escape '\\\(found.dropFirst().dropLast())' in a text") }
            advance()
            var code = try hex4()
            if (0xD800...0xDBFF).contains(code) {
                guard peek == UInt8(ascii: "\\") else { throw failure("a \\u escape of half a character (a lone surrogate)") }
                advance()
                try expect(UInt8(ascii: "u"), "the second half of a \\u surrogate pair")
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("a \\u escape of half a character (a lone surrogate)") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else { throw failure("a \\u escape of half a character (a lone surrogate)") }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }

        /// What `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r` and `\t` stand for.
        static let escapes: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
                                              UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09]

        mutating func hex4() throws(Failure) -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek, let digit = UInt32(String(UnicodeScalar(byte)), radix: 16) else {
                    throw failure("expected four hexadecimal digits after \\u")
                }
                code = code * 16 + digit
                advance()
            }
            return code
        }
    }
}

/// The Popolo file's persons, organizations, posts and memberships, checked: names are plain text, ids unique, and
/// every reference points to something in the file.
struct PopoloFile {
    /// An id as written (or made up for an item without one, which nothing can refer to), and where.
    struct Ref {
        var id: String
        var location: SourceLocation
    }

    struct Person {
        var ref: Ref
        var name: String
        var summary: String?
    }

    struct Organization {
        var ref: Ref
        var name: String
        var classification: String?
        var classificationLocation: SourceLocation?
        var parent: Ref?
        var founded: Day?
        var dissolved: Day?
        var summary: String?
    }

    struct Post {
        var ref: Ref
        var label: String
        var organization: Ref?
    }

    struct Membership {
        var location: SourceLocation
        var person: Ref?
        /// A member that is an organization (`member: {"@type": "Organization", "id": …}`).
        var memberOrganization: Ref?
        var organization: Ref?
        var post: Ref?
        var role: String?
        var label: String?
        var from: Day?
        /// The day after `end_date`.
        var until: Day?
    }

    var persons: [Person] = []
    var organizations: [Organization] = []
    var posts: [Post] = []
    var memberships: [Membership] = []
}

/// Reads and checks a Popolo file, reporting each problem at its line and column.
struct PopoloReader {
    let path: String
    var diagnostics = Diagnostics()
    var unmapped = PopoloTally()
    private var file = PopoloFile()
    /// The first place of each id, by collection.
    private var seen: [String: [String: SourceLocation]] = [:]

    init(path: String) {
        self.path = path
    }

    /// The checked file, or nil with errors in `diagnostics`.
    mutating func read() -> PopoloFile? {
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read the file", at: start)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("not JSON: the file is not UTF-8 text", at: start)
            return nil
        }
        let root: LocatedJSON
        do {
            root = try LocatedJSON.parse(text)
        } catch {
            let location = SourceLocation(path: path, line: error.line, column: max(1, error.column))
            diagnostics.error("not JSON: \(error.message)", at: location)
            return nil
        }
        readCollections(of: root)
        guard !diagnostics.hasErrors else { return nil }
        checkReferences()
        return diagnostics.hasErrors ? nil : file
    }

    private func location(of value: LocatedJSON) -> SourceLocation {
        SourceLocation(path: path, line: value.line, column: value.column)
    }

    private static let collections = ["persons", "organizations", "posts", "memberships"]

    private mutating func readCollections(of root: LocatedJSON) {
        guard case .object(let pairs) = root.kind, root["persons"]?.array != nil || root["organizations"]?.array != nil else {
            diagnostics.error("not Popolo: the file has no 'persons' or 'organizations' list (it holds \(root.shape))",
                              at: location(of: root))
            return
        }
        for (key, value) in pairs where !value.isNull {
            guard Self.collections.contains(key) else {
                unmapped.add(key, why: "Charter has no place for it", at: location(of: value))
                continue
            }
            guard let items = value.array else {
                diagnostics.error("'\(key)' must be a list, not \(value.shape)", at: location(of: value))
                continue
            }
            for item in items {
                switch key {
                case "persons": readPerson(item)
                case "organizations": readOrganization(item)
                case "posts": readPost(item)
                default: readMembership(item, PopoloFile.Membership(location: location(of: item)))
                }
            }
        }
    }

    /// The fields of one item, with the keys read so far, so that the rest can be reported as not imported.
    private struct Fields {
        let collection: String
        let pairs: [(key: String, value: LocatedJSON)]
        var read: Set<String> = []

        mutating func take(_ key: String) -> LocatedJSON? {
            read.insert(key)
            return pairs.first { $0.key == key && !$0.value.isNull }?.value
        }
    }

    private mutating func fields(of item: LocatedJSON, in collection: String) -> Fields? {
        guard case .object(let pairs) = item.kind else {
            diagnostics.error("each item of '\(collection)' must be an object, not \(item.shape)", at: location(of: item))
            return nil
        }
        return Fields(collection: collection, pairs: pairs)
    }

    private mutating func finish(_ fields: Fields) {
        for (key, value) in fields.pairs where !fields.read.contains(key) && !value.isNull {
            unmapped.add("\(fields.collection).\(key)", why: "Charter has no place for it", at: location(of: value))
        }
    }

    /// The item's `id`, registered as seen; an item without one gets an id nothing can refer to.
    private mutating func ref(_ fields: inout Fields, of item: LocatedJSON, kind: String) -> PopoloFile.Ref {
        let made = PopoloFile.Ref(id: "\u{0}\(fields.collection)/\(item.line):\(item.column)", location: location(of: item))
        seen[fields.collection, default: [:]][made.id] = made.location
        guard let value = fields.take("id") else { return made }
        guard let ref = ref(value, key: "id"), !ref.id.isEmpty else {
            diagnostics.error("the \(kind)'s 'id' is empty", at: location(of: value))
            return made
        }
        if let first = seen[fields.collection]?[ref.id] {
            diagnostics.error("duplicate \(kind) id '\(ref.id)'; first at line \(first.line)", at: ref.location)
        } else {
            seen[fields.collection, default: [:]][ref.id] = ref.location
        }
        return ref
    }

    /// An id in a reference field: a text or a number.
    private mutating func ref(_ value: LocatedJSON, key: String) -> PopoloFile.Ref? {
        switch value.kind {
        case .string(let id), .number(let id): return PopoloFile.Ref(id: id, location: location(of: value))
        default:
            diagnostics.error("'\(key)' must be an id (a text), not \(value.shape)", at: location(of: value))
            return nil
        }
    }

    /// A text field, on one line.
    private mutating func text(_ value: LocatedJSON?, key: String) -> String? {
        guard let value else { return nil }
        guard let text = value.string else {
            diagnostics.error("'\(key)' must be a text, not \(value.shape)", at: location(of: value))
            return nil
        }
        let line = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return line.isEmpty ? nil : line
    }

    /// A name or label: required, plain text.
    private mutating func name(_ fields: inout Fields, _ key: String, of item: LocatedJSON, kind: String) -> String? {
        let value = fields.take(key)
        guard let value else {
            diagnostics.error("the \(kind) has no '\(key)'", at: location(of: item))
            return nil
        }
        return label(value, key: key, kind: kind, required: true)
    }

    private mutating func label(_ value: LocatedJSON, key: String, kind: String, required: Bool) -> String? {
        guard let text = text(value, key: key) else {
            if required, value.string != nil { diagnostics.error("the \(kind)'s '\(key)' is empty", at: location(of: value)) }
            return nil
        }
        guard !text.contains(where: { $0 == "<" || $0 == ">" }) else {
            diagnostics.error("the \(kind)'s '\(key)' holds markup ('<' or '>'); names are plain text", at: location(of: value))
            return nil
        }
        return text
    }

    /// A date: `YYYY-MM-DD`, or the day of a date and time; a year or a month alone is not imported.
    private mutating func day(_ value: LocatedJSON?, key: String, in collection: String) -> Day? {
        guard let value else { return nil }
        guard let text = value.string else {
            diagnostics.error("'\(key)' must be a date (YYYY-MM-DD), not \(value.shape)", at: location(of: value))
            return nil
        }
        if let day = Day(iso: text.count > 10 && text.dropFirst(10).first == "T" ? String(text.prefix(10)) : text) { return day }
        if text.range(of: #"^[0-9]{4}(-[0-9]{2})?$"#, options: .regularExpression) != nil {
            unmapped.add("\(collection).\(key) without a day", why: "Charter's dates are whole days (YYYY-MM-DD)",
                         at: location(of: value))
            return nil
        }
        diagnostics.error("'\(key)' must be a date (YYYY-MM-DD), not '\(text)'", at: location(of: value))
        return nil
    }

    private mutating func readPerson(_ item: LocatedJSON) {
        guard var fields = fields(of: item, in: "persons") else { return }
        let ref = ref(&fields, of: item, kind: "person")
        let name = name(&fields, "name", of: item, kind: "person")
        let summary = text(fields.take("summary"), key: "summary")
        readNested(&fields, PopoloFile.Membership(location: ref.location, person: ref))
        finish(fields)
        if let name { file.persons.append(PopoloFile.Person(ref: ref, name: name, summary: summary)) }
    }

    private mutating func readOrganization(_ item: LocatedJSON) {
        guard var fields = fields(of: item, in: "organizations") else { return }
        let ref = ref(&fields, of: item, kind: "organization")
        let name = name(&fields, "name", of: item, kind: "organization")
        let classification = fields.take("classification")
        var organization = PopoloFile.Organization(ref: ref, name: name ?? "",
                                                   classification: text(classification, key: "classification"),
                                                   classificationLocation: classification.map(location(of:)))
        organization.parent = fields.take("parent_id").flatMap { self.ref($0, key: "parent_id") }
        organization.founded = day(fields.take("founding_date"), key: "founding_date", in: fields.collection)
        organization.dissolved = day(fields.take("dissolution_date"), key: "dissolution_date", in: fields.collection)
        organization.summary = text(fields.take("abstract"), key: "abstract")
        readNested(&fields, PopoloFile.Membership(location: ref.location, organization: ref))
        finish(fields)
        if name != nil { file.organizations.append(organization) }
    }

    private mutating func readPost(_ item: LocatedJSON) {
        guard var fields = fields(of: item, in: "posts") else { return }
        let ref = ref(&fields, of: item, kind: "post")
        let label = name(&fields, "label", of: item, kind: "post")
        let organization = fields.take("organization_id").flatMap { self.ref($0, key: "organization_id") }
        readNested(&fields, PopoloFile.Membership(location: ref.location, organization: organization, post: ref))
        finish(fields)
        if let label { file.posts.append(PopoloFile.Post(ref: ref, label: label, organization: organization)) }
    }

    /// Memberships written inside a person, organization or post, which refer to it unless they say otherwise.
    private mutating func readNested(_ fields: inout Fields, _ defaults: PopoloFile.Membership) {
        guard let value = fields.take("memberships") else { return }
        guard let items = value.array else {
            diagnostics.error("'memberships' must be a list, not \(value.shape)", at: location(of: value))
            return
        }
        for item in items {
            var membership = defaults
            membership.location = location(of: item)
            readMembership(item, membership)
        }
    }

    private mutating func readMembership(_ item: LocatedJSON, _ defaults: PopoloFile.Membership) {
        guard var fields = fields(of: item, in: "memberships") else { return }
        var membership = defaults
        _ = fields.take("id")
        if let value = fields.take("person_id") { membership.person = ref(value, key: "person_id") }
        if let value = fields.take("organization_id") { membership.organization = ref(value, key: "organization_id") }
        if let value = fields.take("post_id") { membership.post = ref(value, key: "post_id") }
        if let member = fields.take("member") { readMember(member, into: &membership) }
        membership.role = text(fields.take("role"), key: "role")
        membership.label = fields.take("label").flatMap { label($0, key: "label", kind: "membership", required: false) }
        membership.from = day(fields.take("start_date"), key: "start_date", in: fields.collection)
        membership.until = day(fields.take("end_date"), key: "end_date", in: fields.collection).map(Self.dayAfter)
        finish(fields)
        file.memberships.append(membership)
    }

    /// `member: {"@type": "Person" or "Organization", "id": …}`.
    private mutating func readMember(_ member: LocatedJSON, into membership: inout PopoloFile.Membership) {
        guard var fields = fields(of: member, in: "memberships.member") else { return }
        let type = fields.take("@type")?.string?.lowercased()
        guard let value = fields.take("id"), let ref = ref(value, key: "member.id") else {
            diagnostics.error("a membership's 'member' needs an 'id'", at: location(of: member))
            return
        }
        switch type {
        case "person": membership.person = ref
        case "organization": membership.memberOrganization = ref
        default:
            diagnostics.error("a membership's 'member' needs '@type': \"Person\" or \"Organization\"", at: location(of: member))
        }
        finish(fields)
    }

    /// Charter's `until` (the first day without) of Popolo's `end_date` (the last day with).
    private static func dayAfter(_ day: Day) -> Day {
        if day.day < Day.daysIn(month: day.month, year: day.year) { return Day(year: day.year, month: day.month, day: day.day + 1) }
        if day.month < 12 { return Day(year: day.year, month: day.month + 1, day: 1) }
        return Day(year: day.year + 1, month: 1, day: 1)
    }

    /// Every id a membership, organization or post refers to must be in the file.
    private mutating func checkReferences() {
        func check(_ ref: PopoloFile.Ref?, _ key: String, in collection: String, _ what: String) {
            guard let ref, seen[collection]?[ref.id] == nil else { return }
            diagnostics.error("unknown \(key) '\(ref.id)': no \(what) in the file has that id", at: ref.location)
        }
        for membership in file.memberships {
            check(membership.person, "person_id", in: "persons", "person")
            check(membership.organization, "organization_id", in: "organizations", "organization")
            check(membership.memberOrganization, "member id", in: "organizations", "organization")
            check(membership.post, "post_id", in: "posts", "post")
        }
        for organization in file.organizations {
            check(organization.parent, "parent_id", in: "organizations", "organization")
            if let parent = organization.parent, parent.id == organization.ref.id {
                diagnostics.error("the organization '\(parent.id)' is its own parent", at: parent.location)
            }
        }
        for post in file.posts { check(post.organization, "organization_id", in: "organizations", "organization") }
    }
}

/// The Charter content files of a checked Popolo file (see `PopoloImport` for the mapping).
struct PopoloContent {
    /// One content file, with the id it gives and the place in the Popolo file it comes from.
    struct File {
        var id: String
        var path: String
        var text: String
        var location: SourceLocation
    }

    /// A seat at a body's table, or a holder of a role.
    private struct Seat {
        var id: String
        var label: String?
        var from: Day?
        var until: Day?
        var location: SourceLocation

        var isDated: Bool { from != nil || until != nil }
        var period: Period { Period(from: from.map(DateOrText.date), until: until.map(DateOrText.date)) }
    }

    let file: PopoloFile
    let vocabulary: Vocabulary
    /// Whether a classification that names no kind of `vocabulary` becomes a new kind (the import writes the site.yml).
    var learnsKinds = false

    private static let chairRoles: Set<String> = ["chair", "chairman", "chairwoman", "chairperson", "formand", "forperson",
                                                  "forkvinde"]
    private static let memberRoles: Set<String> = ["member", "medlem"]

    /// The files, people first, then organizations and roles, each in the order of the Popolo file.
    func files(unmapped: inout PopoloTally, learned: inout [EntityType: [Vocabulary.Kind]]) -> [File] {
        let persons = file.persons, organizations = file.organizations, posts = file.posts
        // Roles sit in units, and units hold units; a body has members of its own: people, or roles of other units.
        let withParts = Set(organizations.compactMap(\.parent?.id) + posts.compactMap(\.organization?.id))
        let unitOfPost = Dictionary(posts.map { ($0.ref.id, $0.organization?.id) }, uniquingKeysWith: { first, _ in first })
        let withMembers = Set(file.memberships.filter { membership in
            guard let post = membership.post else { return true }
            return unitOfPost[post.id].flatMap { $0 } != membership.organization?.id
        }.compactMap(\.organization?.id))
        let types = organizations.map {
            classify($0, likeAUnit: withParts.contains($0.ref.id) && !withMembers.contains($0.ref.id), &unmapped, &learned)
        }
        var used = EntitySchema.reservedIDs.union(["index", "null"])
        let personIDs = persons.map { Self.makeID($0.name, $0.ref.id, "person", &used) }
        let organizationIDs = organizations.map { Self.makeID($0.name, $0.ref.id, "organisation", &used) }
        let postIDs = posts.map { Self.makeID($0.label, $0.ref.id, "rolle", &used) }
        func index<T>(_ items: [T], _ ref: (T) -> PopoloFile.Ref) -> [String: Int] {
            Dictionary(items.enumerated().map { (ref($1).id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let personAt = index(persons, \.ref), organizationAt = index(organizations, \.ref), postAt = index(posts, \.ref)

        var chairs: [Int: [Seat]] = [:], members: [Int: [Seat]] = [:], holders: [Int: [(person: Int, seat: Seat)]] = [:]
        for membership in file.memberships {
            let person = membership.person.flatMap { personAt[$0.id] }
            let memberOrganization = membership.memberOrganization.flatMap { organizationAt[$0.id] }
            let organization = membership.organization.flatMap { organizationAt[$0.id] }
            let body = organization.flatMap { types[$0].type == .body ? $0 : nil }
            var seat = Seat(id: "", from: membership.from, until: membership.until, location: membership.location)
            func sit(_ id: String, canChair: Bool) {
                seat.id = id
                let role = membership.role?.lowercased()
                if canChair, let role, Self.chairRoles.contains(role) {
                    chairs[body!, default: []].append(seat)
                    return
                }
                seat.label = membership.label
                if let role, !Self.memberRoles.contains(role) {
                    if seat.label == nil {
                        seat.label = membership.role
                    } else {
                        unmapped.add("memberships.role besides a label",
                                     why: "a seat in Charter has one label ('as:'), taken from 'label'", at: membership.location)
                    }
                }
                members[body!, default: []].append(seat)
            }
            if let post = membership.post.flatMap({ postAt[$0.id] }) {
                if body != nil { sit(postIDs[post], canChair: true) }
                if let person {
                    let holder = Seat(id: personIDs[person], from: membership.from, until: membership.until, location: membership.location)
                    holders[post, default: []].append((person, holder))
                } else if body == nil {
                    unmapped.add("memberships with a post and no person", why: "only a person holds a role in Charter",
                                 at: membership.location)
                }
            } else if organization != nil, body == nil {
                unmapped.add("memberships in a unit without a post",
                             why: "a unit has no members in Charter; people work in a unit by holding a role there (a post)",
                             at: membership.location)
            } else if body != nil, let person {
                sit(personIDs[person], canChair: true)
            } else if body != nil, let memberOrganization {
                sit(organizationIDs[memberOrganization], canChair: false)
            } else {
                unmapped.add("memberships without a member or without an organization",
                             why: "a seat in Charter is a person, role, unit or body in a body", at: membership.location)
            }
        }

        var personRoles: [Int: [String]] = [:]
        var heldBy: [Int: [Seat]] = [:]
        for (post, list) in holders.sorted(by: { $0.key < $1.key }) {
            let seats = list.map(\.seat)
            let oneAtATime = seats.allSatisfy(\.isDated) && !seats.indices.contains { i in
                seats[..<i].contains { ChronologyChecker.overlap($0.period, seats[i].period, []) }
            }
            if seats.count == 1 || oneAtATime {
                heldBy[post] = seats
                continue
            }
            for (person, seat) in list where !personRoles[person, default: []].contains(postIDs[post]) {
                personRoles[person, default: []].append(postIDs[post])
                if seat.isDated {
                    unmapped.add("dates of holding a post several hold at once",
                                 why: "a role has one dated holder at a time in Charter; here each holder lists it in 'roles'",
                                 at: seat.location)
                }
            }
        }

        var files: [File] = []
        for (i, person) in persons.enumerated() {
            var yaml = Self.frontMatter(.person, person.name)
            yaml.add("summary", person.summary.map(PopoloYAML.quoted))
            yaml.add("roles", personRoles[i].map { "[\($0.joined(separator: ", "))]" })
            files.append(File(id: personIDs[i], path: "\(EntityType.person.listSlug)/\(personIDs[i]).md", text: yaml.text,
                              location: person.ref.location))
        }
        for (i, organization) in organizations.enumerated() {
            let (type, kind) = types[i]
            var yaml = Self.frontMatter(type, organization.name)
            yaml.add("kind", kind)
            yaml.add("summary", organization.summary.map(PopoloYAML.quoted))
            if let parent = organization.parent.flatMap({ organizationAt[$0.id] }) {
                if type == .body {
                    yaml.add("reports_to", organizationIDs[parent])
                } else if types[parent].type == .unit {
                    yaml.add("parent", organizationIDs[parent])
                } else {
                    unmapped.add("organizations.parent_id of a unit under a body", why: "a unit's parent is a unit in Charter",
                                 at: organization.parent!.location)
                }
            }
            if type == .body {
                let chair = Self.chair(chairs[i] ?? [], &unmapped)
                yaml.add("chair", chair)
                yaml.seats("members", members[i] ?? [])
            }
            yaml.add("established", organization.founded?.description)
            yaml.add("ends", organization.dissolved?.description)
            let folder = type.listSlug
            files.append(File(id: organizationIDs[i], path: "\(folder)/\(organizationIDs[i]).md", text: yaml.text,
                              location: organization.ref.location))
        }
        for (i, post) in posts.enumerated() {
            var yaml = Self.frontMatter(.role, post.label)
            if let organization = post.organization.flatMap({ organizationAt[$0.id] }) {
                if types[organization].type == .unit {
                    yaml.add("unit", organizationIDs[organization])
                } else {
                    unmapped.add("posts.organization_id of a post in a body",
                                 why: "a role sits in a unit in Charter; it has its seat in the body through its memberships",
                                 at: post.organization!.location)
                }
            }
            let holders = heldBy[i] ?? []
            if holders.count == 1, !holders[0].isDated { yaml.add("held_by", holders[0].id) } else { yaml.seats("held_by", holders) }
            files.append(File(id: postIDs[i], path: "\(EntityType.role.listSlug)/\(postIDs[i]).md", text: yaml.text,
                              location: post.ref.location))
        }
        return files
    }

    /// Unit or body, and the kind the classification names; by its place (`likeAUnit`) when it names none.
    private func classify(_ organization: PopoloFile.Organization, likeAUnit: Bool, _ unmapped: inout PopoloTally,
                          _ learned: inout [EntityType: [Vocabulary.Kind]]) -> (type: EntityType, kind: String?) {
        let classification = organization.classification?.lowercased()
        if classification == "unit" { return (.unit, nil) }
        if classification == "body" { return (.body, nil) }
        for type in [EntityType.unit, .body] {
            let kind = vocabulary.kinds[type]?.first { $0.key.lowercased() == classification || $0.label.lowercased() == classification }
            if let kind { return (type, kind.key) }
        }
        let type: EntityType = likeAUnit ? .unit : .body
        if learnsKinds, let written = organization.classification, !Slug.make(written).isEmpty {
            let key = Slug.make(written)
            if learned[type]?.contains(where: { $0.key == key }) != true {
                learned[type, default: []].append(Vocabulary.Kind(key: key, label: written))
            }
            return (type, key)
        }
        if let location = organization.classificationLocation {
            unmapped.add("organizations.classification that is not a kind of the site",
                         why: "declare the kinds under 'kinds:' in site.yml and give each file its 'kind:'", at: location)
        }
        return (type, nil)
    }

    /// The current chair (the one without an end, else the last); Charter's chair has no dates and is one at a time.
    private static func chair(_ seats: [Seat], _ unmapped: inout PopoloTally) -> String? {
        guard let chair = seats.last(where: { $0.until == nil }) ?? seats.last else { return nil }
        for seat in seats where seat.isDated {
            unmapped.add("dates of a chair", why: "a body's chair has no dates in Charter", at: seat.location)
        }
        for seat in seats where seat.location != chair.location {
            unmapped.add("memberships as chair besides the current one", why: "a body has one chair in Charter", at: seat.location)
        }
        return chair.id
    }

    /// A unique Charter id: the slug of the name, else of the Popolo id, else of `fallback`; numbered when taken.
    private static func makeID(_ name: String, _ popoloID: String, _ fallback: String, _ used: inout Set<String>) -> String {
        /// At most 60 characters, ending at a whole word when there is one.
        func cut(_ slug: String) -> String {
            let characters = Array(slug)
            guard characters.count > 60 else { return slug }
            if characters[60] == "-" { return String(characters[..<60]) }
            return String(characters[..<(characters[..<60].lastIndex(of: "-") ?? 60)])
        }
        var base = cut(Slug.make(name))
        if base.isEmpty, !popoloID.hasPrefix("\u{0}") { base = cut(Slug.make(popoloID)) }
        if base.isEmpty { base = fallback }
        var id = base
        var number = 2
        while used.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        used.insert(id)
        return id
    }

    private static func frontMatter(_ type: EntityType, _ title: String) -> YAML {
        var yaml = YAML()
        yaml.add("type", type.rawValue)
        yaml.add("title", PopoloYAML.quoted(title))
        return yaml
    }

    /// Front matter, line by line.
    private struct YAML {
        private var lines = ["---"]

        mutating func add(_ key: String, _ value: String?) {
            if let value { lines.append("\(key): \(value)") }
        }

        /// A list of seats: an id alone, or `ref` with `as`, `from` and `until`.
        mutating func seats(_ key: String, _ seats: [Seat]) {
            guard !seats.isEmpty else { return }
            lines.append("\(key):")
            for seat in seats {
                guard seat.label != nil || seat.isDated else {
                    lines.append("  - \(seat.id)")
                    continue
                }
                lines.append("  - ref: \(seat.id)")
                if let label = seat.label { lines.append("    as: \(PopoloYAML.quoted(label))") }
                if let from = seat.from { lines.append("    from: \(from)") }
                if let until = seat.until { lines.append("    until: \(until)") }
            }
        }

        var text: String { (lines + ["---", ""]).joined(separator: "\n") }
    }
}
