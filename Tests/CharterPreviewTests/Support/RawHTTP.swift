import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket, so that tests send request lines exactly as written (`/../x` and
/// `%2e%2e` reach the server untouched, which URLSession would not allow) and read event streams as they arrive.
final class RawHTTP: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socket: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; reads wait at most `timeout` seconds.
    init(port: Int, timeout: Double = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(socket) }

    /// Sends one request and reads its response.
    static func request(port: Int, _ target: String, method: String = "GET", headers: [String: String] = [:]) throws -> Response {
        let client = try RawHTTP(port: port)
        try client.send(target, method: method, headers: headers)
        return try client.readResponse(bodyless: method == "HEAD")
    }

    func send(_ target: String, method: String = "GET", headers: [String: String] = [:]) throws {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let bytes = Array(request.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw Failure(description: "write failed") }
    }

    /// The status line and headers, then the body by its length or its chunks.
    func readResponse(bodyless: Bool = false) throws -> Response {
        let head = String(decoding: try readUntil(Array("\r\n\r\n".utf8)), as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "bad status line: \(head)") }
        var headers: [String: String] = [:]
        for line in lines where line.contains(":") {
            let parts = line.split(separator: ":", maxSplits: 1)
            headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        var body = Data()
        if bodyless || status == 304 {
        } else if headers["transfer-encoding"]?.contains("chunked") == true {
            while true {
                let sizeLine = String(decoding: try readUntil(Array("\r\n".utf8)), as: UTF8.self)
                guard let size = Int(sizeLine.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) else { throw Failure(description: "bad chunk") }
                if size == 0 { break }
                body += try read(count: size)
                _ = try read(count: 2)
            }
        } else if let length = headers["content-length"].flatMap(Int.init) {
            body = try read(count: length)
        }
        return Response(status: status, headers: headers, body: body)
    }

    /// Reads bytes until `marker`; returns what came before it.
    func readUntil(_ marker: [UInt8]) throws -> [UInt8] {
        while true {
            if let range = find(marker) {
                let before = Array(buffer[..<range])
                buffer.removeFirst(range + marker.count)
                return before
            }
            try fill()
        }
    }

    func read(count: Int) throws -> Data {
        while buffer.count < count { try fill() }
        defer { buffer.removeFirst(count) }
        return Data(buffer.prefix(count))
    }

    private func find(_ marker: [UInt8]) -> Int? {
        guard buffer.count >= marker.count else { return nil }
        return (0...(buffer.count - marker.count)).first { buffer[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = Glibc.read(socket, &chunk, chunk.count)
        guard count > 0 else { throw Failure(description: count == 0 ? "connection closed" : "read timed out") }
        buffer += chunk[0..<count]
    }
}
