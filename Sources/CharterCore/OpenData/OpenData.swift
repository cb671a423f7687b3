/// The checked model as open data, written to `site/data/` on every build and by `charter export`: the whole model as
/// JSON with its JSON Schema (`ModelJSON`), the W3C Organization Ontology as JSON-LD (`OrganizationOntology`), Popolo
/// (`Popolo`), and CSV tables for spreadsheets (`CSVTables`).
package enum OpenData {
    /// The formats of `charter export`.
    package enum Format: String, Sendable, CaseIterable {
        case json, jsonld, popolo, csv
    }

    /// The folder of the data files in the site.
    package static let folder = "data"

    /// Where an entity's page is: its path from the site's root (`integrationsforum/index.html`), and its absolute URL
    /// when the site has an http(s) base URL (`https://intra.example.org/integrationsforum/`).
    struct Address: Sendable, Hashable {
        var path: String
        var url: String?
    }

    /// The addresses and identifiers of a site's entities, with the site's routes and base worked out once: a writer
    /// that names many entities makes one and asks it for each.
    struct Addresses: Sendable {
        let routes: Routes
        let base: String?
        let urn: String

        init(site: Site) {
            routes = site.routes
            base = OpenData.absoluteBase(of: site)
            urn = "urn:charter:\(Slug.make(site.config.organisation ?? site.config.title)):"
        }

        /// The address of the page of the entity `id`.
        func address(of id: String) -> Address {
            let path = routes.path(of: id)
            guard let base else { return Address(path: path, url: nil) }
            return Address(path: path, url: base + (path == "index.html" ? "" : String(path.dropLast("index.html".count))))
        }

        /// The entity's IRI (`OpenData.iri(of:in:)`).
        func iri(of id: String) -> String {
            address(of: id).url ?? urn + id
        }
    }

    /// The address of the page of the entity `id`.
    static func address(of id: String, in site: Site) -> Address {
        Addresses(site: site).address(of: id)
    }

    /// The site's base URL ending in "/", when it is an http(s) URL.
    static func absoluteBase(of site: Site) -> String? {
        let base = site.config.baseURL
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else { return nil }
        return site.config.baseURLWithSlash
    }

    /// A stable identifier (IRI) for the entity `id`: its page's absolute URL when the site has one, else a URN made of
    /// the site's name and the id (`urn:charter:region-sjaelland:integrationsforum`).
    static func iri(of id: String, in site: Site) -> String {
        Addresses(site: site).iri(of: id)
    }
}

extension OpenData {
    /// The files of `site/data/`, paths from the site's root: `model.json` with `model.schema.json`,
    /// `organisation.jsonld`, `popolo.json`, and the CSV tables.
    package static func files(site: Site) -> [RenderedFile] {
        Format.allCases.flatMap { files(site: site, format: $0) }
    }

    /// One format's files, named as in `site/data/`: the JSON model brings its schema, CSV is six tables.
    package static func files(site: Site, format: Format) -> [RenderedFile] {
        func file(_ name: String, _ text: String) -> RenderedFile { RenderedFile(path: "\(folder)/\(name)", text: text) }
        switch format {
        case .json: return [file("model.json", ModelJSON.document(site: site)), file(ModelJSON.schemaFile, ModelJSON.schema)]
        case .jsonld: return [file("organisation.jsonld", OrganizationOntology.document(site: site))]
        case .popolo: return [file("popolo.json", Popolo.document(site: site))]
        case .csv: return CSVTables.tables(site: site).map { file($0.name, $0.text) }
        }
    }
}
