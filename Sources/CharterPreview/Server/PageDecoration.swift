import CharterCore
import CharterTemplates
import Foundation

/// What the preview adds to every HTML page it serves, never to the files on disk: the live-reload script and, while the
/// last build failed, an overlay with its diagnostics.
struct PageDecoration {
    /// The path of the server-sent events that announce each build.
    static let eventsPath = "/_charter/events"

    /// The build the page is served from; the script reloads the page when the server announces another.
    var generation: String
    /// The diagnostics of the failed build, or empty when the last build succeeded.
    var failure: [Diagnostic]
    /// For a page served at another address than its own (the 404 page): resolve its relative links from the root.
    var baseIsRoot = false

    /// `html` with the script (and overlay) before `</body>`, or at the end when there is none.
    func apply(to html: Data) -> Data {
        var bytes = [UInt8](html)
        let addition = Array(((failure.isEmpty ? "" : overlay) + script).utf8)
        if let body = Self.lastIndex(of: "</body>", in: bytes) {
            bytes.insert(contentsOf: addition, at: body)
        } else {
            bytes += addition
        }
        if baseIsRoot, let head = Self.firstIndex(of: "<head>", in: bytes) {
            bytes.insert(contentsOf: Array("\n<base href=\"/\">".utf8), at: head + "<head>".utf8.count)
        }
        return Data(bytes)
    }

    /// Where the tag `tag` (lowercase ASCII) starts in `bytes`, ignoring case.
    static func firstIndex(of tag: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(tag.utf8)
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { matches(needle, in: bytes, at: $0) }
    }

    static func lastIndex(of tag: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(tag.utf8)
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).reversed().first { matches(needle, in: bytes, at: $0) }
    }

    static func matches(_ needle: [UInt8], in bytes: [UInt8], at start: Int) -> Bool {
        for offset in needle.indices {
            let byte = bytes[start + offset]
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if lower != needle[offset] { return false }
        }
        return true
    }

    var script: String {
        """
        <script id="charter-live-reload">
        (function () {
          "use strict";
          if (!window.EventSource) { return; }
          var generation = "\(generation)";
          var events = new EventSource("\(Self.eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== generation) { events.close(); window.location.reload(); }
          });
        })();
        </script>

        """
    }

    var overlay: String {
        let errors = failure.filter { $0.severity == .error }.count
        let items = failure.map { diagnostic in
            "<li class=\"\(diagnostic.severity.rawValue)\"><code>\(HTML.escape(diagnostic.location.description))</code>: "
                + "<strong>\(diagnostic.severity.rawValue):</strong> \(HTML.escape(diagnostic.message))</li>"
        }.joined(separator: "\n")
        return """
        <div id="charter-overlay" role="alert">
        <style>
        #charter-overlay { position: fixed; inset: 0 0 auto 0; z-index: 2147483647; max-height: 75vh; overflow: auto;
          margin: 0; padding: 1rem 1.25rem; background: #3b0d0d; color: #fff; box-shadow: 0 0.25rem 1.5rem rgba(0, 0, 0, 0.5);
          font: 14px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; text-align: left; }
        #charter-overlay p { margin: 0 0 0.5rem; font-weight: bold; }
        #charter-overlay ol { margin: 0; padding-left: 1.5rem; }
        #charter-overlay li { margin: 0.25rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
        #charter-overlay li.warning { color: #ffe08a; }
        #charter-overlay code { color: #ffb3b3; font: inherit; }
        #charter-overlay button { float: right; font: inherit; color: inherit; background: transparent; border: 1px solid #fff;
          border-radius: 0.25rem; padding: 0 0.5rem; cursor: pointer; }
        </style>
        <button type="button" onclick="this.parentNode.remove()">Hide</button>
        <p>Charter could not build the site (\(errors) error\(errors == 1 ? "" : "s")). This is the last good version; \
        it updates when the error is fixed.</p>
        <ol>
        \(items)
        </ol>
        </div>

        """
    }
}
