import Foundation

/// Where `charter build` keeps its chart drawings between builds: one file per content folder, in `--cache-dir`, else
/// `$CHARTER_CACHE_DIR`, else `$XDG_CACHE_HOME/charter`, else `~/.cache/charter`.
enum ChartCacheLocation {
    static func file(content: String, folder: String?) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let base = folder ?? environment["CHARTER_CACHE_DIR"]
            ?? environment["XDG_CACHE_HOME"].map { $0 + "/charter" }
            ?? environment["HOME"].map { $0 + "/.cache/charter" }
        guard let base, !base.isEmpty else { return nil }
        let absolute = URL(fileURLWithPath: content).standardizedFileURL.path
        return base + "/charts-" + fnv1a(absolute) + ".cache"
    }

    /// The 64-bit FNV-1a hash of `text` in hexadecimal: a short, stable name for a folder path.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
