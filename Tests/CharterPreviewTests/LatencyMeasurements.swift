import Foundation
import Testing

/// The time from saving a file to the reload event reaching an open page, measured on the real `charter serve`.
///
/// Not part of the ordinary test run (it edits many times and wants a release build of `charter`); run it with
///
///     swift build -c release --product charter
///     CHARTER_LATENCY=1 CHARTER_BINARY=.build/release/charter swift test --filter LatencyMeasurements
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CHARTER_LATENCY"] != nil))
struct LatencyMeasurements {
    static let edits = Int(ProcessInfo.processInfo.environment["CHARTER_LATENCY_EDITS"] ?? "") ?? 15

    @Test func saveToReloadOnTheDefaultContent() async throws {
        let workspace = try Fixtures.workspace(content: Fixtures.repository.appendingPathComponent("content").path)
        defer { workspace.remove() }
        try await measure("default content (\(try Self.count(workspace)) files)", workspace,
                          texts: ["content/organer/integrationsforum.md", "content/sider/principper.md", "content/roller/sygehusdirektoer.md"],
                          titles: ["content/personer/ricco-dyhr.md", "content/enheder/retspsykiatrien.md"])
    }

    @Test func saveToReloadOnAThousandPages() async throws {
        let workspace = try Fixtures.workspace(content: Fixtures.goodContent)
        defer { workspace.remove() }
        try FileManager.default.removeItem(atPath: workspace.content)
        try LargeSite.write(pages: 1000, to: workspace.content)
        try await measure("1,000-page fixture (\(try Self.count(workspace)) files)", workspace,
                          texts: ["content/organer/organ-5.md", "content/sider/side-10.md", "content/personer/person-7.md"],
                          titles: ["content/personer/person-7.md", "content/enheder/enhed-4.md"])
    }

    /// Starts `charter serve`, then times edits of the Markdown text of `texts` and of the titles in `titles`.
    func measure(_ name: String, _ workspace: Workspace, texts: [String], titles: [String]) async throws {
        let serve = try ServeProcess(["--content", workspace.content, "--templates", workspace.templates, "--output", workspace.output,
                                      "--port", "0", "--verbose"])
        let port = try #require(serve.port(timeout: 300), "\(serve.standardError)")
        let events = try await offPool { try EventStream(port: port) }

        var textTimes: [Double] = [], titleTimes: [Double] = []
        for round in 0...Self.edits {
            let file = texts[round % texts.count]
            let seconds = try await timeSave(events) { try workspace.write(file, try workspace.read(file) + "\nRettelse \(round).\n") }
            if round > 0 { textTimes.append(seconds) }  // the first edit warms up
        }
        for round in 1...max(Self.edits / 2, 5) {
            let file = titles[round % titles.count]
            let text = try workspace.read(file)
            let title = text.components(separatedBy: "\n").first { $0.hasPrefix("title: ") }!
            titleTimes.append(try await timeSave(events) {
                try workspace.write(file, text.replacingOccurrences(of: title, with: "title: \"Titel \(round) \(file.count)\""))
            })
        }
        #expect(serve.interrupt() == 0)
        print("""
            save → reload event, \(name):
              Markdown text edits: median \(Self.milliseconds(Self.median(textTimes))) over \(textTimes.count) \
            (min \(Self.milliseconds(textTimes.min()!)), max \(Self.milliseconds(textTimes.max()!)))
              title edits (render everything): median \(Self.milliseconds(Self.median(titleTimes))) over \(titleTimes.count) \
            (min \(Self.milliseconds(titleTimes.min()!)), max \(Self.milliseconds(titleTimes.max()!)))
            """)
    }

    /// Seconds from just before `save` writes to the arrival of the next build event.
    func timeSave(_ events: EventStream, _ save: () throws -> Void) async throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try save()
        _ = try await events.next()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }

    static func count(_ workspace: Workspace) throws -> Int {
        (FileManager.default.enumerator(atPath: workspace.content)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.count
    }
}
