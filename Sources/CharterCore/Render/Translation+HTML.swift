import CharterTemplates

/// Phrases that take HTML: the escaping is Render's (`HTML`), the words the translation's.
extension Translation {
    /// The HTML of `phrase`: the text escaped, with each `{name}` replaced by its value, which is HTML already.
    func formatHTML(_ phrase: Phrase, _ html: [String: String]) -> String {
        Self.fill(HTML.escape(text(phrase.rawValue)), html)
    }
}
