/// The translation keys the engine itself uses (the templates use others, as `{{t.key}}`). Every language must have
/// them all; `TranslationLoader` reports the ones a language lacks.
enum Phrase: String, CaseIterable, Sendable {
    // Dates.
    case dateFormat = "date_format"
    case months, weekdays
    case timeFormat = "time_format", weekFormat = "week_format", decimalSeparator = "decimal_separator"
    /// A day a text gives as the latest ("Senest 1. marts 2026"), and the words that make a text's date one.
    case dateDeadline = "date_deadline", deadlineWords = "deadline_words"
    /// A day a text names without saying it is the latest ("i forbindelse med … 1. marts 2026").
    case dateApproximate = "date_approximate"

    // Navigation and page titles.
    case navHome = "nav_home"
    case navAllPages = "nav_all_pages"
    case navOrganisation = "nav_organisation"
    case organisationTitle = "organisation_title", organisationDescription = "organisation_description"
    case organisationChartTitle = "organisation_chart_title"
    case timelineTitle = "timeline_title"
    case timelineDescription = "timeline_description"
    case searchTitle = "search_title"
    case searchDescription = "search_description", searchTotal = "search_total"
    case notFoundTitle = "not_found_title", notFoundText = "not_found_text"
    case builtWith = "built_with"

    // Entity types, singular and plural.
    case typeBody = "type_body", typeBodyPlural = "type_body_plural"
    case typeUnit = "type_unit", typeUnitPlural = "type_unit_plural"
    case typeRole = "type_role", typeRolePlural = "type_role_plural"
    case typePerson = "type_person", typePersonPlural = "type_person_plural"
    case typeProject = "type_project", typeProjectPlural = "type_project_plural"
    case typePage = "type_page", typePagePlural = "type_page_plural"

    // Statuses.
    case statusDraft = "status_draft", statusPlanned = "status_planned", statusActive = "status_active"
    case statusDissolved = "status_dissolved", statusIdea = "status_idea", statusRunning = "status_running"
    case statusDone = "status_done", statusApproved = "status_approved"

    // Facts of an entity page.
    case fieldKind = "field_kind", fieldStatus = "field_status", fieldReportsTo = "field_reports_to"
    case fieldChair = "field_chair", fieldSecretariat = "field_secretariat", fieldMeets = "field_meets"
    case fieldEstablished = "field_established", fieldEnds = "field_ends", fieldReplaces = "field_replaces"
    case fieldReplacedBy = "field_replaced_by", fieldParent = "field_parent", fieldHead = "field_head"
    case fieldSites = "field_sites", fieldUnit = "field_unit", fieldOwner = "field_owner", fieldStart = "field_start"
    case fieldInOperationBy = "field_in_operation_by", fieldUpdated = "field_updated", fieldHeldBy = "field_held_by"
    /// A list page's short date label for `in_operation_by`.
    case listInOperation = "list_in_operation"

    // Seats and backlinks.
    case seatChair = "seat_chair", seatMember = "seat_member", seatMembers = "seat_members"
    case seatRole = "seat_role", seatRoles = "seat_roles", seatAs = "seat_as"
    case viaReportsTo = "via_reports_to", viaChair = "via_chair", viaMembers = "via_members"
    case viaSecretariat = "via_secretariat", viaReplaces = "via_replaces", viaReplacedBy = "via_replaced_by"
    case viaTermsApprovedBy = "via_terms_approved_by", viaParent = "via_parent", viaHead = "via_head"
    case viaUnit = "via_unit", viaHeldBy = "via_held_by", viaRoles = "via_roles", viaOwner = "via_owner"
    case viaUnits = "via_units", viaText = "via_text"

    // Terms of reference.
    case termsTitle = "terms_title", termsPeriodFrom = "terms_period_from", termsPeriodUntil = "terms_period_until"
    case sectionTerms = "section_terms", sectionPurpose = "section_purpose", sectionTasks = "section_tasks"
    case sectionComposition = "section_composition", sectionChair = "section_chair"
    case sectionSecretariat = "section_secretariat", sectionMeetings = "section_meetings"
    case sectionReference = "section_reference", sectionPeriod = "section_period", sectionApproval = "section_approval"
    case bookTitle = "book_title", printPageOf = "print_page_of", printAbout = "print_about"

