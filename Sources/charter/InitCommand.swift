import ArgumentParser
import CharterCore

/// `charter init DIR`: starts a new site with an example organisation and a copy of the theme.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site in a new or empty folder: example content for a made-up organisation and a copy of the theme.",
        discussion: "Afterwards, in that folder, `charter build` builds the example site; edit content/site.yml first."
    )

    @Option(help: "The language of the example content and the site: da or en.")
    var language: String = "da"

    @Option(help: "The theme to copy into the new site's templates/ folder.")
    var templates = "templates"

    @Argument(help: "The folder of the new site (created if missing; must be empty if it exists).")
    var folder: String

    func validate() throws {
        guard SiteSkeleton.Language(rawValue: language) != nil else {
            throw ValidationError("--language must be one of \(SiteSkeleton.Language.allCases.map(\.rawValue).joined(separator: ", ")), not '\(language)'")
        }
    }

    func run() throws {
        let language = SiteSkeleton.Language(rawValue: language)!
        do {
            let result = try SiteInit.run(folder: folder, language: language, templates: templates)
            print("Started a new site in \(result.folder)/ (\(result.written.count - 1) files and the theme).")
            print("Edit \(result.folder)/content/site.yml first, then build it: cd \(result.folder) && charter build")
        } catch {
            FileHandleOutput.standardError("charter: error: \(error)")
            switch error {
            case .templatesNotFound: throw ExitCode(2)
            case .notEmpty, .notAFolder, .cannotWrite: throw ExitCode(1)
            }
        }
    }
}
