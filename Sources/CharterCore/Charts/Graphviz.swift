import CGraphviz
import Foundation

/// Graphviz's `dot` layout in process: DOT text in, SVG text out. The only file that touches the C library.
///
/// Graphviz keeps process-wide state (its error buffer, the default attribute dictionaries) and is not thread-safe, so
/// every call into it, from every instance, holds one process-wide lock. Each instance owns its own Graphviz context,
/// made on first use and freed with the instance.
///
/// Text is measured with Graphviz's built-in font metrics rather than through Pango and the fonts installed: the
/// context loads only the `dot` layout and core SVG plugins, so the same DOT gives the same SVG on every machine, and
/// no GTK libraries are loaded. When those plugins cannot be found, the ordinary context with every plugin is used.
///
/// Graphs are read with their own memory discipline (`Arena`): the same DOT then gives the same SVG whatever was
/// drawn before it in the process.
final class Graphviz: ChartLayoutEngine, @unchecked Sendable {  // safe: every field is touched holding `serial`
    /// Guards every call into Graphviz. Process-wide because Graphviz's own state is.
    private static let serial = NSLock()

    // Touched only while holding `serial`.
    private var context: OpaquePointer?
    private var plugins: [UnsafeMutableRawPointer] = []
    private var builtins: UnsafeMutablePointer<lt_symlist_t>?
    /// How graphs are read: from a string in memory, into an arena of their own.
    private let discipline: UnsafeMutablePointer<Agdisc_t>

    init() {
        let memory = UnsafeMutablePointer<Agmemdisc_t>.allocate(capacity: 1)
        memory.initialize(to: Agmemdisc_t(open: { _ in Arena.open() }, alloc: { Arena.allocate($1, in: $0) },
                                          resize: { Arena.resize($1, from: $2, to: $3, in: $0) }, free: { Arena.release($1, in: $0) },
                                          close: { Arena.close($0) }))
        let io = UnsafeMutablePointer<Agiodisc_t>.allocate(capacity: 1)
        io.initialize(to: Agiodisc_t(afread: { Reader.read(from: $0, into: $1, size: $2) }, putstr: { _, _ in 0 }, flush: { _ in 0 }))
        discipline = UnsafeMutablePointer<Agdisc_t>.allocate(capacity: 1)
        discipline.initialize(to: Agdisc_t(mem: memory, id: nil, io: io))  // no id discipline: Graphviz's own
    }

    deinit {
        Self.serial.lock()
        defer { Self.serial.unlock() }
        if let context { gvFreeContext(context) }
        if let builtins {
            for index in 0..<2 { free(UnsafeMutableRawPointer(mutating: builtins[index].name)) }
            builtins.deallocate()
        }
        for handle in plugins { dlclose(handle) }
        discipline.pointee.mem.deallocate()
        discipline.pointee.io.deallocate()
        discipline.deallocate()
    }

    /// "graphviz 2.42.2": the version of libgvc in use.
    var identity: String {
        Self.serial.lock()
        defer { Self.serial.unlock() }
        guard let context = contextWhileLocked(), let version = gvcVersion(context) else { return "graphviz" }
        return "graphviz " + String(cString: version)
    }

    /// Lays `dot` out with the `dot` engine and renders it as SVG; a parse, layout or render error is returned, never raised.
    func svg(fromDOT dot: String) -> Result<String, ChartLayoutError> {
        Self.serial.lock()
        defer { Self.serial.unlock() }
        return svgWhileLocked(fromDOT: dot)
    }

    /// Runs `body` while holding the lock every call into Graphviz takes (for tests of what waits for it).
    static func holdingTheLock<T>(_ body: () throws -> T) rethrows -> T {
        serial.lock()
        defer { serial.unlock() }
        return try body()
    }

    /// `svg(fromDOT:)` if no other call into Graphviz is running in this process; nil, at once, if one is.
    func svgIfIdle(fromDOT dot: String) -> Result<String, ChartLayoutError>? {
        guard Self.serial.try() else { return nil }
        defer { Self.serial.unlock() }
        return svgWhileLocked(fromDOT: dot)
    }

