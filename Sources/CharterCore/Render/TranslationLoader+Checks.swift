/// What the templates and the site's own pages ask of the translation: the keys of the templates' `{{t.key}}` tags,
/// and folder names (`path_*`) that are plain and taken by no entity. Build runs these after `TranslationLoader.load`.
extension TranslationLoader {
    /// Reports every `{{t.key}}` of the templates whose key `translation` lacks, at the tag.
    static func check(_ templates: TemplateSet, against translation: Translation, content: String, into diagnostics: inout Diagnostics) {
        for use in templates.translationKeys where !translation.has(use.key) {
            diagnostics.error("the template uses 't.\(use.key)', which the translation for '\(translation.language)' lacks; "
                              + "add '\(use.key):' to \(folder)/\(translation.language).yaml in the templates or in \(join(content, folder))",
                              at: use.location)
        }
    }

    /// Reports every entity whose id is the folder of a page the site makes itself in its language (`path_search: search`
    /// and an entity `search`), and a folder name that is not a plain path segment (at `language:` in the `site.yml` of
    /// the `content` folder).
    static func checkPaths(of site: Site, content: String, into diagnostics: inout Diagnostics) {
        for (name, key) in SitePaths(site.translation).all {
            if name.isEmpty || name.contains("/") || name.hasPrefix(".") {
                diagnostics.error("'\(key.rawValue)' must be a folder name without '/', not '\(name)'", at: site.config.languageLocation
                                  ?? SourceLocation(path: join(content, "site.yml"), line: 1, column: 1))
            } else if let entity = site[name], !EntitySchema.reservedIDs.contains(name) {
                diagnostics.error("id '\(name)' is the folder of a page Charter makes itself ('\(key.rawValue)' in the translation); "
                                  + "rename the file or set another 'id'", at: entity.location)
            }
        }
    }
}
