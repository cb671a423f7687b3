/// How the engine's generated sentences place words, as the language declares it: small counts written as words, and
/// role titles in lower case where they stand after a sentence's start.
///
/// Both are optional keys of a translation file, so a site's own language file need not have them:
///
/// ```yaml
/// number_words: [nul, en, to, tre, fire, fem, seks, syv, otte, ni, ti, elleve, tolv]
/// lowercase_titles_mid_sentence: true
/// ```
///
/// With these, `chart_member_count` reads "Organet har fem medlemmer." and `chart_chair_is` "Mødeleder er direktør for
/// Sundhed." Counts in tables, badges and tallies stay digits: only running text asks for words.
extension Translation {
    /// The key of the list of number words, zero first: a count in running text that has a word is written with it.
    static let numberWordsKey = "number_words"
    /// The key of the flag (`true` or `false`) that says whether a role's title starts in lower case mid-sentence.
    static let lowercaseTitlesKey = "lowercase_titles_mid_sentence"

    /// `number` as running text writes it: the language's word for it when `number_words` has one, else its digits.
    func inWords(_ number: Int) -> String {
        if case .list(let words)? = entries[Self.numberWordsKey], words.indices.contains(number), !words[number].isEmpty {
            return words[number]
        }
        return String(number)
    }

    /// Whether the language writes a role's title in lower case after the start of a sentence ("som sygehusdirektør").
    var lowercasesTitlesMidSentence: Bool {
        if case .text(let flag)? = entries[Self.lowercaseTitlesKey] { return ["true", "yes", "ja"].contains(flag.lowercased()) }
        return false
    }

    /// A role's `title` as it stands after the start of a sentence: its first letter lower-cased when the language says
    /// so, unless its first word is an abbreviation ("CFO", "IT-chef") — a capital that is not only a sentence's.
    func titleMidSentence(_ title: String) -> String {
        guard lowercasesTitlesMidSentence, let first = title.first, first.isUppercase else { return title }
        let firstWord = title.prefix { $0.isLetter }
        if firstWord.dropFirst().contains(where: \.isUppercase) || firstWord.count == 1 { return title }
        return first.lowercased() + title.dropFirst()
    }

    /// The form of `phrase` for `count`, with `{count}` written as a word where the language has one (running text);
    /// when the form is a whole `sentence`, one that starts with the count is capitalised ("Tre underenheder."), while
    /// a part to be placed in another sentence ("tre organer") is left as it is.
    func countInWords(_ phrase: Phrase, _ count: Int, _ values: [String: String] = [:], sentence: Bool = true) -> String {
        var values = values
        values["count"] = inWords(count)
        return Self.place(in: form(of: phrase, for: count), values, titles: [], generated: sentence ? ["count"] : [])
    }

    /// The sentence of `phrase` with each `{name}` filled in. The values named in `titles` are role titles (lower-cased
    /// after the sentence's start when the language says so); those in `generated` are words the engine made (a count
    /// in words), capitalised when they start the sentence. Any other value (a name) is placed as written.
    func sentence(_ phrase: Phrase, _ values: [String: String], titles: Set<String> = [], generated: Set<String> = []) -> String {
        Self.place(in: text(phrase.rawValue), values, titles: titles, generated: generated, translation: self)
    }

    /// `text` with its placeholders filled in, titles and generated words cased by where they stand.
    static func place(in text: String, _ values: [String: String], titles: Set<String>, generated: Set<String>,
                      translation: Translation? = nil) -> String {
        var values = values
        for key in titles.union(generated) {
            guard let value = values[key], let range = text.range(of: "{\(key)}") else { continue }
            if startsSentence(text[..<range.lowerBound]) {
                if generated.contains(key), let first = value.first { values[key] = first.uppercased() + value.dropFirst() }
            } else if titles.contains(key), let translation {
                values[key] = translation.titleMidSentence(value)
            }
        }
        return fill(text, values)
    }

    /// Whether what comes before a placeholder leaves it at the start of a sentence: nothing but spaces and opening
    /// quotes, or a sentence's end.
    static func startsSentence(_ before: Substring) -> Bool {
        let trimmed = before.reversed().drop { $0.isWhitespace || "\"“”»«(„'".contains($0) }
        guard let last = trimmed.first else { return true }
        return ".!?".contains(last)
    }
}
