/// The templates of a `TemplateLibrary` compiled into one flat program: a contiguous array of instructions that jump
/// by index, with every name a tag uses replaced by an index into a table made when the template was registered.
///
/// Rendering a page walks `code` in a loop (`TemplateRenderer`) instead of a tree of nodes, so it neither follows
/// reference-counted child arrays nor hashes a name: a partial or parent is an index into `entries`, a block an
/// index into the blocks of the parents being rendered, a key a slot in `keys` with its fingerprint made once.
///
/// Each template compiles to a body (its nodes, then `.return`) followed by the bodies of its blocks: the default
/// content of each `{{$block}}` and each block a parent tag (`{{<parent}}`) gives. Registering a template again under
/// a name points the name at the new code; the old code stays, unreachable.
struct TemplateProgram: Sendable {
    /// One step of the program. Every payload is a plain integer, so copying an instruction costs no reference count.
    enum Instruction: Sendable, Equatable {
        /// Writes `count` bytes of `text` from `start`.
        case text(start: Int32, count: Int32)
        /// Writes the value of `variables[variable]`, HTML-escaped or not.
        case variable(Int32, escaped: Bool)
        /// `{{#name}}`: renders up to `end` (its `.sectionEnd`) as many times as the value of `variables[variable]`
        /// says, or jumps past `end`.
        case section(Int32, end: Int32)
        /// `{{^name}}`: renders up to `end` once when the value is falsy, or jumps past `end`.
        case invertedSection(Int32, end: Int32)
        /// Closes the section opened at `begin`: the next item of a list renders from `begin + 1`.
        case sectionEnd(begin: Int32)
        /// `{{> name}}`: renders the template `entries[name]`, indented by `indentations[indentation]`.
        case partial(name: Int32, indentation: Int32)
        /// `{{< name}}`: renders the template `entries[name]` with the blocks `blockSets[blocks]` added to the blocks
        /// of the parents being rendered (where a name is in both, the outer parent's block wins).
        case parent(name: Int32, indentation: Int32, blocks: Int32)
        /// `{{$ name}}`: renders the block `name` of the outermost parent being rendered that has one, else the default
        /// content at `body`.
        case block(name: Int32, indentation: Int32, body: Int32)
        /// Ends a body: back to the instruction after the partial, parent or block that rendered it, or the end.
        case `return`
    }

    /// A variable of a tag with its keys and transforms as ranges of `pathKeys` and `transforms`.
    struct Variable: Sendable, Equatable {
        var scope: Template.Variable.Scope
        /// Where the variable's keys start in `pathKeys`, and how many there are.
        var pathStart: Int32, pathCount: Int32
        /// Where its transforms start in `transforms` (innermost first), and how many there are.
        var transformStart: Int32, transformCount: Int32

        /// One key looked up the context stack, no transform: most tags. Its key is `pathKeys[pathStart]`.
        var isSingleKey: Bool { scope == .stack && pathCount == 1 && transformCount == 0 }
    }

    /// A block a parent tag gives: its name (an index into the block names) and where its body starts in `code`.
    struct BlockEntry: Sendable, Equatable {
        var name: Int32
        var body: Int32
    }

    /// A range of a byte or entry table.
    struct Span: Sendable, Equatable {
        var start: Int32
        var count: Int32
    }

    /// The instructions of every registered template.
    var code: [Instruction] = []
    /// The text of every text instruction and every indentation, back to back (UTF-8).
    var text: [UInt8] = []
    /// The variables of the tags.
    var variables: [Variable] = []
    /// The keys of the variables, as indices into `keys`.
    var pathKeys: [Int32] = []
    /// The transforms of the variables.
    var transforms: [Template.Transform] = []
    /// Every key name the templates use, once, with its fingerprint: the slots variables refer to.
    var keys: [TemplateKey] = []
    /// The whitespace a standalone partial, parent or block adds to each line, as ranges of `text`; 0 is none.
    var indentations: [Span] = [Span(start: 0, count: 0)]
    /// The blocks of each parent tag, as ranges of `blockEntries`.
    var blockSets: [Span] = []
    var blockEntries: [BlockEntry] = []
    /// Where each template name's code starts, by name index; -1 for a name that partials use but no template has.
    var entries: [Int32] = []

    /// The index of each key name, template name and block name, used while compiling only.
    var keyIndex: [String: Int32] = [:]
    var nameIndex: [String: Int32] = [:]
    var blockNameIndex: [String: Int32] = [:]

    /// The index of the template name `name`, made (with no code yet) if it is new.
    mutating func nameID(_ name: String) -> Int32 {
        if let id = nameIndex[name] { return id }
        let id = Int32(entries.count)
        nameIndex[name] = id
        entries.append(-1)
        return id
    }

    /// The slot of the key `name`, made if it is new.
    mutating func keyID(_ name: String) -> Int32 {
        if let id = keyIndex[name] { return id }
        let id = Int32(keys.count)
        keyIndex[name] = id
        keys.append(TemplateKey(name))
        return id
    }

    /// The index of the block name `name`, made if it is new.
    mutating func blockNameID(_ name: String) -> Int32 {
        if let id = blockNameIndex[name] { return id }
        let id = Int32(blockNameIndex.count)
        blockNameIndex[name] = id
        return id
    }

    /// The range of `text` holding `bytes`, appended.
    mutating func appendText<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Span {
        let start = Int32(text.count)
        text.append(contentsOf: bytes)
        return Span(start: start, count: Int32(text.count) - start)
    }

    /// The index of the indentation `bytes`; 0 for none.
    mutating func indentation(_ bytes: [UInt8]) -> Int32 {
        guard !bytes.isEmpty else { return 0 }
        indentations.append(appendText(bytes))
        return Int32(indentations.count - 1)
    }
}
