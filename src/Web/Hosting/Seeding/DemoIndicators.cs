using Governance.Domain.Indicators;

namespace Governance.Web.Hosting.Seeding;

/// <summary>A catalogue entry of the demo, by team name; see the monitor sociaal domein 2021 and the motion texts.</summary>
internal sealed record DemoIndicator(
    string Code,
    string Name,
    string Definition,
    IndicatorKind Kind,
    string Team,
    string Source,
    string? Unit = null,
    int Decimals = 0,
    GoodDirection Direction = GoodDirection.Neutral,
    Baseline? Baseline = null,
    Target? Target = null,
    string[]? Categories = null,
    BreakdownNature Nature = BreakdownNature.Separate,
    bool InMillions = false,
    string? Formula = null,
    string? Benchmark = null,
    string? Caveat = null);

internal static class DemoIndicators
{
    public const string Research = "Onderzoek en Statistiek";
    public const string Wmo = "Beleid Wmo";
    public const string Youth = "Beleid Jeugd";
    public const string Work = "Werk en Inkomen";
    public const string Poverty = "Armoede en Schuldhulpverlening";
    public const string Purchasing = "Inkoop Sociaal Domein";
    public const string Finance = "Financiën Sociaal Domein";

    /// <summary>Who the letters on each team's figures name under "behandeld door", with the team's telephone and e-mail.</summary>
    public static IReadOnlyList<(string Team, string HandledBy, string Phone, string Email)> TeamLetterContacts { get; } =
    [
        (Research, "S. Peeters", "043 350 41 00", "onderzoek@maastricht.demo"),
        (Wmo, "L. Dassen", "043 350 42 00", "wmo@maastricht.demo"),
        (Youth, "R. Meijers", "043 350 43 00", "jeugd@maastricht.demo"),
        (Work, "K. Lemmens", "043 350 44 00", "werkeninkomen@maastricht.demo"),
        (Poverty, "D. Frissen", "043 350 45 00", "armoede@maastricht.demo"),
        (Purchasing, "J. Cremers", "043 350 46 00", "inkoop@maastricht.demo"),
        (Finance, "P. Wolfs", "043 350 47 00", "financien@maastricht.demo"),
    ];

    private const string Monitor = "Monitor Sociaal Domein (eigen registratie)";
    private const string Cbs = "CBS";

    /// <summary>Motion "Vinger aan de pols", WMO &amp; Jeugd, items a-l.</summary>
    public static DemoIndicator[] WmoAndYouthItems { get; } =
    [
        new("VADP-WJ-A", "Kwaliteit: zijn mensen geholpen?", "Gegevens over de kwaliteit, op basis van tevredenheids- en ervaringsonderzoeken bij afnemers en aanbieders.", IndicatorKind.Narrative, Research, "Cliëntervaringsonderzoek Wmo en Jeugd"),
        new("VADP-WJ-B", "Nakomen van afspraken met aanbieders", "In hoeverre de initiële afspraken met aanbieders zijn nagekomen.", IndicatorKind.Narrative, Purchasing, "Contractmanagement"),
        new("VADP-WJ-C", "Inkoopmodel en ruimte voor kleine aanbieders", "In hoeverre het inkoopmodel voldoet aan de verwachtingen, in het bijzonder de ruimte voor kleine (lokale) aanbieders.", IndicatorKind.Narrative, Purchasing, "Contractmanagement"),
        new("VADP-WJ-D", "Integrale aanpak", "Is er steeds één casusregisseur, is iedereen binnen de tijdsnormen op de juiste plek beland, en wat was de gemiddelde tijdsduur?", IndicatorKind.Narrative, Wmo, Monitor),
        new("VADP-WJ-E", "Gebruik van het pgb (nieuwe stijl)", "Aantal cliënten Wmo en Jeugd met een persoonsgebonden budget op de peildatum.", IndicatorKind.Count, Research, Monitor, "cliënten"),
        new("VADP-WJ-F", "Instroom, uitstroom en doorstroom", "Aantal cliënten dat in de periode instroomt, uitstroomt en doorstroomt naar een andere voorziening.", IndicatorKind.Breakdown, Research, Monitor, "cliënten", Categories: ["Instroom", "Uitstroom", "Doorstroom"]),
        new("VADP-WJ-G", "Beroep op maatwerkvoorzieningen", "Aantal inwoners met een of meer maatwerkvoorzieningen Wmo.", IndicatorKind.Count, Research, Monitor, "inwoners", Direction: GoodDirection.Down),
        new("VADP-WJ-H", "Budget per voorziening", "Begroot, gerealiseerd tot en met de periode en de verwachte uitputting van het budget, met bijzondere tegen- en meevallers in de toelichting.", IndicatorKind.Breakdown, Finance, "Financiële administratie", "EUR", Categories: ["Begroot", "Gerealiseerd", "Verwachte uitputting"], Nature: BreakdownNature.Budget),
        new("VADP-WJ-I", "Inzet van mantelzorgwaardering", "Informatie over de inzet van de mantelzorgwaardering.", IndicatorKind.Narrative, Wmo, Monitor),
        new("VADP-WJ-J", "Sociale wijkteams", "Inzicht in inrichting, samenstelling en functionaliteit van de sociale wijkteams.", IndicatorKind.Narrative, Wmo, Monitor),
        new("VADP-WJ-K", "Klachten, beroep en ombudsfunctie", "Informatie over meldingen van klachten, bezwaar en beroep en de bevindingen van de ombudsfunctie.", IndicatorKind.Narrative, Wmo, "Klachtenregistratie"),
        new("VADP-WJ-L", "Innovatie", "Gegevens over innovatie: budget en bereik of effect van de doelen.", IndicatorKind.Narrative, Wmo, Monitor),
    ];

