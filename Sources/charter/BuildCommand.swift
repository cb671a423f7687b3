import ArgumentParser
import CharterCore

/// `charter build`: content → site/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static site from the content and templates.",
        discussion: "A build with errors writes nothing: the previous site stays exactly as it was."
    )

    @OptionGroup var paths: PathOptions

    @Option(name: .customLong("base-url"), help: "The URL the site is published at (overrides base_url in site.yml); enables sitemap.xml.")
    var baseURL: String?

    @Flag(help: "Also make a PDF of every terms of reference (needs WeasyPrint, or Chromium with --engine chromium).")
    var pdf = false

    @Option(help: "The PDF engine for --pdf: weasyprint or chromium.")
    var engine: String = "weasyprint"

    @Flag(name: .customLong("no-search"), help: "Do not write the search index, even when Pagefind is installed (pip install 'pagefind[extended]').")
    var noSearch = false

    @Flag(name: .customLong("no-cache"), help: "Lay out every chart again instead of reusing the drawings of the last build.")
    var noCache = false

    @Option(name: .customLong("cache-dir"), help: "Where chart drawings are kept between builds (default: $CHARTER_CACHE_DIR, $XDG_CACHE_HOME/charter or ~/.cache/charter).")
    var cacheDir: String?

    func run() throws {
        try paths.requireFolders()
        var options = Build.Options(content: paths.content, templates: paths.templates, output: paths.output, baseURL: baseURL)
        if pdf { options.pdfEngine = try PDFEngineChoice.find(engine) }
        if !noSearch { options.searchIndexer = SearchIndexer.find() }
        if !noCache { options.chartCache = ChartCacheLocation.file(content: paths.content, folder: cacheDir) }
        options.keepsFiles = false  // each page is written as it renders; nothing here needs the bytes after
        options.previousSiteRemoval = .detached  // the old site is deleted after this process has ended
        let result = Build(options: options, charts: ChartRenderer(engine: ChartWorkerCommand.engine())).run()
        try Report(quiet: paths.quiet, verbose: paths.verbose).finish(result, verb: "built", output: paths.output)
        Report.exitWithoutTeardown()
    }
}

/// `charter check`: the stages up to the plan — every check, the pages counted — nothing rendered or written.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates without writing anything; exit 1 on errors."
    )

    @OptionGroup var paths: PathOptions

    @Flag(help: "Also show the strict warnings: advice a site may leave open, such as a public body's missing accessibility statement.")
    var strict = false

    func run() throws {
        try paths.requireFolders()
        var options = Build.Options(content: paths.content, templates: paths.templates, output: paths.output)
        options.stopsAfter = .plan  // every check is made by then; nothing needs rendering
        options.strict = strict
        let result = Build(options: options).run()
        try Report(quiet: paths.quiet, verbose: paths.verbose).finish(result, verb: "checked", output: nil)
    }
}
