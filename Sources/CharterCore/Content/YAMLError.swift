/// Why a YAML text could not be read: the message (libyaml's own words for syntax errors, `"context, problem"`) and
/// where, when the text has a place for it.
public struct YAMLError: Error, Sendable, Equatable {
    /// What is wrong, e.g. "while scanning a quoted scalar, found unexpected end of stream".
    public let message: String
    /// Where it is wrong; nil for a problem with the bytes themselves (a control character), which libyaml places by
    /// offset only.
    public let mark: YAMLNode.Mark?

    /// Creates an error.
    public init(_ message: String, at mark: YAMLNode.Mark?) {
        self.message = message
        self.mark = mark
    }
}
