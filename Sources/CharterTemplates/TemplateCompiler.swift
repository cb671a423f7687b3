/// Compiles a parsed template into a `TemplateProgram`: its nodes become instructions appended to the program's
/// code, its names indices into the program's tables.
///
/// A template's body comes first, ended by `.return`; then the bodies of its blocks, each ended by `.return`, which
/// blocks and parent tags refer to by index. A body met while compiling another one (a block inside a block) is
/// queued and compiled after it, so that every body is one contiguous run of instructions.
struct TemplateCompiler {
    typealias Node = Template.Node
    typealias Instruction = TemplateProgram.Instruction

    private var program: TemplateProgram
    /// Bodies still to compile: their nodes, and where to write their start (a block instruction or a block entry).
    private var pending: [(nodes: [Node], patch: Patch)] = []

    private enum Patch {
        case blockInstruction(Int)
        case blockEntry(Int)
    }

    private init(program: TemplateProgram) {
        self.program = program
    }

    /// Appends `template` to `program` and points `name` at it.
    static func compile(_ template: Template, named name: String, into program: inout TemplateProgram) {
        var compiler = TemplateCompiler(program: program)
        // Leave `program` without other references while compiling, so its arrays grow in place.
        program = TemplateProgram()
        let entry = compiler.compileBodies(template.nodes)
        let id = compiler.program.nameID(name)
        compiler.program.entries[Int(id)] = entry
        program = compiler.program
    }

    /// Compiles `nodes` and every body they queue; returns where the first starts.
    private mutating func compileBodies(_ nodes: [Node]) -> Int32 {
        let entry = Int32(program.code.count)
        emit(nodes)
        program.code.append(.return)
        var next = 0
        while next < pending.count {
            let (nodes, patch) = pending[next]
            next += 1
            let start = Int32(program.code.count)
            switch patch {
            case .blockInstruction(let index):
                if case .block(let name, let indentation, _) = program.code[index] {
                    program.code[index] = .block(name: name, indentation: indentation, body: start)
                }
            case .blockEntry(let index):
                program.blockEntries[index].body = start
            }
            emit(nodes)
            program.code.append(.return)
        }
        pending = []
        return entry
    }

    private mutating func emit(_ nodes: [Node]) {
        for node in nodes { emit(node) }
    }

    private mutating func emit(_ node: Node) {
        switch node {
        case .text(let bytes):
            let span = program.appendText(bytes)
            program.code.append(.text(start: span.start, count: span.count))
        case .variable(let variable, let escaped):
            program.code.append(.variable(self.variable(variable), escaped: escaped))
        case .section(let variable, let content, let inverted):
            let begin = program.code.count
            let id = self.variable(variable)
            program.code.append(.return)  // replaced below, once the end is known
            emit(content)
            let end = Int32(program.code.count)
            program.code.append(.sectionEnd(begin: Int32(begin)))
            program.code[begin] = inverted ? .invertedSection(id, end: end) : .section(id, end: end)
        case .partial(let name, let indentation):
            program.code.append(.partial(name: program.nameID(name), indentation: program.indentation(indentation)))
        case .parent(let name, let indentation, let blocks):
            let first = Int32(program.blockEntries.count)
            // By name, so that the program does not depend on the order of a dictionary.
            for (blockName, content) in blocks.sorted(by: { $0.key < $1.key }) {
                pending.append((content, .blockEntry(program.blockEntries.count)))
                program.blockEntries.append(TemplateProgram.BlockEntry(name: program.blockNameID(blockName), body: -1))
            }
            program.blockSets.append(TemplateProgram.Span(start: first, count: Int32(program.blockEntries.count) - first))
            program.code.append(.parent(name: program.nameID(name), indentation: program.indentation(indentation),
                                        blocks: Int32(program.blockSets.count - 1)))
        case .block(let name, let content, let indentation):
            pending.append((content, .blockInstruction(program.code.count)))
            program.code.append(.block(name: program.blockNameID(name), indentation: program.indentation(indentation), body: -1))
        }
    }

    /// The index of `variable` in the program, its keys interned as slots.
    private mutating func variable(_ variable: Template.Variable) -> Int32 {
        let pathStart = Int32(program.pathKeys.count)
        for key in variable.path { program.pathKeys.append(program.keyID(key.name)) }
        let transformStart = Int32(program.transforms.count)
        program.transforms.append(contentsOf: variable.transforms)
        program.variables.append(TemplateProgram.Variable(
            scope: variable.scope, pathStart: pathStart, pathCount: Int32(variable.path.count),
            transformStart: transformStart, transformCount: Int32(variable.transforms.count)))
        return Int32(program.variables.count - 1)
    }
}
