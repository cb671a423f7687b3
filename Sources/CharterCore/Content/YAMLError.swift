/// Why a YAML text could not be read: the message (libyaml's own words for syntax errors, `"context, problem"`) and
/// where, when the text has a place for it.
struct YAMLError: Error, Sendable, Equatable {
    /// What is wrong, e.g. "while scanning a quoted scalar, found unexpected end of stream".
    let message: String
    /// Where it is wrong; nil for a problem with the bytes themselves (a control character), which libyaml places by
    /// offset only.
    let mark: YAMLNode.Mark?

    /// Creates an error.
    init(_ message: String, at mark: YAMLNode.Mark?) {
        self.message = message
        self.mark = mark
    }
}
