/// A chart model written out whole as text, to key its drawing by: two charts with the same fingerprint have the same
/// model, so the same DOT and the same cleaned SVG. Making it costs a fraction of writing the DOT, so a build that finds
/// its charts in the cache writes no DOT at all.
///
/// The fingerprint is made by `Encodable`, so that a field added to `Chart` is in it without more code. Every value is
/// written with its key, every nested value between brackets, every string with its length first, and a missing
/// optional as a mark of its own: different models never give the same text.
///
/// What the drawing is made *by* is not in the fingerprint: a change to `DOTWriter`, `SVGCleaner` or the chart styles
/// needs a new `ChartCacheFile.format`, so that drawings kept from an earlier version are not reused.
enum ChartFingerprint {
    /// The fingerprint of `chart`, as UTF-8.
    static func bytes(of chart: Chart) -> [UInt8] {
        let sink = Sink()
        sink.bytes.reserveCapacity(1024)
        // Encoding into the sink cannot fail: no container throws.
        try? Writer(sink: sink).nested(chart)
        return sink.bytes
    }

    final class Sink {
        var bytes: [UInt8] = []

        func mark(_ byte: UInt8) { bytes.append(byte) }

        func key(_ key: some CodingKey) {
            bytes += key.stringValue.utf8
            bytes.append(UInt8(ascii: "="))
        }

        func string(_ string: String) {
            number(string.utf8.count)
            bytes.append(UInt8(ascii: "\""))
            bytes += string.utf8
        }

        func number(_ value: some BinaryInteger) {
            bytes += String(value).utf8
            bytes.append(UInt8(ascii: ";"))
        }

        func text(of value: some LosslessStringConvertible) {
            string(value.description)
        }
    }

    /// The encoder: every container writes straight into the one sink.
    struct Writer: Encoder {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(Keyed<Key>(sink: sink))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(sink: sink) }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(sink: sink) }

        /// A value of its own between brackets.
        func nested(_ value: some Encodable) throws {
            sink.mark(UInt8(ascii: "{"))
            try value.encode(to: self)
            sink.mark(UInt8(ascii: "}"))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) { sink.key(key); sink.mark(UInt8(ascii: "~")) }
        mutating func encode(_ value: Bool, forKey key: Key) { sink.key(key); sink.mark(value ? UInt8(ascii: "T") : UInt8(ascii: "F")) }
        mutating func encode(_ value: String, forKey key: Key) { sink.key(key); sink.string(value) }
        mutating func encode(_ value: Int, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: Double, forKey key: Key) { sink.key(key); sink.text(of: value) }
        mutating func encode(_ value: Int8, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: Int16, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: Int32, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: Int64, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: UInt, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: UInt16, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) { sink.key(key); sink.number(value) }
        mutating func encode(_ value: Float, forKey key: Key) { sink.key(key); sink.text(of: value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            sink.key(key)
            try Writer(sink: sink).nested(value)
        }
        // A missing optional is written, not left out, so that it cannot be mistaken for the next key.
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
            if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) {
            if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
            if let value { encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            sink.key(key)
            return KeyedEncodingContainer(Keyed<NestedKey>(sink: sink))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.key(key)
            return Unkeyed(sink: sink)
        }

        mutating func superEncoder() -> any Encoder { Writer(sink: sink) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { sink.key(key); return Writer(sink: sink) }
    }

    /// A list: each element is marked, so that the key after the list cannot be read as part of its last element.
    struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() { element(); sink.mark(UInt8(ascii: "~")) }
        mutating func encode(_ value: Bool) { element(); sink.mark(value ? UInt8(ascii: "T") : UInt8(ascii: "F")) }
        mutating func encode(_ value: String) { element(); sink.string(value) }
        mutating func encode(_ value: Int) { element(); sink.number(value) }
        mutating func encode(_ value: Double) { element(); sink.text(of: value) }
        mutating func encode(_ value: Int8) { element(); sink.number(value) }
        mutating func encode(_ value: Int16) { element(); sink.number(value) }
        mutating func encode(_ value: Int32) { element(); sink.number(value) }
        mutating func encode(_ value: Int64) { element(); sink.number(value) }
        mutating func encode(_ value: UInt) { element(); sink.number(value) }
        mutating func encode(_ value: UInt8) { element(); sink.number(value) }
        mutating func encode(_ value: UInt16) { element(); sink.number(value) }
        mutating func encode(_ value: UInt32) { element(); sink.number(value) }
        mutating func encode(_ value: UInt64) { element(); sink.number(value) }
        mutating func encode(_ value: Float) { element(); sink.text(of: value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            element()
            try Writer(sink: sink).nested(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            element()
            return KeyedEncodingContainer(Keyed<NestedKey>(sink: sink))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            return Unkeyed(sink: sink)
        }

        mutating func superEncoder() -> any Encoder { element(); return Writer(sink: sink) }

        private mutating func element() {
            count += 1
            sink.mark(UInt8(ascii: ","))
        }
    }

    struct Single: SingleValueEncodingContainer {
        let sink: Sink
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { sink.mark(UInt8(ascii: "~")) }
        mutating func encode(_ value: Bool) { sink.mark(value ? UInt8(ascii: "T") : UInt8(ascii: "F")) }
        mutating func encode(_ value: String) { sink.string(value) }
        mutating func encode(_ value: Int) { sink.number(value) }
        mutating func encode(_ value: Double) { sink.text(of: value) }
        mutating func encode(_ value: Int8) { sink.number(value) }
        mutating func encode(_ value: Int16) { sink.number(value) }
        mutating func encode(_ value: Int32) { sink.number(value) }
        mutating func encode(_ value: Int64) { sink.number(value) }
        mutating func encode(_ value: UInt) { sink.number(value) }
        mutating func encode(_ value: UInt8) { sink.number(value) }
        mutating func encode(_ value: UInt16) { sink.number(value) }
        mutating func encode(_ value: UInt32) { sink.number(value) }
        mutating func encode(_ value: UInt64) { sink.number(value) }
        mutating func encode(_ value: Float) { sink.text(of: value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try Writer(sink: sink).nested(value) }
    }
}
