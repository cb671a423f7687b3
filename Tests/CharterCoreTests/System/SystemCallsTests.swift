import Foundation
import Testing
@testable import CharterCore

/// Whole writes and exact reads on descriptors (loops over `write(2)` and `read(2)` that go on after short and
/// interrupted calls) agree with Foundation's `Data` reading and writing.
struct SystemCallsTests {
    static let sizes = [0, 1, 7, 4096, 65_537, 1_000_003]

    static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 8) } }

    @Test(arguments: sizes)
    func aWholeWriteLeavesTheFileFoundationReads(_ count: Int) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("file").path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(descriptor >= 0)
        let bytes = Self.bytes(count)
        #expect(SystemCalls.writeAll(bytes, to: descriptor) == nil)
        #expect(SystemCalls.writeAll(Data(bytes), to: descriptor) == nil)
        close(descriptor)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes + bytes))
    }

    @Test func aWriteToAClosedDescriptorReportsItsError() {
        #expect(SystemCalls.writeAll([1, 2, 3], to: -1) == EBADF)
    }

    @Test(arguments: sizes)
    func anExactReadGivesWhatWasWrittenThroughAPipeAndNilPastItsEnd(_ count: Int) throws {
        let pipe = Pipe()
        let bytes = Self.bytes(count)
        // Written from another thread: a pipe holds 64 KiB, so the larger sizes take many short reads.
        let writer = Thread { try? pipe.fileHandleForWriting.write(contentsOf: Data(bytes)); try? pipe.fileHandleForWriting.close() }
        writer.start()
        let descriptor = pipe.fileHandleForReading.fileDescriptor
        let half = count / 2
        #expect(SystemCalls.readExactly(half, from: descriptor) == Array(bytes[..<half]))
        #expect(SystemCalls.readExactly(count - half, from: descriptor) == Array(bytes[half...]))
        #expect(SystemCalls.readExactly(1, from: descriptor) == nil)
        #expect(SystemCalls.readExactly(0, from: descriptor) == [])
    }
}
