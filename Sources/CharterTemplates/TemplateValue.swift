import Foundation

/// A value in a template's context: what `{{name}}` prints and what `{{#name}}` tests and iterates.
///
/// Build contexts directly with the literal forms, or convert the `[String: Any]` dictionaries Charter builds:
///
/// ```swift
/// let context: TemplateValue = ["title": "Forside", "nav": [["title": "Organer", "current": true]]]
/// let same = TemplateValue(["title": "Forside", "nav": [["title": "Organer", "current": true]]] as [String: Any])
/// ```
package enum TemplateValue: Sendable, Equatable {
    /// Text, HTML-escaped by `{{name}}`.
    case string(String)
    /// Text given as its UTF-8 bytes (valid UTF-8, such as HTML Charter rendered itself): printed, tested and
    /// transformed as the same `.string`, but written out without making a `String` of it first.
    case utf8([UInt8])
    /// A flag: `true` renders a section once in the same context, `false` skips it.
    case bool(Bool)
    /// A number, printed as Swift prints it.
    case int(Int)
    /// A number, printed as Swift prints it.
    case double(Double)
    /// A list: a section renders once per item, with the item pushed.
    case list([TemplateValue])
    /// Named values: a section renders once with the map pushed, and its names are looked up first.
    case map(TemplateMap)
    /// Nothing: renders as empty and is falsy, like a missing key, but stops the lookup of its name on the context
    /// stack (as `NSNull` does in swift-mustache).
    case null

    /// Converts a value built from Swift dictionaries, arrays, strings, numbers and booleans.
    ///
    /// A nil `Optional` and `NSNull` become `.null`; a type not listed becomes the text of `String(describing:)`.
    /// (swift-mustache would reflect such a value's properties with `Mirror`, and prints a nil `Optional` stored in a
    /// dictionary as "nil" and treats it as true; Charter's contexts hold neither.)
    package init(_ any: Any) {
        // The exact types Charter builds first, by type identity: a failed `as?` to a collection or protocol type is
        // a slow walk through the runtime's conformance tables.
        let type = ObjectIdentifier(Swift.type(of: any))
        if type == Self.stringType {
            self = .string(any as! String)
        } else if type == Self.mapType {
            self = .map(TemplateMap(any as! [String: Any]))
        } else if type == Self.mapsType {
            self = .list((any as! [[String: Any]]).map { .map(TemplateMap($0)) })
        } else if type == Self.boolType {
            self = .bool(any as! Bool)
        } else if type == Self.intType {
            self = .int(any as! Int)
        } else if type == Self.stringsType {
            self = .list((any as! [String]).map(TemplateValue.string))
        } else if type == Self.listType {
            self = .list((any as! [Any]).map(TemplateValue.init))
        } else if type == Self.valueType {
            self = any as! TemplateValue
        } else if type == Self.templateMapType {
            self = .map(any as! TemplateMap)
        } else if type == Self.valuesType {
            self = .list(any as! [TemplateValue])
        } else if type == Self.stringMapType {
            self = .map(TemplateMap(any as! [String: String] as [String: Any]))
        } else if type == Self.stringMapsType {
            self = .list((any as! [[String: String]]).map { .map(TemplateMap($0 as [String: Any])) })
        } else {
            self = Self.converting(any)
        }
    }

    private static let stringType = ObjectIdentifier(String.self), mapType = ObjectIdentifier([String: Any].self)
    private static let mapsType = ObjectIdentifier([[String: Any]].self), boolType = ObjectIdentifier(Bool.self)
    private static let intType = ObjectIdentifier(Int.self), stringsType = ObjectIdentifier([String].self)
    private static let listType = ObjectIdentifier([Any].self), stringMapType = ObjectIdentifier([String: String].self)
    private static let stringMapsType = ObjectIdentifier([[String: String]].self)
    private static let templateMapType = ObjectIdentifier(TemplateMap.self)
    private static let valueType = ObjectIdentifier(TemplateValue.self), valuesType = ObjectIdentifier([TemplateValue].self)

    /// The other types, by casting.
    private static func converting(_ any: Any) -> TemplateValue {
        if let value = any as? TemplateValue {
            value
        } else if let map = any as? TemplateMap {
            .map(map)
        } else if let string = any as? String {
            .string(string)
        } else if let map = any as? [String: Any] {
            .map(TemplateMap(map))
        } else if let list = any as? [Any] {
            .list(list.map(TemplateValue.init))
        } else if let bool = any as? Bool {
            .bool(bool)
        } else if let int = any as? Int {
            .int(int)
        } else if let double = any as? Double {
            .double(double)
        } else if let substring = any as? Substring {
            .string(String(substring))
        } else if let optional = any as? any OptionalBox {
            optional.wrapped.map(TemplateValue.init) ?? .null
        } else if any is NSNull {
            .null
        } else {
            .string(String(describing: any))
        }
    }

    /// The value of `key` when this is a map; other values have no children.
    @inline(__always)
    func child(_ key: TemplateKey) -> TemplateValue? {
        if case .map(let map) = self { return map[key] }
        return nil
    }

    /// The value as swift-mustache prints it: Swift's own description of the equivalent Swift value.
    var text: String {
        switch self {
        case .string(let string): string
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .bool(let bool): bool ? "true" : "false"
        case .int(let int): String(int)
        case .double(let double): String(describing: double)
        case .null: ""
        case .list, .map: String(describing: swiftValue)
        }
    }

    /// The plain Swift value this stands for, for printing lists and maps as swift-mustache does.
    private var swiftValue: Any {
        switch self {
        case .string(let string): string
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        case .bool(let bool): bool
        case .int(let int): int
        case .double(let double): double
        case .list(let list): list.map(\.swiftValue)
        case .map(let map):
            // The dictionary it was made from keeps its order; `mapValues` keeps a dictionary's order.
            if let origin = map.origin?.dictionary {
                origin.mapValues { TemplateValue($0).swiftValue }
            } else {
                map.reduce(into: [String: Any](minimumCapacity: map.count)) { $0[$1.key] = $1.value.swiftValue }
            }
        case .null: Optional<Any>.none as Any
        }
    }
}

/// Lets `TemplateValue.init` see through an `Optional` hidden in an `Any`.
private protocol OptionalBox {
    var wrapped: Any? { get }
}

extension Optional: OptionalBox {
    var wrapped: Any? { self.map { $0 as Any } }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(floatLiteral value: Double) { self = .double(value) }
    package init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var map = TemplateMap()
        for (key, value) in elements { map[key] = value }
        self = .map(map)
    }
}
