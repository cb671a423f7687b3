import CharterTemplates

/// Each body's terms of reference as the print pages show them (`PrintRenderer.document(_:)`), made once, by the first
/// job that needs it: a body's print page and the collection of all terms share it, whichever runs first.
///
/// ```swift
/// let documents = PrintDocuments(bodies: printer.bodies, reusing: last?.printDocuments.made ?? [:])
/// let document = documents.document(of: body, printer: printer)
/// ```
package final class PrintDocuments: Sendable {
    /// One cell per body with terms, by id; a cell is filled while its lock is held, so a body's document is made once
    /// even when its page and the collection ask for it at the same time.
    private let cells: [String: Locked<TemplateValue?>]

    /// Cells for `bodies`, filled with the documents in `reused` (from an earlier build whose terms did not change).
    package init(bodies: [Entity], reusing reused: [String: TemplateValue] = [:]) {
        cells = Dictionary(bodies.map { ($0.id, Locked(reused[$0.id])) }, uniquingKeysWith: { first, _ in first })
    }

    /// The document of `body`, made now by `printer` unless a job already made it.
    package func document(of body: Entity, printer: PrintRenderer) -> TemplateValue {
        guard let cell = cells[body.id] else { return printer.document(body) }
        return cell.withLock { stored in
            if let stored { return stored }
            let made = printer.document(body)
            stored = made
            return made
        }
    }

    /// The documents made so far, by id.
    package var made: [String: TemplateValue] {
        cells.compactMapValues { $0.value }
    }
}
