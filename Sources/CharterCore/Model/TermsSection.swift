/// The sections of a terms of reference page, in the order they are printed, with their anchors and translated headings.
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

    /// The section's heading in the site's language.
    package func title(in translation: Translation) -> String {
        translation[phrase]
    }

    var phrase: Phrase {
        switch self {
        case .terms: .sectionTerms
        case .purpose: .sectionPurpose
        case .tasks: .sectionTasks
        case .composition: .sectionComposition
        case .chair: .sectionChair
        case .secretariat: .sectionSecretariat
        case .meetings: .sectionMeetings
        case .reference: .sectionReference
        case .period: .sectionPeriod
        case .approval: .sectionApproval
        }
    }
}
