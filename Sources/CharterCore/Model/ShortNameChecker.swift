import Foundation

/// Warns about short names (`short:`) that do not help a reader: one the title already holds ("Forum" for "Forum for
/// ældre"), and one that several entities share (a reader cannot tell them apart by it). Warnings, not errors: the
/// site still builds.
enum ShortNameChecker {
    /// Adds a warning at each `short:` that repeats its entity's title or is shared with other entities.
    static func check(_ entities: [Entity], _ diagnostics: inout Diagnostics) {
        var owners: [String: [Entity]] = [:]
        for entity in entities {
            guard let short = entity.short?.trimmingCharacters(in: .whitespaces), !short.isEmpty else { continue }
            let location = entity.shortLocation ?? entity.location
            if repeats(short, title: entity.title) {
                diagnostics.warning("short name '\(short)' repeats the title '\(entity.title)'; leave 'short' out or give an abbreviation "
                                    + "the title does not already show", at: location)
            }
            owners[short.lowercased(), default: []].append(entity)
        }
        for entity in entities {
            guard let short = entity.short?.trimmingCharacters(in: .whitespaces), !short.isEmpty,
                  let sharing = owners[short.lowercased()], sharing.count > 1 else { continue }
            let others = sharing.filter { $0.id != entity.id }.map { "'\($0.id)'" }.joined(separator: ", ")
            diagnostics.warning("short name '\(short)' is also the short name of \(others); give each a short name of its own",
                                at: entity.shortLocation ?? entity.location)
        }
    }

    /// Whether `title` equals `short` (ignoring case) or holds it as a whole word or words ("Forum" in "Forum for ældre",
    /// not "SR" in "Sundhedsrådet").
    static func repeats(_ short: String, title: String) -> Bool {
        if short.lowercased() == title.trimmingCharacters(in: .whitespaces).lowercased() { return true }
        var rest = title[...]
        while let found = rest.range(of: short) {
            let before = found.lowerBound == title.startIndex ? nil : title[title.index(before: found.lowerBound)]
            let after = found.upperBound == title.endIndex ? nil : title[found.upperBound]
            if !(before?.isLetter ?? false || before?.isNumber ?? false), !(after?.isLetter ?? false || after?.isNumber ?? false) { return true }
            rest = title[found.upperBound...]
        }
        return false
    }
}
