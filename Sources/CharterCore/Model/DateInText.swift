/// The date a text gives in words ("Senest 1. marts 2026, ved sammenlægningen …", "Årsskiftet 2026/2027"), read with
/// the language's month names: where the model places a described point in time, and whether the text makes it a
/// deadline.
enum DateInText {
    /// The first "1. marts 2026" or "1 March 2026" in `text`, with the language's `months` in lower case.
    static func firstDate(in text: String, months: [String]) -> Day? {
        firstDateWithWords(in: text, months: months)?.day
    }

    /// Whether `text` gives its first date as the latest day: one of `deadlineWords` (lower case; "senest", "no later
    /// than") stands just before it, or one word before it ("Senest pr. 1. marts 2026").
    static func givesDeadline(_ text: String, months: [String], deadlineWords: [String]) -> Bool {
        guard let (_, index, words) = firstDateWithWords(in: text, months: months) else { return false }
        let before = words[..<index]
        return deadlineWords.contains { phrase in
            let phraseWords = phrase.split(separator: " ").map(String.init)
            return [0, 1].contains { skipped in
                let end = before.endIndex - skipped
                return end - phraseWords.count >= before.startIndex && Array(before[(end - phraseWords.count)..<end]) == phraseWords
            }
        }
    }

    /// The first date in `text`, the index of its day among the text's words, and the words (lower case).
    private static func firstDateWithWords(in text: String, months: [String]) -> (day: Day, index: Int, words: [String])? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
        guard words.count >= 3 else { return nil }
        for index in 0..<(words.count - 2) {
            let dayWord = words[index]
            guard let day = Int(dayWord.hasSuffix(".") ? dayWord.dropLast() : Substring(dayWord)),
                  let month = months.firstIndex(of: words[index + 1]),
                  let year = Int(words[index + 2].prefix(4)), words[index + 2].prefix(4).count == 4 else { continue }
            if day >= 1, day <= Day.daysIn(month: month + 1, year: year) { return (Day(year: year, month: month + 1, day: day), index, words) }
        }
        return nil
    }

    /// The first four-digit year between 1900 and 2199 standing on its own in `text`.
    static func firstYear(in text: String) -> Int? {
        var digits = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            if digits.count == 4, let year = Int(digits), (1900...2199).contains(year) { return year }
            digits = ""
        }
        return nil
    }
}
