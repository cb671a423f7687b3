import Foundation

/// A browser's live-reload connection, for tests: opens the event stream and reads its `build` events one by one.
final class EventStream: @unchecked Sendable {
    private let connection: RawHTTP
    /// The generation announced when the stream opened.
    let initial: String

    init(port: Int, timeout: Double = 20) throws {
        connection = try RawHTTP(port: port, timeout: timeout)
        try connection.send("/_charter/events")
        let response = try connection.readHead()
        guard response.status == 200, response.header("content-type")?.hasPrefix("text/event-stream") == true else {
            throw RawHTTP.Failure(description: "not an event stream: \(response.status)")
        }
        initial = try Self.nextBuild(connection)
    }

    /// The generation of the next `build` event; throws when none comes within the timeout.
    func next() async throws -> String {
        try await offPool { [connection] in try Self.nextBuild(connection) }
    }

    private static func nextBuild(_ connection: RawHTTP) throws -> String {
        while true {
            let event = String(decoding: try connection.readEvent(), as: UTF8.self)
            let lines = event.components(separatedBy: "\n")
            if lines.contains("event: build"), let data = lines.first(where: { $0.hasPrefix("data: ") }) {
                return String(data.dropFirst("data: ".count))
            }
        }
    }
}

extension RawHTTP {
    /// The status and headers of a response whose body is read on as it comes.
    func readHead() throws -> Response {
        let head = String(decoding: try readUntil(Array("\r\n\r\n".utf8)), as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.removeFirst().split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines where line.contains(":") {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data())
    }

    /// One event of a chunked event stream (the text up to its blank line), decoding chunk framing on the way.
    func readEvent() throws -> [UInt8] {
        var event: [UInt8] = []
        while true {
            let sizeLine = String(decoding: try readUntil(Array("\r\n".utf8)), as: UTF8.self)
            guard let size = Int(sizeLine, radix: 16), size > 0 else { throw Failure(description: "stream ended") }
            event += try read(count: size)
            _ = try read(count: 2)
            if event.count >= 2, event.suffix(2) == [10, 10] { return event }
        }
    }
}
