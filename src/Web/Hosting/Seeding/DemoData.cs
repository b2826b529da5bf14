using Governance.Domain.Commitments;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.Obligations;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// The demo: the municipalities of Maastricht-Heuvelland, Maastricht's aldermen and teams, the
/// obligations and indicators of the source documents, and the 2020 and 2021 figures of the
/// monitor sociaal domein as history. Written once, into an empty database.
/// </summary>
internal sealed class DemoData(GovernanceDbContext db, TimeProvider time, WorkingDayCalendar workingDays, DeadlineRules rules)
{
    private const string Importer = "Demo-import (monitor sociaal domein 2021)";

    private readonly Dictionary<string, Team> _teams = [];
    private readonly Dictionary<string, Alderman> _aldermen = [];
    private readonly Dictionary<string, Indicator> _indicators = [];
    private DateTime _now;

    /// <summary>
    /// The demo's recurring obligations report from the start of the quarter two quarters back, so the
    /// demo shows a few open (and some overdue) cycles whatever the day; earlier periods are history.
    /// </summary>
    private DateOnly ReportingFrom
    {
        get
        {
            var today = MunicipalTime.Today(time);
            return new DateOnly(today.Year, (((today.Month - 1) / 3) * 3) + 1, 1).AddMonths(-6);
        }
    }

    public static IReadOnlyList<(string Name, string Code)> Municipalities { get; } =
    [
        ("Maastricht", "GM0935"), ("Eijsden-Margraten", "GM1903"), ("Gulpen-Wittem", "GM1729"),
        ("Meerssen", "GM0938"), ("Vaals", "GM0981"), ("Valkenburg aan de Geul", "GM0994"),
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Municipalities.AnyAsync(cancellationToken))
        {
            return false;
        }

        _now = time.GetUtcNow().UtcDateTime;
        var municipalities = Municipalities.Select(m => new Municipality(m.Name, m.Code)).ToDictionary(m => m.Name);
        db.Municipalities.AddRange(municipalities.Values);
        var maastricht = municipalities["Maastricht"].Id;

        foreach (var name in DemoIndicators.Teams)
        {
            _teams[name] = new Team(maastricht, name);
        }

        _aldermen["Jeroen Hoenderkamp"] = new Alderman(maastricht, "Jeroen Hoenderkamp", "Wethouder WMO, Welzijn, Sociale Zaken en Gezondheid");
        _aldermen["Johan Pas"] = new Alderman(maastricht, "Johan Pas", "Wethouder Wonen, Onderwijs, Arbeidsmarkt, Studentenstad en Welstand");
        _aldermen["Hubert Mackus"] = new Alderman(maastricht, "Hubert Mackus", "Wethouder Economie, Sport, Jeugdzorg, Water, Natuur en Landschap");
        db.Teams.AddRange(_teams.Values);
        db.Aldermen.AddRange(_aldermen.Values);
        db.PolicyAreas.AddRange(Areas.All.Select(a => new PolicyArea(maastricht, a)));

        var calendar = PlanningYears(maastricht);
        db.PlanningYears.AddRange(calendar);
        var schedule = new ReportingSchedule(new PlanningCalendar(calendar), workingDays, rules);

        foreach (var spec in DemoIndicators.WmoAndYouthItems.Concat(DemoIndicators.ParticipationItems).Concat(DemoIndicators.Poverty2030)
                     .Concat(DemoIndicators.WmoThroughput).Concat(DemoIndicators.YouthWaitingLists).Concat(DemoIndicators.SocialDomainFacts))
        {
            _indicators[spec.Code] = Define(maastricht, spec, _teams[spec.Team].Id);
        }

