/// Renders a template of a `TemplateProgram` into one UTF-8 buffer: a loop over the program's instructions with an
/// explicit stack of frames (sections being rendered, partials, parents and blocks to return from) and of contexts.
///
/// Follows swift-mustache's rendering: a list section renders once per item with the item pushed; `true` renders
/// once in the same context; `false`, a missing value and an empty list render nothing; anything else (a map, a
/// string, a number, also `""` and `0`) renders once with the value pushed. An inverted section renders exactly
/// when the section would not, with an empty list pushed. Indentation of a standalone partial or block is added
/// where swift-mustache adds it: before each rendered piece that starts a line within the same template, so the
/// second item of a list section in an indented partial is not indented.
///
/// Differences: HTML escaping works on bytes, so a `<` followed by a combining mark is escaped (swift-mustache
/// compares whole characters and lets it through); partials nested deeper than `maxDepth` render as empty instead
/// of overflowing the stack.
///
/// Indentation, as swift-mustache places it: each body (a template, a block, one pass through a section) is a
/// "level" that starts where its output starts. Within an indented level, a text line gets the indentation when it
/// starts a line of this level's output; any other tag gets it before its output when that output starts such a
/// line. The tag's decision is known before the tag renders (it depends on the bytes already written) but applies
/// only if the tag writes something, so it is kept as `pendingIndentation` and written just before the tag's first
/// byte, or dropped when the tag ends having written nothing.
struct TemplateRenderer {
    typealias Instruction = TemplateProgram.Instruction

    /// How deep partials, parents and blocks may nest, to stop a template that includes itself.
    static let maxDepth = 100

    let program: TemplateProgram
    var output: [UInt8] = []
    /// The context stack, innermost last.
    var contexts: [TemplateValue]
    /// The sections and bodies being rendered, innermost last; its count identifies the current level.
    private var frames: [Frame] = []
    /// The indentation of the current level: the whitespace of each standalone partial, parent and block it is in,
    /// outermost first. An inner level's indentation starts with its outer level's, so it grows and shrinks at the end.
    var indentation: [UInt8] = []
    /// The block sets (indices into `program.blockSets`) of the parents being rendered, outermost first.
    private var parents: [Int32] = []
    /// Where the output of the current level starts.
    var levelStart = 0
    /// Set directly inside a list section.
    var loop: Template.LoopPosition?
    /// How many partials, parents and blocks are being rendered.
    private var depth = 0
    /// For each key slot, where it was last found in a map (see `TemplateMap.value(for:hint:)`).
    var hints: [Int]
    /// How much of `indentation` to write before the next byte, or 0; and the level that decided it.
    var pendingIndentation = 0
    private var pendingLevel = 0

    /// A section or a body being rendered, with what to restore when it ends.
    private struct Frame {
        /// For a section, its `.section` instruction; for a body, the instruction to return to.
        var resume: Int
        var levelStart: Int
        var loop: Template.LoopPosition?
        /// For a body: the size of `indentation` and `parents` before it.
        var indentationCount = 0
        var parentCount = 0
        /// For a list section: the items, and the one being rendered.
        var items: [TemplateValue] = []
        var index = 0
        /// For a section: whether it pushed a context.
        var pushed = false
    }

    /// Renders the code at `entry` of `program` with `context` into UTF-8 bytes (valid UTF-8: the template's text and
    /// the values are).
    static func render(_ program: TemplateProgram, from entry: Int, context: TemplateValue) -> [UInt8] {
        var renderer = TemplateRenderer(program: program, contexts: [context])
        renderer.output.reserveCapacity(32 * 1024)
        renderer.contexts.reserveCapacity(16)
        renderer.frames.reserveCapacity(32)
        renderer.run(from: entry)
        return renderer.output
    }

    private init(program: TemplateProgram, contexts: [TemplateValue]) {
        self.program = program
        self.contexts = contexts
        self.hints = Array(repeating: 0, count: program.keys.count)
    }

    private mutating func run(from entry: Int) {
        var pc = entry
        while true {
            switch program.code[pc] {
            case .text(let start, let count):
                writeText(Int(start), Int(count))
                pc += 1
            case .variable(let variable, let escaped):
                beginTag()
                if let value = resolve(Int(variable)) { write(value, escaped: escaped) }
                endTag()
                pc += 1
            case .section(let variable, let end):
                beginTag()
                pc = enterSection(resolve(Int(variable)), at: pc, end: Int(end))
            case .invertedSection(let variable, let end):
                beginTag()
                pc = enterInvertedSection(resolve(Int(variable)), at: pc, end: Int(end))
            case .sectionEnd(let begin):
                pc = endSection(at: pc, begin: Int(begin))
            case .partial(let name, let indentation):
                pc = enterTemplate(name, indentation: indentation, at: pc)
            case .parent(let name, let indentation, let blocks):
                pc = enterTemplate(name, indentation: indentation, at: pc, blocks: blocks)
            case .block(let name, let indentation, let body):
                beginTag()
                guard depth < Self.maxDepth else {
                    endTag()
                    pc += 1
                    continue
                }
                let entry = override(of: name) ?? Int(body)
                call(entry, returningTo: pc + 1, indentation: Int(indentation))
                pc = entry
            case .return:
                guard let frame = frames.popLast() else { return }
                levelStart = frame.levelStart
                loop = frame.loop
                indentation.removeLast(indentation.count - frame.indentationCount)
                parents.removeLast(parents.count - frame.parentCount)
                depth -= 1
                endTag()
                pc = frame.resume
            }
        }
    }

