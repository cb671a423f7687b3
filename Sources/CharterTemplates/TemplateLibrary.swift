/// A set of compiled templates by name, which render each other as partials (`{{> name}}`) and parents
/// (`{{< name}}`).
///
/// ```swift
/// var library = TemplateLibrary()
/// try library.register("<main>{{$content}}{{/content}}</main>", named: "layout")
/// try library.register("{{<layout}}{{$content}}<h1>{{title}}</h1>{{/content}}{{/layout}}", named: "page")
/// let html = library.render(["title": "Forside"], with: "page")  // "<main><h1>Forside</h1></main>"
/// ```
///
/// Registering a template compiles it into the library's `TemplateProgram`, where the partials and parents it names
/// become indices into the program's table of templates, filled in when a template of that name is registered.
package struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]
    /// Every registered template, compiled.
    private(set) var program = TemplateProgram()

    /// An empty library.
    package init() {}

    /// The names of the registered templates.
    var names: Set<String> { Set(templates.keys) }

    /// Parses `text` and registers it as `name`, replacing any template of that name.
    ///
    /// - Parameters:
    ///   - text: The template's Mustache text.
    ///   - name: The name partials and parents refer to it by, e.g. `partials/header`.
    /// - Throws: `TemplateSyntaxError` at the line and column of the faulty tag.
    package mutating func register(_ text: String, named name: String) throws {
        register(try Template(text), named: name)
    }

    /// Registers an already compiled template as `name`.
    mutating func register(_ template: Template, named name: String) {
        templates[name] = template
        TemplateCompiler.compile(template, named: name, into: &program)
    }

    /// The template registered as `name`.
    func template(named name: String) -> Template? {
        templates[name]
    }

    /// Renders `context` with the template `name`; a partial or parent that names no template renders as empty.
    ///
    /// - Returns: The rendered text, or nil when there is no template `name`.
    package func render(_ context: TemplateValue, with name: String) -> String? {
        guard let entry = entry(of: name) else { return nil }
        return String(decoding: TemplateRenderer.render(program, from: entry, context: context), as: UTF8.self)
    }

    /// Renders `context` with the template `name` as UTF-8 bytes, for writing to a file without making a `String`.
    ///
    /// - Returns: The rendered bytes, or nil when there is no template `name`.
    package func renderBytes(_ context: TemplateValue, with name: String) -> [UInt8]? {
        guard let entry = entry(of: name) else { return nil }
        return TemplateRenderer.render(program, from: entry, context: context)
    }

    /// Where the code of the template `name` starts, if there is one.
    private func entry(of name: String) -> Int? {
        guard let id = program.nameIndex[name], case let entry = program.entries[Int(id)], entry >= 0 else { return nil }
        return Int(entry)
    }
}
