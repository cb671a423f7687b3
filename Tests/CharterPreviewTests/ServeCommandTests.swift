import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `charter serve` as a child process.
struct ServeCommandTests {
    @Test func serveOnPortZeroPrintsTheAddressServesAndStopsCleanlyOnCtrlC() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let serve = try ServeProcess(["--content", workspace.content, "--templates", workspace.templates, "--output", workspace.output,
                                      "--port", "0"])
        let port = try #require(serve.port(), "\(serve.standardOutput)\(serve.standardError)")
        #expect(serve.standardOutput.contains("Built "))
        #expect(serve.standardOutput.contains("Serving http://127.0.0.1:\(port)/"))
        let home = try await offPool { try RawHTTP.request(port: port, "/") }
        #expect(home.status == 200 && home.text.contains("charter-live-reload"))
        let status = try await offPool { serve.interrupt() }
        #expect(status == 0)
        #expect(serve.standardOutput.hasSuffix("Stopped.\n"))
    }

    @Test func aPortInUseIsAClearErrorWithExitCodeTwo() async throws {
        let workspace = try Fixtures.workspace()
        defer { workspace.remove() }
        let (listener, port) = try Self.listenOnFreePort()
        defer { close(listener) }
        let serve = try ServeProcess(["--content", workspace.content, "--templates", workspace.templates, "--output", workspace.output,
                                      "--port", String(port)])
        let status = try await offPool { () -> Int32 in
            serve.process.waitUntilExit()
            return serve.process.terminationStatus
        }
        #expect(status == 2)
        #expect(serve.standardError.contains("cannot listen on 127.0.0.1:\(port): the port is in use"))
        #expect(serve.standardError.contains("--port 0"))
    }

    /// A socket listening on a free loopback port, as another server would.
    static func listenOnFreePort() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw RawHTTP.Failure(description: "cannot listen") }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
