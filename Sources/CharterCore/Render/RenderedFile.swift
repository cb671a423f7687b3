import Foundation

/// One file of the output site: its path relative to the output folder and its contents.
public struct RenderedFile: Sendable {
    public internal(set) var path: String
    public internal(set) var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