    /// <summary>Motion "Vinger aan de pols", Participatiewet, items a-g.</summary>
    public static DemoIndicator[] ParticipationItems { get; } =
    [
        new("VADP-PW-A", "Instroom, uitstroom en doorstroom per doelgroep", "Aantal personen dat in de periode in-, uit- of doorstroomt, per doelgroep (een persoon telt in één doelgroep).", IndicatorKind.Breakdown, Work, Monitor, "personen", Nature: BreakdownNature.Parts, Categories: ["Bijstandsgerechtigden", "Jongeren", "Mensen met een beperking", "Beschut werk", "Niet-uitkeringsgerechtigden"]),
        new("VADP-PW-B", "Participatie per doelgroep", "Mate van participatie per doelgroep en categorie verdiencapaciteit.", IndicatorKind.Narrative, Work, Monitor),
        new("VADP-PW-C", "Realisatie per verdiencapaciteit", "Realisatiegegevens van de doelgroepen: aantallen per verdiencapaciteit.", IndicatorKind.Narrative, Work, Monitor),
        new("VADP-PW-D", "Werkgevers en de banenafspraak", "In hoeverre werkgevers banen openstellen voor mensen met een afstand tot de arbeidsmarkt.", IndicatorKind.Narrative, Work, "UWV en eigen registratie"),
        new("VADP-PW-E", "Samenwerking met sociale partners", "De samenwerking met sociale partners en de effecten op de categorieën verdiencapaciteit (kwalitatief en budgettair).", IndicatorKind.Narrative, Work, Monitor),
        new("VADP-PW-F", "Afstemming onderwijs, arbeidsmarkt en economie", "De effectiviteit van de afstemming tussen onderwijs, arbeidsmarkt en economische zaken.", IndicatorKind.Narrative, Work, Monitor),
        new("VADP-PW-G", "Participatiebudget", "Begroot, gerealiseerd tot en met de periode en de verwachte uitputting van het participatiebudget.", IndicatorKind.Breakdown, Finance, "Financiële administratie", "EUR",
            Categories: ["Begroot", "Gerealiseerd", "Verwachte uitputting"], Nature: BreakdownNature.Budget),
    ];

    public static DemoIndicator[] Poverty2030 { get; } =
    [
        new("ARM-KP-NIETGEBRUIK", "Niet-gebruik van regelingen (Kindpakket)", "Aandeel van de kinderen dat recht heeft op het Kindpakket maar er geen gebruik van maakt.", IndicatorKind.Percentage, Poverty, "Eigen registratie en CBS", "%", 1, GoodDirection.Down),
        new("ARM-KINDEREN", "Kinderen in armoede", "Aandeel van de minderjarige kinderen dat opgroeit in een huishouden met een laag inkomen (landelijke richtlijn: van 9,2 % naar 4,6 % in 2030).", IndicatorKind.Percentage, Poverty, Cbs, "%", 1, GoodDirection.Down,
            new Baseline(9.2m, new DateOnly(2021, 7, 13)), new Target(4.6m, 2030)),
    ];

    public static DemoIndicator[] WmoThroughput { get; } =
    [
        new("WMO-AANVRAGEN", "Afgehandelde aanvragen Wmo", "Aantal aanvragen Wmo afgehandeld van melding tot beschikking in het kalenderjaar.", IndicatorKind.Count, Research, Monitor, "aanvragen"),
        new("WMO-BINNEN-8-WEKEN", "Aanvragen binnen 8 weken afgehandeld", "Aantal aanvragen Wmo afgehandeld binnen de wettelijke termijn van 8 weken van melding tot beschikking.", IndicatorKind.Count, Research, Monitor, "aanvragen", Direction: GoodDirection.Up),
        new("WMO-TIJDIG", "Aandeel tijdig afgehandeld", "Aandeel van de afgehandelde aanvragen Wmo dat binnen 8 weken is afgehandeld.", IndicatorKind.Percentage, Research, Monitor, "%", 1, GoodDirection.Up,
            Formula: "[WMO-BINNEN-8-WEKEN] / [WMO-AANVRAGEN] * 100"),
    ];