        _indicators["JH-BESCHIKBAARHEIDSWIJZER"] = Define(maastricht, new DemoIndicator("JH-BESCHIKBAARHEIDSWIJZER", "Aansluiting bij de Beschikbaarheidswijzer",
            "Stand van zaken van de aansluiting van de regio Zuid-Limburg bij de Beschikbaarheidswijzer voor actuele wachttijden jeugdhulp.",
            IndicatorKind.Narrative, DemoIndicators.Purchasing, "Inkoop Sociaal Domein"), _teams[DemoIndicators.Purchasing].Id);
        db.Indicators.AddRange(_indicators.Values);

        var obligations = MaastrichtObligations(maastricht);
        db.Obligations.AddRange(obligations.Values);
        db.ReportingCycles.AddRange(History(obligations, schedule));
        AddVaals(municipalities["Vaals"].Id);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Indicator Define(MunicipalityId municipality, DemoIndicator spec, TeamId team) =>
        new(municipality, spec.Code, new IndicatorSpecification
        {
            Name = spec.Name,
            Definition = spec.Definition,
            Kind = spec.Kind,
            Unit = spec.Unit,
            Decimals = spec.Decimals,
            Source = spec.Source,
            ResponsibleTeamId = team,
            GoodDirection = spec.Direction,
            Baseline = spec.Baseline,
            Target = spec.Target,
            Categories = spec.Categories ?? [],
        }, _now);

    private static List<PlanningYear> PlanningYears(MunicipalityId municipality)
    {
        var years = new List<PlanningYear>();
        for (var year = 2019; year <= 2031; year++)
        {
            var planning = new PlanningYear(municipality, year);
            planning.SetFirstManagementReport(SecondTuesday(year, 9));
            planning.SetAnnualAccounts(SecondTuesday(year + 1, 6));
            planning.SetSpringMemorandum(SecondTuesday(year, 7));
            planning.SetBudget(SecondTuesday(year, 11));
            planning.SetCouncilMeetings(Enumerable.Range(1, 12).Where(m => m != 8).Select(m => SecondTuesday(year, m)));
            years.Add(planning);
        }

        return years;
    }

