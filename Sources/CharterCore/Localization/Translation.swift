import CharterTemplates

/// The words of the site's interface in one language: every label, heading, sentence and month name that the templates
/// and the engine put on a page, read from `i18n/<language>.yaml` (Hugo's convention).
///
/// The default theme ships `templates/i18n/da.yaml` and `templates/i18n/en.yaml`; a site overrides any key in its own
/// `content/i18n/<language>.yaml`. A file is a mapping of keys to texts; a text may hold `{name}` placeholders that the
/// engine fills in, a key may hold a list (`months`), and a key whose text depends on a count has `one` and `other`:
///
/// ```yaml
/// nav_home: Home
/// terms_title: "Terms of reference of {title}"
/// months: [January, February, March, April, May, June, July, August, September, October, November, December]
/// search_results: {one: "1 result for “{query}”.", other: "{count} results for “{query}”."}
/// ```
///
/// Templates use a key as `{{t.nav_home}}`; the engine uses the keys of `Phrase`. A key that either uses and the
/// language lacks is a located error at build (see `TranslationLoader`), so no page shows an empty string.
package struct Translation: Sendable, Hashable {
    /// One key's value.
    enum Entry: Sendable, Hashable {
        case text(String)
        case list([String])
        /// A text that depends on a count: `one` for 1, `other` for any other number.
        case plural(one: String, other: String)
    }

    /// The language (BCP 47) the words are in.
    var language: String
    /// Every key's value.
    private(set) var entries: [String: Entry]

    /// A translation with the given entries.
    init(language: String, entries: [String: Entry] = [:]) {
        self.language = language
        self.entries = entries
    }

    /// Whether the language has `key`.
    func has(_ key: String) -> Bool { entries[key] != nil }

    /// Sets or replaces one key (a site's own file over the theme's).
    mutating func set(_ key: String, _ entry: Entry) { entries[key] = entry }

    /// The text of `phrase`; the key itself when the language lacks it (the build reports that as an error first).
    subscript(phrase: Phrase) -> String { text(phrase.rawValue) }

    /// The text of `key`; for a plural entry its `other` form, for a list its items joined by commas.
    func text(_ key: String) -> String {
        switch entries[key] {
        case .text(let text): text
        case .plural(_, let other): other
        case .list(let items): items.joined(separator: ", ")
        case nil: key
        }
    }

    /// The text of `phrase` with each `{name}` replaced by its value.
    func format(_ phrase: Phrase, _ values: [String: String]) -> String {
        Self.fill(text(phrase.rawValue), values)
    }

    /// The form of `phrase` for `count` (`one` or `other`), with `{count}` and the other `{name}`s filled in.
    func count(_ phrase: Phrase, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        return Self.fill(form(of: phrase, for: count), values)
    }

    /// The unfilled form of `phrase` for `count`: `one` or `other` of a plural, else its one text.
    func form(of phrase: Phrase, for count: Int) -> String {
        switch entries[phrase.rawValue] {
        case .plural(let one, let other): count == 1 ? one : other
        default: text(phrase.rawValue)
        }
    }

    /// The twelve month names, January first.
    var months: [String] {
        if case .list(let months) = entries[Phrase.months.rawValue], months.count == 12 { return months }
        return (1...12).map(String.init)
    }

    /// The names of the days of the week, Monday first (`weekdays`); the numbers 1–7 when the language has none.
    var weekdays: [String] {
        if case .list(let days) = entries[Phrase.weekdays.rawValue], days.count == 7 { return days }
        return (1...7).map(String.init)
    }

    /// A time of day the way the language writes it (`time_format`): "kl. 14.30", "14:30".
    func time(hour: Int, minute: Int) -> String {
        Self.fill(text(Phrase.timeFormat.rawValue), ["hour": String(hour), "hour2": Self.twoDigits(hour), "minute": Self.twoDigits(minute)])
    }

    /// A number with `decimals` digits after the language's decimal separator (`decimal_separator`): "2,5", "2.5".
    func number(_ value: Double, decimals: Int) -> String {
        let scale = (0..<decimals).reduce(1.0) { result, _ in result * 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return sign + String(whole) + (decimals > 0 ? text(Phrase.decimalSeparator.rawValue) + digits : "")
    }

    /// The words that, before the day a text names, make it a deadline ("senest"; "by", "no later than"), lower case.
    var deadlineWords: [String] {
        if case .list(let words) = entries[Phrase.deadlineWords.rawValue] { return words.map { $0.lowercased() } }
        return []
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// `text` with every `{name}` of `values` replaced.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        // On UTF-8 bytes: `{` and `}` are ASCII, so every index found is a character boundary.
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        var rest = utf8[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "{")) {
            result += Substring(rest[..<open])
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(Substring(rest[afterOpen..<close]))] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + Substring(rest)
    }

    /// The translation as the templates see it under `t`: each key's text, a list as a list, a plural as its `other`
    /// form (with `{count}` left in for scripts to fill).
    var templateValue: TemplateValue {
        var map: TemplateMap = [:]
        for (key, entry) in entries {
            switch entry {
            case .text(let text): map[key] = .string(text)
            case .list(let items): map[key] = .list(items.map(TemplateValue.string))
            case .plural(let one, let other): map[key] = .map(["one": .string(one), "other": .string(other)])
            }
        }
        return .map(map)
    }
}
