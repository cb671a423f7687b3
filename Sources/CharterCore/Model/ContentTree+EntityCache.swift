/// Reading the content with what an `EntityCache` remembers of the last build.
extension ContentTree {
    /// Reads the content as `load(from:into:)` does; with a `cache` kept from the last build, a file whose size, inode
    /// and modification and change times are those of its last read is not read again.
    public static func load(from folder: String, cache: EntityCache?, into diagnostics: inout Diagnostics) -> ContentTree {
        load(from: folder, sources: cache?.sources, into: &diagnostics)
    }
}
