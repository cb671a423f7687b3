/// The translation of the language a site's `site.yml` sets.
extension TranslationLoader {
    /// The translation of `config.language`, from the theme in `templates` and the site in `content`; a language with
    /// no file is reported at `language:` in `site.yml`.
    static func load(config: SiteConfig, templates: String, content: String, into diagnostics: inout Diagnostics) -> Translation {
        load(language: config.language, languageLocation: config.languageLocation, templates: templates, content: content,
             into: &diagnostics)
    }
}