    /// Enters the template `name` for a partial or parent tag at `pc` (a parent's `blocks` added to the blocks of the
    /// parents being rendered); returns the next instruction: the template's first, or the tag's next when there is no
    /// such template or partials nest too deep.
    @inline(__always)
    private mutating func enterTemplate(_ name: Int32, indentation: Int32, at pc: Int, blocks: Int32? = nil) -> Int {
        beginTag()
        let entry = Int(program.entries[Int(name)])
        guard entry >= 0, depth < Self.maxDepth else {
            endTag()
            return pc + 1
        }
        call(entry, returningTo: pc + 1, indentation: Int(indentation))
        if let blocks { parents.append(blocks) }
        return entry
    }

    /// Starts rendering the body at `entry` as a new level, indented by `indentations[indentation]` more.
    private mutating func call(_ entry: Int, returningTo resume: Int, indentation index: Int) {
        frames.append(Frame(resume: resume, levelStart: levelStart, loop: loop,
                            indentationCount: indentation.count, parentCount: parents.count))
        if index != 0 {
            let span = program.indentations[index]
            indentation += program.text[Int(span.start)..<Int(span.start + span.count)]
        }
        levelStart = output.count
        loop = nil
        depth += 1
    }

    /// The body of the block `name` in the outermost parent being rendered that has one.
    private func override(of name: Int32) -> Int? {
        for set in parents {
            let span = program.blockSets[Int(set)]
            for index in Int(span.start)..<Int(span.start + span.count) where program.blockEntries[index].name == name {
                return Int(program.blockEntries[index].body)
            }
        }
        return nil
    }

    /// Enters the section at `pc` whose value is `value`; returns the next instruction.
    private mutating func enterSection(_ value: TemplateValue?, at pc: Int, end: Int) -> Int {
        switch value {
        case .none, .bool(false), .null:
            endTag()
            return end + 1
        case .bool(true):
            frames.append(Frame(resume: pc, levelStart: levelStart, loop: loop))
        case .list(let items):
            guard !items.isEmpty else {
                endTag()
                return end + 1
            }
            frames.append(Frame(resume: pc, levelStart: levelStart, loop: loop, items: items, pushed: true))
            contexts.append(items[0])
            loop = Template.LoopPosition(index: 0, count: items.count)
        case .some(let value):
            frames.append(Frame(resume: pc, levelStart: levelStart, loop: loop, pushed: true))
            contexts.append(value)
            loop = nil
        }
        levelStart = output.count
        return pc + 1
    }

    /// Enters the inverted section at `pc` whose value is `value`; returns the next instruction.
    private mutating func enterInvertedSection(_ value: TemplateValue?, at pc: Int, end: Int) -> Int {
        switch value {
        case .none, .bool(false), .null:
            frames.append(Frame(resume: pc, levelStart: levelStart, loop: loop))
        case .list(let items) where items.isEmpty:
            frames.append(Frame(resume: pc, levelStart: levelStart, loop: loop, pushed: true))
            contexts.append(.list(items))
            loop = nil
        default:
            endTag()
            return end + 1
        }
        levelStart = output.count
        return pc + 1
    }

    /// Renders the next item of the list section that began at `begin`, or leaves the section.
    private mutating func endSection(at pc: Int, begin: Int) -> Int {
        let top = frames.count - 1
        let next = frames[top].index + 1
        if next < frames[top].items.count {
            frames[top].index = next
            contexts[contexts.count - 1] = frames[top].items[next]
            loop = Template.LoopPosition(index: next, count: frames[top].items.count)
            levelStart = output.count
            return begin + 1
        }
        let frame = frames.removeLast()
        if frame.pushed { contexts.removeLast() }
        levelStart = frame.levelStart
        loop = frame.loop
        endTag()
        return pc + 1
    }

    /// Before a tag other than text: whether its output, if any, is to be indented.
    @inline(__always)
    private mutating func beginTag() {
        if !indentation.isEmpty, startsLine(output.count) {
            pendingIndentation = indentation.count
            pendingLevel = frames.count
        }
    }

    /// After a tag: its indentation is dropped if it wrote nothing.
    @inline(__always)
    private mutating func endTag() {
        if pendingIndentation != 0, pendingLevel == frames.count { pendingIndentation = 0 }
    }
}
