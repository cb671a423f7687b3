/// The files `charter init` writes: a small, complete example site about a made-up organisation ("Example
/// Association" / "Eksempelforeningen"), with one entity of each type that link to each other by id and by Markdown
/// links, a `site.yml` with every setting explained, and a README on what to edit first and how to build.
///
/// Every person and organisation in it is made up. The texts build with no errors and no warnings against the
/// default theme; a test holds that.
package enum SiteSkeleton {
    /// The languages the example site is written in.
    package enum Language: String, CaseIterable, Sendable {
        /// Danish.
        case da
        /// English.
        case en
    }

    /// The files of the example site in `language`, as paths relative to the new site's folder and their text.
    package static func files(language: Language) -> [(path: String, text: String)] {
        switch language {
        case .en: english
        case .da: danish
        }
    }

    // MARK: - English

    private static let english: [(path: String, text: String)] = [
        ("README.md", """
        # Governance of Example Association

        Started with `charter init`. Everything in `content/` is a made-up example: replace it with your own organisation.

        Edit first: `content/site.yml` (title, organisation, description), then the example pages in `content/`
        (one file per body, unit, role, person, project and page; `content/index.md` is the home page).

        Build the site into `site/`:

            charter build --content content --templates templates

        From this folder `charter build` alone does the same. `charter check` checks without writing anything, and
        `charter serve` previews the site at http://127.0.0.1:8000/ while you edit. The theme is in `templates/`.

        """),
        ("content/site.yml", """
        # The settings of this site. Every key is optional: a key left out takes the default named in its comment.
        # Lines starting with # are comments; remove the # in front of a setting to use it.

        # The site's title, shown in the header and in every page title (default: Charter).
        title: "Governance of Example Association"

        # The organisation the site describes, shown above the title and in the footer.
        organisation: "Example Association"

        # One sentence for the home page and <meta name="description">.
        description: "Who decides what in Example Association: its board, roles, people and projects."

        # The language of the pages: da or en (default: da). Sets `lang` and picks the theme's words in templates/i18n/.
        language: en

        # The absolute address the site is published at; enables sitemap.xml (default: none, links stay relative).
        # base_url: "https://governance.example.org/"

        # Pass raw HTML in Markdown through (default: false: raw HTML is left out, with a warning).
        # allow_raw_html: false

        # Links end in the folder (x/) instead of x/index.html (default: false, which also works when opened from disk).
        # clean_urls: true

        # The placeholder of the search field in every page's header (default: the theme's).
        # search_placeholder: "Search, e.g. board"

        # The day the statuses in the content describe; the site then also shows the organisation on every date the
        # content gives (established, ends, from, until), with what changes on each (default: none).
        # as_of: 2026-01-01

        # The address of the site's accessibility statement, linked from every page's footer (default: none).
        # accessibility_statement: "https://governance.example.org/accessibility"

        # The site is a public body's: `charter check --strict` then warns when it has no accessibility statement
        # (default: false).
        # public_sector: true

        # The kinds of bodies and units this organisation has: the key is written in `kind:`, the label is shown. A unit
        # kind with `top: true` is the top of the organisation: once there is one, every other unit needs a `parent`.
        kinds:
          body:
            committee: Committee
            board: Board
            working-group: Working group
          unit:
            organisation: {label: Organisation, top: true}
            department: Department

        # Your own names for the types, singular and plural (default: the theme's, e.g. Body and Bodies).
        # types:
        #   body: {label: Group, plural: Groups}

        """),
        ("content/index.md", """
        ---
        type: page
        title: "Governance of Example Association"
        summary: "Who decides what in Example Association."
        ---
        Example Association is led by its [Board](bodies/board.md), chaired by the [Chair](roles/chair.md).
        Read [how we work](pages/how-we-work.md), or see what the board is doing in the
        [new website](projects/new-website.md) project.

        This text is `content/index.md`: replace it with a word of welcome to your own organisation.

        """),
        ("content/bodies/board.md", """
        ---
        type: body
        title: "Board"
        kind: board
        status: active
        summary: "Leads the association between general assemblies."
        chair: chair
        members:
          - ref: alex-example
            as: "Elected by the general assembly"
        secretariat: example-association
        meets: "Once a month"
        established: 2024-01-01
        terms:
          title: "Terms of reference of the Board"
          status: draft
          version: "0.1"
          purpose: "To lead [Example Association](../units/example-association.md) between general assemblies."
          tasks:
            - "Set the budget of the association and follow it."
            - "Own the [new website](../projects/new-website.md) project."
          period: "Until the next general assembly"
        ---
        The board is elected by the general assembly. Its chair, members and secretariat above come from the fields of
        this file; the terms of reference come from `terms:`.

        ## Meetings

        The board meets once a month. The [Chair](../roles/chair.md) calls the meetings and sends the agenda a week
        before.

        """),
        ("content/units/example-association.md", """
        ---
        type: unit
        title: "Example Association"
        kind: organisation
        status: active
        head: chair
        summary: "A made-up association: replace it with your own organisation."
        ---
        Example Association is a made-up organisation. Its [Board](../bodies/board.md) leads it, and it is the
        secretariat of the board.

        """),
        ("content/roles/chair.md", """
        ---
        type: role
        title: "Chair"
        unit: example-association
        held_by: alex-example
        responsibilities:
          - "Chairs the [Board](../bodies/board.md) and calls its meetings."
          - "Speaks for the association."
        ---
        The chair is elected by the general assembly for two years at a time.

        """),
        ("content/people/alex-example.md", """
        ---
        type: person
        title: "Alex Example"
        roles: [chair]
        summary: "A made-up person: replace with the real people, or leave people out."
        ---
        Alex has chaired the [Board](../bodies/board.md) since 2024.

        """),
        ("content/projects/new-website.md", """
        ---
        type: project
        title: "New website"
        owner: board
        units: [example-association]
        status: planned
        start: 2026-09-01
        in_operation_by: "Spring 2027"
        summary: "A new website for the members."
        goals:
          - "Members find the board's decisions in one place."
          - "The [Board](../bodies/board.md) publishes its minutes within a week."
        ---
        The project is run by the [Chair](../roles/chair.md) on behalf of the board.

        """),
        ("content/pages/how-we-work.md", """
        ---
        type: page
        title: "How we work"
        order: 1
        summary: "How decisions are made in Example Association."
        ---
        ## Decisions

        The general assembly decides the big things; the [Board](../bodies/board.md) decides the rest between
        assemblies, at its [meetings](../bodies/board.md#meetings).

        ## Questions

        Ask the [Chair](../roles/chair.md).

        """),
    ]

    // MARK: - Danish

    private static let danish: [(path: String, text: String)] = [
        ("README.md", """
        # Styring i Eksempelforeningen

        Startet med `charter init`. Alt i `content/` er et opdigtet eksempel: erstat det med jeres egen organisation.

        Ret først: `content/site.yml` (titel, organisation, beskrivelse), dernæst eksemplerne i `content/`
        (én fil pr. organ, enhed, rolle, person, projekt og side; `content/index.md` er forsiden).

        Byg sitet i `site/`:

            charter build --content content --templates templates

        Fra denne mappe gør `charter build` alene det samme. `charter check` tjekker uden at skrive noget, og
        `charter serve` viser sitet på http://127.0.0.1:8000/, mens I retter. Temaet ligger i `templates/`.

        """),
        ("content/site.yml", """
        # Sitets indstillinger. Alle nøgler kan udelades: en udeladt nøgle får standardværdien i dens kommentar.
        # Linjer, der begynder med #, er kommentarer; fjern # foran en indstilling for at bruge den.

        # Sitets titel, vist i sidehovedet og i hver sides titel (standard: Charter).
        title: "Styring i Eksempelforeningen"

        # Organisationen, sitet beskriver, vist over titlen og i sidefoden.
        organisation: "Eksempelforeningen"

        # Én sætning til forsiden og <meta name="description">.
        description: "Hvem beslutter hvad i Eksempelforeningen: bestyrelse, roller, personer og projekter."

        # Sidernes sprog: da eller en (standard: da). Sætter `lang` og vælger temaets ord i templates/i18n/.
        language: da

        # Den absolutte adresse, sitet udgives på; giver sitemap.xml (standard: ingen, links forbliver relative).
        # base_url: "https://styring.example.dk/"

        # Lad rå HTML i Markdown komme igennem (standard: false: rå HTML udelades med en advarsel).
        # allow_raw_html: false

        # Links ender i mappen (x/) i stedet for x/index.html (standard: false, som også virker, når sitet åbnes fra disk).
        # clean_urls: true

        # Pladsholderen i søgefeltet i hver sides hoved (standard: temaets).
        # search_placeholder: "Søg, fx bestyrelse"

        # Den dag, indholdets statusser beskriver; sitet viser så også organisationen på hver dato, indholdet giver
        # (established, ends, from, until), med hvad der ændres den dag (standard: ingen).
        # as_of: 2026-01-01

        # Adressen på sitets tilgængelighedserklæring, som hver sides sidefod linker til (standard: ingen).
        # accessibility_statement: "https://styring.example.dk/tilgaengelighed"

        # Sitet er en offentlig myndigheds: `charter check --strict` advarer så, når det ikke har nogen
        # tilgængelighedserklæring (standard: false).
        # public_sector: true

        # Organisationens slags organer og enheder: nøglen skrives i `kind:`, betegnelsen vises på siderne. En slags enhed
        # med `top: true` er organisationens top: når der er en, skal hver anden enhed have en `parent`.
        kinds:
          body:
            udvalg: Udvalg
            bestyrelse: Bestyrelse
            arbejdsgruppe: Arbejdsgruppe
          unit:
            forening: {label: Forening, top: true}
            afdeling: Afdeling

        # Jeres egne navne for typerne, ental og flertal (standard: temaets, fx Organ og Organer).
        # types:
        #   body: {label: Gruppe, plural: Grupper}

        """),
        ("content/index.md", """
        ---
        type: page
        title: "Styring i Eksempelforeningen"
        summary: "Hvem beslutter hvad i Eksempelforeningen."
        ---
        Eksempelforeningen ledes af sin [bestyrelse](organer/bestyrelse.md) med [formanden](roller/formand.md) i spidsen.
        Læs [sådan arbejder vi](sider/saadan-arbejder-vi.md), eller se, hvad bestyrelsen er i gang med, i projektet
        [Ny hjemmeside](projekter/ny-hjemmeside.md).

        Denne tekst er `content/index.md`: erstat den med en velkomst til jeres egen organisation.

        """),
        ("content/organer/bestyrelse.md", """
        ---
        type: body
        title: "Bestyrelsen"
        kind: bestyrelse
        status: active
        summary: "Leder foreningen mellem generalforsamlingerne."
        chair: formand
        members:
          - ref: eva-eksempel
            as: "Valgt af generalforsamlingen"
        secretariat: eksempelforeningen
        meets: "Én gang om måneden"
        established: 2024-01-01
        terms:
          title: "Kommissorium for bestyrelsen"
          status: draft
          version: "0.1"
          purpose: "At lede [Eksempelforeningen](../enheder/eksempelforeningen.md) mellem generalforsamlingerne."
          tasks:
            - "Fastlægge foreningens budget og følge det."
            - "Eje projektet [Ny hjemmeside](../projekter/ny-hjemmeside.md)."
          period: "Til næste generalforsamling"
        ---
        Bestyrelsen vælges af generalforsamlingen. Formand, medlemmer og sekretariat ovenfor kommer fra felterne i denne
        fil; kommissoriet kommer fra `terms:`.

        ## Møder

        Bestyrelsen mødes én gang om måneden. [Formanden](../roller/formand.md) indkalder og sender dagsordenen en uge
        før.

        """),
        ("content/enheder/eksempelforeningen.md", """
        ---
        type: unit
        title: "Eksempelforeningen"
        kind: forening
        status: active
        head: formand
        summary: "En opdigtet forening: erstat den med jeres egen organisation."
        ---
        Eksempelforeningen er en opdigtet organisation. Dens [bestyrelse](../organer/bestyrelse.md) leder den, og den er
        bestyrelsens sekretariat.

        """),
        ("content/roller/formand.md", """
        ---
        type: role
        title: "Formand"
        unit: eksempelforeningen
        held_by: eva-eksempel
        responsibilities:
          - "Leder [bestyrelsen](../organer/bestyrelse.md) og indkalder til dens møder."
          - "Taler på foreningens vegne."
        ---
        Formanden vælges af generalforsamlingen for to år ad gangen.

        """),
        ("content/personer/eva-eksempel.md", """
        ---
        type: person
        title: "Eva Eksempel"
        roles: [formand]
        summary: "En opdigtet person: erstat med de rigtige personer, eller udelad personer."
        ---
        Eva har været formand for [bestyrelsen](../organer/bestyrelse.md) siden 2024.

        """),
        ("content/projekter/ny-hjemmeside.md", """
        ---
        type: project
        title: "Ny hjemmeside"
        owner: bestyrelse
        units: [eksempelforeningen]
        status: planned
        start: 2026-09-01
        in_operation_by: "Foråret 2027"
        summary: "En ny hjemmeside til medlemmerne."
        goals:
          - "Medlemmerne finder bestyrelsens beslutninger ét sted."
          - "[Bestyrelsen](../organer/bestyrelse.md) offentliggør sine referater inden for en uge."
        ---
        Projektet ledes af [formanden](../roller/formand.md) på bestyrelsens vegne.

        """),
        ("content/sider/saadan-arbejder-vi.md", """
        ---
        type: page
        title: "Sådan arbejder vi"
        order: 1
        summary: "Sådan træffes beslutninger i Eksempelforeningen."
        ---
        ## Beslutninger

        Generalforsamlingen beslutter de store ting; [bestyrelsen](../organer/bestyrelse.md) beslutter resten mellem
        generalforsamlingerne, på sine [møder](../organer/bestyrelse.md#moeder).

        ## Spørgsmål

        Spørg [formanden](../roller/formand.md).

        """),
    ]
}