    private static DateOnly SecondTuesday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7);
    }

    /// <summary>Demo obligations are registered on the day they were adopted, at noon Dutch time.</summary>
    private static DateTime At(DateOnly date) => MunicipalTime.ToUtc(date, new TimeOnly(12, 0));

    private static Motion NewMotion(MunicipalityId municipality, ObligationDetails details) =>
        new(municipality, details, At(details.AdoptedOn), Importer);

    private static Commitment NewCommitment(MunicipalityId municipality, ObligationDetails details) =>
        new(municipality, details, At(details.AdoptedOn), Importer);

    private Dictionary<string, Obligation> MaastrichtObligations(MunicipalityId maastricht)
    {
        var all = new Dictionary<string, Obligation>
        {
            ["vadp"] = NewMotion(maastricht, Details(
                "M-2014-083", "Vinger aan de pols",
                "Verzoekt het college de raad vier maal per jaar een monitoringsrapportage te sturen over de kaders Wmo & Jeugdzorg en de Participatiewet, zoveel mogelijk geput uit de bestaande ambtelijke monitor sociaal beleid, met ten minste de informatie-items a tot en met l (Wmo & Jeugd) en a tot en met g (Participatiewet); bij nieuwe indicatoren wordt een nulmeting gemaakt en in de overgangsfase over de was/wordt-situatie gerapporteerd. Deze monitoringinformatie komt beschikbaar voor de raden van alle samenwerkende gemeenten.",
                new DateOnly(2014, 11, 11), "Gemeenteraad", ["Jeroen Hoenderkamp", "Hubert Mackus", "Johan Pas"], Areas.SocialDomain, Cadence.Quarterly,
                [.. DemoIndicators.WmoAndYouthItems.Select((i, n) => (i.Code, $"{(char)('a' + n)}")), .. DemoIndicators.ParticipationItems.Select((i, n) => (i.Code, $"P-{(char)('a' + n)}"))],
                parties: ["Raadsbreed"])),
            ["armoede"] = NewMotion(maastricht, Details(
                "M-2021-047", "Halveren aantal kinderen in armoede 2030",
                "Verzoekt het college het aantal kinderen dat in armoede opgroeit in 2030 te halveren, en de raad hierover halfjaarlijks te informeren in de monitor sociaal domein met ten minste het niet-gebruik van regelingen (Kindpakket) en de reductie van het aantal kinderen in armoede volgens de landelijke richtlijn (van 9,2 % naar 4,6 % in 2030).",
                new DateOnly(2021, 7, 13), "Gemeenteraad", ["Jeroen Hoenderkamp"], Areas.PovertyAndDebt, Cadence.HalfYearly,
                [("ARM-KP-NIETGEBRUIK", "1"), ("ARM-KINDEREN", "2")], end: new DateOnly(2030, 12, 31), parties: ["PvdA"])),
            ["doorlooptijden"] = NewMotion(maastricht, Details(
                "M-2018-112", "Doorlooptijden Wmo",
                "Verzoekt het college jaarlijks te rapporteren in hoeveel gevallen, in aantal en procentueel, de wettelijke termijn van 8 weken van melding tot beschikking is overschreden.",
                new DateOnly(2018, 11, 13), "Gemeenteraad", ["Jeroen Hoenderkamp"], Areas.Wmo, Cadence.Yearly,
                [("WMO-AANVRAGEN", null), ("WMO-BINNEN-8-WEKEN", null), ("WMO-TIJDIG", null)], parties: ["Raadsbreed"])),
            ["wachtlijsten"] = NewMotion(maastricht, Details(
                "M-2019-026", "Wachtlijsten Jeugdhulp",
                "Verzoekt het college de raad halfjaarlijks te informeren over de wachtlijsten en wachttijden tussen de toewijzing van jeugdhulp en de daadwerkelijke start van de hulp.",
                new DateOnly(2019, 3, 12), "Gemeenteraad", ["Hubert Mackus"], Areas.Youth, Cadence.HalfYearly,
                [("JH-WACHTTIJDEN", null)], parties: ["Raadsbreed"])),
            ["dashboards"] = NewCommitment(maastricht, Details(
                "T-2024-031", "Periodiek inzicht in de dashboards sociaal domein",
                "De wethouder zegt toe te onderzoeken op welke wijze de raad periodiek inzicht kan krijgen in de gegevens uit de dashboards sociaal domein. Voorstel: tweemaal per jaar factsheets, passend binnen de P&C-cyclus: bij de 1e berap (cijfers over het eerste half jaar) en bij de jaarrekening.",
                new DateOnly(2024, 3, 5), "Domeinvergadering Sociaal", ["Jeroen Hoenderkamp", "Johan Pas", "Hubert Mackus"], Areas.SocialDomain, Cadence.HalfYearly,
                [.. DemoIndicators.SocialDomainFacts.Select(i => (i.Code, (string?)null))])),
            ["beschikbaarheidswijzer"] = NewCommitment(maastricht, Details(
                "T-2025-118", "Informeren over de Beschikbaarheidswijzer jeugdhulp",
                "De wethouder zegt toe de raad te informeren zodra de regio Zuid-Limburg is aangesloten bij de Beschikbaarheidswijzer, waarmee verwijzers op één plek de actuele wachttijden van aanbieders kunnen zien.",
                new DateOnly(2025, 10, 7), "Domeinvergadering Sociaal", ["Hubert Mackus"], Areas.Youth, Cadence.Once,
                [("JH-BESCHIKBAARHEIDSWIJZER", null)], due: new DateOnly(2026, 12, 15))),
        };

        var today = MunicipalTime.Today(time);
        foreach (var key in new[] { "vadp", "armoede", "doorlooptijden", "wachtlijsten", "dashboards" })
        {
            new ObligationWorkflow(all[key], today, At(all[key].AdoptedOn).AddDays(1), Importer).Fire(ObligationWorkflow.Trigger.StartReporting);
        }

        return all;
    }

    private ObligationDetails Details(
        string reference, string title, string text, DateOnly adopted, string body, string[] aldermen, string area, Cadence cadence,
        (string Code, string? Label)[] indicators, DateOnly? end = null, DateOnly? due = null, string[]? parties = null) => new()
        {
            Reference = reference,
            Title = title,
            Text = text,
            AdoptedOn = adopted,
            Meeting = new Meeting(body, adopted),
            ResponsibleAldermen = [.. aldermen.Select(a => _aldermen[a].Id)],
            PolicyArea = area,
            Cadence = cadence,
            EndDate = end,
            DueDate = due,
            RequiredIndicators = [.. indicators.Select((i, n) => new RequiredIndicator(_indicators[i.Code].Id, n + 1, i.Label))],
            SubmittingParties = parties ?? [],
            ReportingFrom = cadence == Cadence.Once ? null : ReportingFrom,
        };

    private IEnumerable<ReportingCycle> History(Dictionary<string, Obligation> obligations, ReportingSchedule schedule)
    {
        const string NotInMonitor = "Niet afzonderlijk opgenomen in de monitor sociaal domein over 2021.";
        yield return Imported(obligations["doorlooptijden"], ReportingPeriod.FullYear(2020), schedule,
        [
            ("WMO-AANVRAGEN", IndicatorValue.NotAvailable(NotInMonitor)),
            ("WMO-BINNEN-8-WEKEN", IndicatorValue.NotAvailable(NotInMonitor)),
            ("WMO-TIJDIG", IndicatorValue.OfNumber(92.9m)),
        ]);
        yield return Imported(obligations["doorlooptijden"], ReportingPeriod.FullYear(2021), schedule,
        [
            ("WMO-AANVRAGEN", IndicatorValue.OfNumber(2834)),
            ("WMO-BINNEN-8-WEKEN", IndicatorValue.OfNumber(2660)),
            ("WMO-TIJDIG", IndicatorValue.OfNumber(93.9m)),
        ]);
        yield return Imported(obligations["armoede"], ReportingPeriod.FullYear(2021), schedule,
        [
            ("ARM-KP-NIETGEBRUIK", IndicatorValue.NotAvailable("Op dit moment zijn er nog geen cijfers beschikbaar op basis waarvan kan worden aangegeven hoe groot het niet-gebruik van de regelingen is.")),
            ("ARM-KINDEREN", IndicatorValue.NotAvailable("Het CBS-cijfer over 2021 is nog niet gepubliceerd; de nulmeting is 9,2 %.")),
        ]);
        yield return Imported(obligations["wachtlijsten"], ReportingPeriod.FullYear(2021), schedule,
        [
            ("JH-WACHTTIJDEN", IndicatorValue.OfText("De regionale uitvraag met peildatum 1 oktober 2021 geeft een beeld van de wachttijden maar geen volledig beeld: het is een standopname, jongeren staan soms op meerdere plekken aangemeld en niet elke wachttijd is schadelijk (wenswachtenden). De wachttijden voor GGZ-behandeling zijn langer dan de normen. In de DVO met aanbieders zijn afspraken gemaakt over maximale wachttijden en het melden van een opnamestop.")),
        ]);
        yield return Imported(obligations["dashboards"], ReportingPeriod.FullYear(2020), schedule,
        [
            ("SD-INWONERS", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-INWONERS-PCT", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-HUISHOUDENS", IndicatorValue.NotAvailable(NotInMonitor)),
            ("WMO-CLIENTEN", IndicatorValue.OfNumber(11870)),
            ("JH-JONGEREN", IndicatorValue.OfNumber(2884)),
            ("PW-INWONERS", IndicatorValue.NotAvailable(NotInMonitor)),
            ("PW-BIJSTAND", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-BUDGET", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-RESULTAAT", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SCHULD-HUISHOUDENS", IndicatorValue.NotAvailable(NotInMonitor)),
        ]);
        yield return Imported(obligations["dashboards"], ReportingPeriod.FullYear(2021), schedule,
        [
            ("SD-INWONERS", IndicatorValue.OfNumber(21568)),
            ("SD-INWONERS-PCT", IndicatorValue.OfNumber(17.8m)),
            ("SD-HUISHOUDENS", IndicatorValue.OfNumber(15270)),
            ("WMO-CLIENTEN", IndicatorValue.OfNumber(11764)),
            ("JH-JONGEREN", IndicatorValue.OfNumber(2968)),
            ("PW-INWONERS", IndicatorValue.OfNumber(9443)),
            ("PW-BIJSTAND", IndicatorValue.OfNumber(3647)),
            ("SD-BUDGET", IndicatorValue.OfNumber(126_570_000)),
            ("SD-RESULTAAT", IndicatorValue.OfNumber(11_430_000)),
            ("SCHULD-HUISHOUDENS", IndicatorValue.OfNumber(7.2m)),
        ]);
    }

    private ReportingCycle Imported(Obligation obligation, ReportingPeriod period, ReportingSchedule schedule, (string Code, IndicatorValue Value)[] values)
    {
        var cadence = obligation.Cadence == Cadence.Quarterly ? Cadence.Yearly : obligation.Cadence;
        var deadlines = schedule.DeadlinesFor(cadence, period).Value;
        return ReportingCycle.ImportHistory(obligation, period, deadlines,
            [.. values.Select(v => (_indicators[v.Code].Current, v.Value, (string?)_indicators[v.Code].Current.Source))], Importer, _now);
    }

    private void AddVaals(MunicipalityId vaals)
    {
        var team = new Team(vaals, "Sociaal Domein Vaals");
        var alderman = new Alderman(vaals, "Paul Kohnen", "Wethouder Sociaal Domein en Zorg");
        var indicator = Define(vaals, new DemoIndicator("VAALS-MANTELZORG", "Ondersteuning mantelzorgers", "Informatie over de ondersteuning van mantelzorgers in Vaals.",
            IndicatorKind.Narrative, team.Name, "Eigen registratie"), team.Id);
        db.Teams.Add(team);
        db.Aldermen.Add(alderman);
        db.PolicyAreas.Add(new PolicyArea(vaals, Areas.Wmo));
        db.Indicators.Add(indicator);
        db.Obligations.Add(new Commitment(vaals, new ObligationDetails
        {
            Reference = "T-2025-004",
            Title = "Evaluatie mantelzorgondersteuning Vaals",
            Text = "De wethouder zegt toe de raad te informeren over de evaluatie van de mantelzorgondersteuning.",
            AdoptedOn = new DateOnly(2025, 4, 15),
            Meeting = new Meeting("Raadscommissie Sociaal Domein Vaals", new DateOnly(2025, 4, 15)),
            ResponsibleAldermen = [alderman.Id],
            PolicyArea = Areas.Wmo,
            Cadence = Cadence.Once,
            DueDate = new DateOnly(2026, 6, 30),
            RequiredIndicators = [new RequiredIndicator(indicator.Id, 1, null)],
        }, _now, Importer));
    }

    /// <summary>The demo's policy areas (beleidsterreinen).</summary>
    internal static class Areas
    {
        public const string SocialDomain = "Sociaal domein (breed)";
        public const string Wmo = "Wmo";
        public const string Youth = "Jeugdhulp";
        public const string Education = "Onderwijs";
        public const string Participation = "Participatiewet";
        public const string PovertyAndDebt = "Armoede en schuldhulpverlening";

        public static IReadOnlyList<string> All { get; } = [SocialDomain, Wmo, Youth, Education, Participation, PovertyAndDebt];
    }
}
