/// The print pages as jobs of a site's plan.
extension PrintRenderer {
    /// The jobs of the print pages `selection` asks for — one per body with terms, then the collection — sharing each
    /// body's document through `documents`.
    package func jobs(selecting selection: PageSelection, documents: PrintDocuments) -> [PageJob] {
        let bodies = self.bodies
        var jobs = bodies.filter { selection.print?.contains($0.id) ?? true }.map { body in
            PageJob(page: Self.path(of: body.id)) { _ in
                [renderPage(of: body, document: documents.document(of: body, printer: self))]
            }
        }
        if selection.printBook, !bodies.isEmpty {
            jobs.append(PageJob(page: routes.bookPath) { _ in
                renderBook(documents: bodies.map { documents.document(of: $0, printer: self) }).map { [$0] } ?? []
            })
        }
        return jobs
    }
}