    public static DemoIndicator[] YouthWaitingLists { get; } =
    [
        new("JH-WACHTTIJDEN", "Wachttijden jeugdhulp", "Beeld van de wachttijden tussen toewijzing en start van de jeugdhulp, uit de regionale uitvraag bij aanbieders (twee keer per jaar).", IndicatorKind.Narrative, Research, "Regionale uitvraag aanbieders Zuid-Limburg"),
    ];

    /// <summary>National figures the monitor sets beside Maastricht's; asked for with the indicator they are set beside.</summary>
    public static DemoIndicator[] Benchmarks { get; } =
    [
        new("JH-AANDEEL-NL", "Aandeel jeugdigen met jeugdhulp in Nederland", "Aandeel van alle jeugdigen van 0 tot en met 17 jaar in Nederland met een of meer voorzieningen in het kader van de Jeugdwet.", IndicatorKind.Percentage, Research, Cbs, "%", 1),
    ];

    /// <summary>The key figures of the social-domain factsheets (commitment of 5 March 2024).</summary>
    public static DemoIndicator[] SocialDomainFacts { get; } =
    [
        new("SD-INWONERS", "Inwoners met ondersteuning sociaal domein", "Aantal inwoners met een of meer individuele voorzieningen in het sociaal domein.", IndicatorKind.Count, Research, Monitor, "inwoners"),
        new("SD-INWONERS-PCT", "Aandeel inwoners met ondersteuning", "Aandeel van alle inwoners met een of meer individuele voorzieningen in het sociaal domein.", IndicatorKind.Percentage, Research, Monitor, "%", 1),
        new("SD-HUISHOUDENS", "Huishoudens met ondersteuning", "Aantal huishoudens met een of meer individuele voorzieningen in het sociaal domein.", IndicatorKind.Count, Research, Monitor, "huishoudens"),
        new("WMO-CLIENTEN", "Inwoners met Wmo-ondersteuning", "Aantal inwoners met ondersteuning in het kader van de Wmo.", IndicatorKind.Count, Research, Monitor, "inwoners"),
        new("JH-JONGEREN", "Jongeren met jeugdhulp", "Aantal jeugdigen met een of meer voorzieningen in het kader van de Jeugdwet.", IndicatorKind.Count, Research, Monitor, "jongeren"),
        new("JH-AANDEEL", "Aandeel jeugdigen met jeugdhulp", "Aandeel van de jeugdigen van 0 tot en met 17 jaar in Maastricht met een of meer voorzieningen in het kader van de Jeugdwet.", IndicatorKind.Percentage, Research, Monitor, "%", 1,
            Benchmark: "JH-AANDEEL-NL",
            Caveat: "Doordat de inrichting van jeugdhulp en de registratie ervan per gemeente verschillen, zijn de Maastrichtse cijfers en het landelijke cijfer niet zonder meer met elkaar te vergelijken."),
        new("PW-INWONERS", "Inwoners met Participatiewet of schuldhulp", "Aantal inwoners met een of meer voorzieningen uit de Participatiewet of schuldhulpverlening.", IndicatorKind.Count, Research, Monitor, "inwoners"),
        new("PW-BIJSTAND", "Bijstandsuitkeringen per maand", "Gemiddeld aantal bijstandsuitkeringen per maand.", IndicatorKind.Count, Work, Monitor, "uitkeringen", Direction: GoodDirection.Down),
        new("SD-BUDGET", "Budget sociaal domein", "Totale begroting van het sociaal domein over het jaar (Jeugd, Wmo, Participatiewet en Onderwijs), zoals die op het moment van rapporteren geldt.", IndicatorKind.Amount, Finance, "Jaarrekening", "EUR", InMillions: true),
        new("SD-RESULTAAT", "Resultaat sociaal domein", "Resultaat ten opzichte van de begroting van het sociaal domein; positief is een overschot. In de loop van het jaar de prognose uit de bestuursrapportage.", IndicatorKind.Amount, Finance, "Jaarrekening", "EUR", InMillions: true),
        new("SCHULD-HUISHOUDENS", "Huishoudens met problematische schulden", "Aandeel van de huishoudens met geregistreerde problematische schulden.", IndicatorKind.Percentage, Poverty, Cbs, "%", 1, GoodDirection.Down),
    ];
}
