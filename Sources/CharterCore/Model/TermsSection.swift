/// The sections of a terms of reference page, in the order they are printed, with their anchors and Danish headings.
public enum TermsSection: String, CaseIterable, Sendable {
    case terms, purpose, tasks, composition, chair, secretariat, meetings, reference, period, approval

    /// The anchor of the section on the body's page (`#opgaver`).
    public var id: String {
        switch self {
        case .terms: "kommissorium"
        case .purpose: "formaal"
        case .tasks: "opgaver"
        case .composition: "sammensaetning"
        case .chair: "moedeleder"
        case .secretariat: "sekretariat"
        case .meetings: "moedefrekvens"
        case .reference: "reference"
        case .period: "varighed"
        case .approval: "godkendelse"
        }
    }

    /// The section's heading.
    public var title: String {
        switch self {
        case .terms: "Kommissorium"
        case .purpose: "Formål"
        case .tasks: "Opgaver"
        case .composition: "Sammensætning"
        case .chair: "Mødeleder"
        case .secretariat: "Sekretariat"
        case .meetings: "Mødefrekvens"
        case .reference: "Reference"
        case .period: "Varighed"
        case .approval: "Godkendelse"
        }
    }
}
