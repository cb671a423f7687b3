import ArgumentParser

/// `charter`: builds, checks and previews a governance site.
struct CharterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charter",
        abstract: "Publish how an organisation is governed: Markdown with YAML front matter in, a static site out.",
        discussion: """
        Exit codes: 0 ok, 1 content errors (printed as file:line:column: error: …), 2 usage or environment.
        """,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, PrintCommand.self, GraphCommand.self,
                      InitCommand.self, ExportCommand.self, ImportCommand.self, ChartWorkerCommand.self],
        defaultSubcommand: nil
    )
}