    // Timeline events.
    case eventEstablished = "event_established", eventTermsApproved = "event_terms_approved", eventEnds = "event_ends"
    case eventStart = "event_start", eventInOperation = "event_in_operation", eventDecision = "event_decision"
    /// A candidate project's (status `idea`) dates: possible, not decided.
    case eventStartCandidate = "event_start_candidate", eventInOperationCandidate = "event_in_operation_candidate"

    // Charts.
    case legendReports = "legend_reports", legendSecretariat = "legend_secretariat", legendReplaced = "legend_replaced"
    case chartTitle = "chart_title", chartSameAsList = "chart_same_as_list"
    case chartRelationChair = "chart_relation_chair", chartRelationSecretariat = "chart_relation_secretariat"
    case chartRelationReportsHere = "chart_relation_reports_here", chartRelationReportsTo = "chart_relation_reports_to"
    case chartRelationReplaces = "chart_relation_replaces", chartRelationReplacedBy = "chart_relation_replaced_by"
    case chartRelationHead = "chart_relation_head", chartRelationChildUnit = "chart_relation_child_unit"
    case chartRelationSecretariatFor = "chart_relation_secretariat_for", chartRelationParent = "chart_relation_parent"
    case chartBodyReportsTo = "chart_body_reports_to", chartBodyReportsToNone = "chart_body_reports_to_none"
    case chartChairIs = "chart_chair_is", chartMemberCount = "chart_member_count", chartSecretariatIs = "chart_secretariat_is"
    case chartBodiesReportHere = "chart_bodies_report_here"
    case chartUnitUnder = "chart_unit_under", chartUnitUnderNone = "chart_unit_under_none", chartUnitHead = "chart_unit_head"
    case chartChildUnitCount = "chart_child_unit_count", chartSecretariatForCount = "chart_secretariat_for_count"
    case chartOrganisationScope = "chart_organisation_scope", chartOrganisationCounts = "chart_organisation_counts"
    case chartOrganisationLines = "chart_organisation_lines", chartOtherBodies = "chart_other_bodies", chartSkipped = "chart_skipped"
    case countUnits = "count_units", countBodies = "count_bodies"

    // The organisation through time (`Chronology`) and the calendar.
    case asOfTitle = "as_of_title", asOfTitleDeadline = "as_of_title_deadline", asOfTitleApproximate = "as_of_title_approximate", asOfLaterTitle = "as_of_later_title", asOfLaterEvents = "as_of_later_events"
    case asOfSwitcher = "as_of_switcher", asOfNow = "as_of_now", asOfToday = "as_of_today", asOfLater = "as_of_later"
    case asOfDescription = "as_of_description", asOfChanges = "as_of_changes", asOfNoChanges = "as_of_no_changes", asOfStart = "as_of_start"
    case changeBegins = "change_begins", changeEnds = "change_ends", changeReplaced = "change_replaced", changeMoves = "change_moves"
    case changeMovesNone = "change_moves_none", changeHolder = "change_holder", changeHolderNone = "change_holder_none"
    case changeJoins = "change_joins", changeLeaves = "change_leaves", changePhase = "change_phase"
    case historyHeading = "history_heading", historyFrom = "history_from", historyUntil = "history_until", historyFromUntil = "history_from_until"
    case historySeeAsOf = "history_see_as_of"
    case calendarName = "calendar_name", calendarLink = "calendar_link", agendaHeading = "agenda_heading", agendaFrom = "agenda_from"
    case decisionsHeading = "decisions_heading"
    case eventJoins = "event_joins", eventLeaves = "event_leaves", eventAgenda = "event_agenda"

    // The folders of the site's own pages (`SitePaths`).
    case pathBody = "path_body", pathUnit = "path_unit", pathRole = "path_role", pathPerson = "path_person"
    case pathProject = "path_project", pathPage = "path_page", pathTimeline = "path_timeline", pathSearch = "path_search"
    case pathBook = "path_book", pathLater = "path_later", pathCalendar = "path_calendar"
}
