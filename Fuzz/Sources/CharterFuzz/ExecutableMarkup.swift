import Foundation

/// Finds executable markup in a rendered page the way a browser's tokenizer sees tags: a script-like element other
/// than the theme's own `assets/site.js` (relative, or under the site's base URL as the 404 page has it), an event handler attribute (`on…`), a `srcdoc`, a refresh `<meta>`, or a
/// `javascript:`, `vbscript:` or `data:` URL in a URL attribute after character references are decoded and the tabs
/// and newlines a URL parser drops are removed. Escaped text (`&lt;script&gt;`) and escaped attribute values are harmless.
///
/// The one check for executable markup: the fuzzer's invariant, and compiled into the tests too
/// (`Tests/CharterCoreTests/Security/ExecutableMarkup.swift` is a link to this file), so that a page the tests pass is
/// one the fuzzer passes. It reads tags as a tokenizer does (quoted values may hold `>`, `/` separates attributes,
/// `&#106;avascript:` is decoded), because the fuzzer will find what a regular expression misses.
///
/// ```swift
/// ExecutableMarkup.find(in: "<a href=\"java&#x09;script:x\">")  // ["<a href=\"java&#x09;script:x\">"]
/// ```
enum ExecutableMarkup {
    static let forbiddenElements: Set<String> = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "base"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "background", "data"]
    static let forbiddenSchemes = ["javascript:", "vbscript:", "data:"]

    /// A start tag as the tokenizer reads it: lowercased name, attributes in order (values as ranges of the page, made
    /// into text only when looked at), and where it stands.
    struct Tag {
        var name: String
        var attributes: [(name: String, value: Range<Int>?)]
        var range: Range<Int>
    }

    /// The offending tags of `html`, as source text; empty when the page is safe. `baseURL` is the site's `base_url`
    /// (`https://example.org/x/`), under which the theme's script may also be loaded.
    static func find(in html: Data, baseURL: String = "") -> [String] {
        [UInt8](html).withUnsafeBufferPointer { find(in: $0, baseURL: baseURL) }
    }

    /// The offending tags of `html`, as source text; empty when the page is safe.
    static func find(in html: String, baseURL: String = "") -> [String] {
        find(in: Data(html.utf8), baseURL: baseURL)
    }

    static func find(in page: UnsafeBufferPointer<UInt8>, baseURL: String = "") -> [String] {
        guard let base = page.baseAddress else { return [] }
        var problems: [String] = []
        var index = 0
        // memchr is not instrumented by the fuzzer: scanning the pages costs little and is not taken for
        // coverage of the code under test.
        while index < page.count, let found = memchr(base + index, Int32(UInt8(ascii: "<")), page.count - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if page[index...].starts(with: "<!--".utf8) {
                guard let close = self.index(of: "-->", in: page, from: index + 4) else { break }
                index = close + 3
                continue
            }
            guard index + 1 < page.count, isLetter(page[index + 1]) else { index += 1; continue }
            let tag = readTag(page, at: index)
            if isExecutable(tag, in: page, baseURL: baseURL) { problems.append(string(page[tag.range])) }
            index = tag.range.upperBound
        }
        return problems
    }

    static func isExecutable(_ tag: Tag, in page: UnsafeBufferPointer<UInt8>, baseURL: String) -> Bool {
        if forbiddenElements.contains(tag.name), !isOwnScript(tag, in: page, baseURL: baseURL) { return true }
        if tag.name == "meta", tag.attributes.contains(where: { $0.name == "http-equiv" }) { return true }
        for (name, value) in tag.attributes {
            if name.hasPrefix("on") && name.count > 2 { return true }
            if name == "srcdoc" { return true }
            // Without a `:` or a character reference that could make one, a value has no scheme (most are relative).
            if urlAttributes.contains(name), let value, page[value].contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "&") }) {
                let url = urlAsParsed(string(page[value]))
                if forbiddenSchemes.contains(where: url.hasPrefix) { return true }
            }
        }
        return false
    }

    /// `<script src="(../)*assets/site.js" defer>` (or `src="<baseURL>assets/site.js"`), the only script a page may load,
    /// or the page's JSON-LD data block (`<script type="application/ld+json">`, which browsers do not run; its text is
    /// scanned like the rest of the page).
    static func isOwnScript(_ tag: Tag, in page: UnsafeBufferPointer<UInt8>, baseURL: String) -> Bool {
        if tag.name == "script", tag.attributes.count == 1, tag.attributes[0].name == "type", let value = tag.attributes[0].value,
           string(page[value]) == "application/ld+json" {
            return true
        }
        guard tag.name == "script", tag.attributes.count == 2, tag.attributes[0].name == "src",
              tag.attributes[1].name == "defer", tag.attributes[1].value == nil, let value = tag.attributes[0].value
        else { return false }
        var src = string(page[value])[...]
        if !baseURL.isEmpty, src == baseURL + "assets/site.js" { return true }
        while src.hasPrefix("../") { src = src.dropFirst(3) }
        return src == "assets/site.js"
    }

    /// Reads the start tag at `start` (a `<` before a letter), up to and with its `>`.
    static func readTag(_ page: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag {
        func ends(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") }
        var index = start + 1
        while index < page.count, !ends(page[index]) { index += 1 }
        let name = string(page[start + 1..<index]).lowercased()
        var attributes: [(name: String, value: Range<Int>?)] = []
        while true {
            while index < page.count, isSpace(page[index]) || page[index] == UInt8(ascii: "/") { index += 1 }
            guard index < page.count, page[index] != UInt8(ascii: ">") else { break }
            let nameStart = index
            index += 1  // a first `=` belongs to the name
            while index < page.count, !ends(page[index]), page[index] != UInt8(ascii: "=") { index += 1 }
            let attributeName = string(page[nameStart..<index]).lowercased()
            var look = index
            while look < page.count, isSpace(page[look]) { look += 1 }
            guard look < page.count, page[look] == UInt8(ascii: "=") else {
                attributes.append((attributeName, nil))
                continue
            }
            index = look + 1
            while index < page.count, isSpace(page[index]) { index += 1 }
            if index < page.count, page[index] == UInt8(ascii: "\"") || page[index] == UInt8(ascii: "'") {
                let quote = page[index]
                let valueStart = index + 1
                index = valueStart
                while index < page.count, page[index] != quote { index += 1 }
                attributes.append((attributeName, valueStart..<index))
                if index < page.count { index += 1 }
            } else {
                let valueStart = index
                while index < page.count, !isSpace(page[index]), page[index] != UInt8(ascii: ">") { index += 1 }
                attributes.append((attributeName, valueStart..<index))
            }
        }
        return Tag(name: name, attributes: attributes, range: start..<min(index + 1, page.count))
    }

    /// Where `marker` next starts in `page` from `start`, found with memchr.
    static func index(of marker: StaticString, in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        var index = start
        while index < page.count, let found = memchr(page.baseAddress! + index, Int32(pattern[0]), page.count - index) {
            index = page.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if page[index...].starts(with: pattern) { return index }
            index += 1
        }
        return nil
    }

    /// An attribute value as a URL parser sees it: character references decoded, tab and newlines removed, leading
    /// spaces and control characters trimmed, lowercased.
    static func urlAsParsed(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        var rest = Substring(value).unicodeScalars[...]
        while let first = rest.first {
            if first == "&", let (decoded, after) = characterReference(in: rest) {
                scalars.append(decoded)
                rest = after
            } else {
                scalars.append(first)
                rest = rest.dropFirst()
            }
        }
        let kept = scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.value <= 0x20 }
        return String(String.UnicodeScalarView(kept)).lowercased()
    }

    static let namedReferences: [String: Unicode.Scalar] = ["amp": "&", "colon": ":", "Tab": "\t", "NewLine": "\n"]

    /// The character reference at the start of `text` (`&#106;`, `&#x6A`, `&colon;` …) and what follows it.
    static func characterReference(in text: Substring.UnicodeScalarView) -> (Unicode.Scalar, Substring.UnicodeScalarView)? {
        var rest = text.dropFirst()
        if rest.first == "#" {
            rest = rest.dropFirst()
            let hex = rest.first == "x" || rest.first == "X"
            if hex { rest = rest.dropFirst() }
            let digits = rest.prefix { hex ? $0.properties.isASCIIHexDigit : ("0"..."9").contains($0) }
            guard !digits.isEmpty, let number = UInt32(String(String.UnicodeScalarView(digits)), radix: hex ? 16 : 10) else { return nil }
            rest = rest.dropFirst(digits.count)
            if rest.first == ";" { rest = rest.dropFirst() }
            return (Unicode.Scalar(number) ?? "\u{FFFD}", rest)
        }
        let name = rest.prefix { $0.properties.isAlphabetic && $0.isASCII }
        guard rest.dropFirst(name.count).first == ";",
              let scalar = namedReferences[String(String.UnicodeScalarView(name))] else { return nil }
        return (scalar, rest.dropFirst(name.count + 1))
    }

    /// Markup the check must find, one offending tag each.
    static let executableExamples = [
        "<p><script>x</script></p>", "<img src=x onerror=alert(1)>", "<a href=\"JavaScript:x\">", "<img/onerror=x>",
        "<a title=\"x>y\" onclick=z>", "<a href=\" &#106;ava&#x09;script&colon;x\">", "<a href=' data:text/html,x'>",
        "<script src=\"https://x.dk/assets/site.js\" defer></script>", "<script src=\"../assets/site.js\" defer onload=x>",
        "<iframe srcdoc=x>", "<meta http-equiv=refresh content=\"0;url=javascript:x\">", "<svg><a xlink:href=\"javascript:x\">",
        "<script type=\"text/javascript\">", "<script type=\"application/ld+json\" onload=x>",
    ]
    /// Markup the check must pass: escaped text and values, the theme's own script, the JSON-LD block, comments.
    static let harmlessExamples = [
        "<a title=\"&quot; onmouseover=x\">&lt;script&gt; onclick=</a>", "<script src=\"../assets/site.js\" defer></script>",
        "<!-- <script>x</script> -->", "<a href=\"javascript.md\">", "<a href=\"x.html#javascript:\">", "<p>a < b > c</p>",
        "<script type=\"application/ld+json\">",
    ]

    /// Traps unless the checker finds what it must find and passes what it must pass: a fuzzer whose oracle never
    /// fires would run green forever.
    static func selfTest() {
        for html in executableExamples where find(in: html).count != 1 { fatalError("ExecutableMarkup misses \(html)") }
        for html in harmlessExamples where !find(in: html).isEmpty { fatalError("ExecutableMarkup wrongly flags \(html)") }
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String { String(decoding: bytes, as: UTF8.self) }
}