    private func svgWhileLocked(fromDOT dot: String) -> Result<String, ChartLayoutError> {
        guard let context = contextWhileLocked() else { return .failure(ChartLayoutError("Graphviz could not start")) }
        agseterr(AGMAX)  // messages go to Graphviz's buffer, read with aglasterr, instead of stderr
        agreseterrors()
        let read = dot.withCString { text in
            var reader = Reader(text: text, length: strlen(text), position: 0)
            return agread(&reader, discipline)
        }
        guard let graph = read else {
            return .failure(ChartLayoutError(lastError() ?? "Graphviz could not read the graph"))
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, "dot") == 0 else {
            return .failure(ChartLayoutError(lastError() ?? "Graphviz could not lay the graph out"))
        }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, "svg", &data, &length) == 0, let data else {
            return .failure(ChartLayoutError(lastError() ?? "Graphviz could not render the graph as SVG"))
        }
        defer { gvFreeRenderData(data) }
        if agerrors() > 0 {
            return .failure(ChartLayoutError(lastError() ?? "Graphviz reported an error"))
        }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The text of Graphviz's last message, on one line.
    private func lastError() -> String? {
        guard let message = aglasterr() else { return nil }
        defer { free(message) }
        let text = String(cString: message).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    private func contextWhileLocked() -> OpaquePointer? {
        if let context { return context }
        context = builtinContext() ?? gvContext()
        return context
    }

    /// A context with only the `dot` layout and core render plugins, loaded from libgvc's own plugin folder.
    private func builtinContext() -> OpaquePointer? {
        guard let library = charter_gvc_library_path() else { return nil }
        let folder = URL(fileURLWithPath: String(cString: library)).deletingLastPathComponent().appendingPathComponent("graphviz").path
        let wanted = [("gvplugin_dot_layout", "gvplugin_dot_layout_LTX_library"), ("gvplugin_core", "gvplugin_core_LTX_library")]
        var found: [(String, UnsafeMutableRawPointer)] = []
        for (file, symbol) in wanted {
            guard let handle = ["so.6", "so"].lazy.compactMap({ dlopen("\(folder)/lib\(file).\($0)", RTLD_NOW | RTLD_LOCAL) }).first
            else { return nil }
            plugins.append(handle)
            guard let address = dlsym(handle, symbol) else { return nil }
            found.append((symbol, address))
        }
        let list = UnsafeMutablePointer<lt_symlist_t>.allocate(capacity: 3)
        for (index, (symbol, address)) in found.enumerated() {
            list[index] = lt_symlist_t(name: UnsafePointer(strdup(symbol)), address: address)
        }
        list[2] = lt_symlist_t(name: nil, address: nil)  // the end of the list
        builtins = list
        return gvContextPlugins(list, 0)
    }
}

/// The memory of one graph: a single reservation of address space, handed out in order and given back whole when the
/// graph is closed.
///
/// Graphviz orders subgraphs, clusters among them, by the addresses of their interned names. From `malloc` those
/// addresses depend on everything allocated before, so the organisation chart could come out differently after other
/// charts had been drawn. From one reservation they follow the order of the DOT text. Pages are reserved, not used:
/// a chart touches a few hundred kilobytes. Should the reservation fail or fill up, memory comes from `calloc`.
private enum Arena {
    struct State {
        var base: UnsafeMutableRawPointer?
        var size: Int
        var used: Int
    }

    static func open() -> UnsafeMutableRawPointer? {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(base: nil, size: 0, used: 0))
        for size in [1 << 30, 1 << 26] {
            let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            if let base, base != UnsafeMutableRawPointer(bitPattern: -1) {
                state.pointee = State(base: base, size: size, used: 0)
                break
            }
        }
        return UnsafeMutableRawPointer(state)
    }

    static func state(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<State> {
        pointer!.assumingMemoryBound(to: State.self)
    }

    /// Zeroed memory, as Graphviz expects: fresh pages are zero and never handed out twice.
    static func allocate(_ size: Int, in pointer: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        let state = state(pointer)
        let rounded = (size + 15) & ~15
        guard let base = state.pointee.base, state.pointee.used + rounded <= state.pointee.size else { return calloc(1, max(size, 1)) }
        defer { state.pointee.used += rounded }
        return base + state.pointee.used
    }

    static func owns(_ memory: UnsafeMutableRawPointer, _ state: UnsafeMutablePointer<State>) -> Bool {
        guard let base = state.pointee.base else { return false }
        return memory >= base && memory < base + state.pointee.size
    }

    static func resize(_ memory: UnsafeMutableRawPointer?, from old: Int, to new: Int,
                       in pointer: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        let moved = allocate(new, in: pointer)
        if let memory, let moved {
            moved.copyMemory(from: memory, byteCount: min(old, new))
            release(memory, in: pointer)
        }
        return moved
    }

    /// Arena memory goes with the arena; only what came from `calloc` is freed on its own.
    static func release(_ memory: UnsafeMutableRawPointer?, in pointer: UnsafeMutableRawPointer?) {
        guard let memory, !owns(memory, state(pointer)) else { return }
        free(memory)
    }

    static func close(_ pointer: UnsafeMutableRawPointer?) {
        let state = state(pointer)
        if let base = state.pointee.base { munmap(base, state.pointee.size) }
        state.deallocate()
    }
}

/// A DOT text being read by Graphviz's parser, a line at a time.
private struct Reader {
    var text: UnsafePointer<CChar>
    var length: Int
    var position: Int

    static func read(from channel: UnsafeMutableRawPointer?, into buffer: UnsafeMutablePointer<CChar>?, size: Int32) -> Int32 {
        guard let channel, let buffer else { return 0 }
        let reader = channel.assumingMemoryBound(to: Reader.self)
        var count = 0
        while count < Int(size), reader.pointee.position < reader.pointee.length {
            let character = reader.pointee.text[reader.pointee.position]
            buffer[count] = character
            count += 1
            reader.pointee.position += 1
            if character == 10 { break }
        }
        return Int32(count)
    }
}
