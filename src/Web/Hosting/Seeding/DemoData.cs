using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Accounts;
using Governance.Web.Features.Indicators;
using Governance.Web.Features.Obligations;
using Governance.Web.Features.Organisation;
using Governance.Web.Features.Planning;
using Governance.Web.Features.Settings;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// The demo: the municipalities of Maastricht-Heuvelland, Maastricht's aldermen and teams, the obligations and indicators
/// of the source documents, the 2020 and 2021 figures of the monitor sociaal domein as history, and the demo accounts.
/// Made once, into an empty database, through the same commands a municipality going live uses (as its Beheerder and
/// griffie would): only the municipalities themselves are written directly, as the first administrator's is.
/// </summary>
internal sealed partial class DemoData(IServiceProvider services, TimeProvider time)
{
    /// <summary>Who the demo's set-up is done by, in the audit log and the histories.</summary>
    public const string Actor = "Demo-inrichting";

    private readonly Dictionary<string, Guid> _teams = [];
    private readonly Dictionary<string, Guid> _aldermen = [];
    private readonly Dictionary<string, Guid> _indicators = [];
    private readonly Dictionary<string, Guid> _obligations = [];
    private (Guid Team, Guid Alderman) _vaals;

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
        Dictionary<string, Municipality> municipalities;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            if (await db.Municipalities.AnyAsync(cancellationToken))
            {
                return false;
            }

            municipalities = Municipalities.Select(m => new Municipality(m.Name, m.Code)).ToDictionary(m => m.Name);
            db.Municipalities.AddRange(municipalities.Values);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Two streams at a time, each in its own scope, on both cores: most of a first start goes to first use (the JIT,
        // EF's query compilation) of each kind of command, and the streams run different kinds side by side. SQLite runs
        // their writes one after the other (IMMEDIATE transactions, the busy timeout); its calls do not yield, hence Task.Run.
        // Vaals registers its commitment while Maastricht still defines indicators, so that kind of command is ready for
        // Maastricht's registrations; the accounts need both municipalities' teams and aldermen.
        // The Heuvelland municipalities' monitors follow Vaals; the cooperation, its shares and its letter need everything.
        var maastricht = municipalities["Maastricht"];
        await Task.WhenAll(
            Task.Run(async () =>
            {
                await MaastrichtCalendarAsync(maastricht, cancellationToken);
                await VaalsAsync(municipalities["Vaals"], cancellationToken);
                foreach (var member in Heuvelland)
                {
                    await HeuvellandAsync(municipalities[member.Name], cancellationToken);
                }
            }, cancellationToken),
            Task.Run(() => MaastrichtOrganisationAsync(maastricht, cancellationToken), cancellationToken));
        await Task.WhenAll(
            Task.Run(() => MaastrichtObligationsAsync(maastricht, cancellationToken), cancellationToken),
            Task.Run(() => AccountsAsync(municipalities, cancellationToken), cancellationToken));
        await RegionAsync(municipalities, _obligations["doorlooptijden"], cancellationToken);
        return true;
    }

    /// <summary>Maastricht's settings, committees, policy areas and P&amp;C years: what the registrations plan from.</summary>
    private async Task MaastrichtCalendarAsync(Municipality maastricht, CancellationToken cancellationToken)
    {
        await using var scope = ActingFor(maastricht);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var settings = Check(await sender.Send(new GetMunicipalitySettingsQuery(), cancellationToken));
        settings = Check(await sender.Send(new ChangeMunicipalitySettingsCommand(settings.Name, settings.Code, null, "14 043", "info@maastricht.demo", settings.Version), cancellationToken));
        var letters = Check(await sender.Send(new GetLetterSettingsQuery(), cancellationToken));
        Check(await sender.Send(new ChangeLetterSettingsCommand(
            "Nu al interesse in meer cijfers? Neem een kijkje op [Maastricht in Cijfers](https://www.maastrichtincijfers.nl/) en [waarstaatjegemeente.nl](https://www.waarstaatjegemeente.nl/).",
            letters.TrendRelative, letters.TrendPoints, letters.Version), cancellationToken));
        foreach (var committee in new[] { "Gemeenteraad", "Domeinvergadering Sociaal" })
        {
            Check(await sender.Send(new AddCommitteeCommand(committee), cancellationToken));
        }

        foreach (var area in Areas.All)
        {
            Check(await sender.Send(new AddPolicyAreaCommand(area), cancellationToken));
        }

        for (var year = 2019; year <= 2031; year++)
        {
            Check(await sender.Send(new SavePlanningYearCommand(
                year, SecondTuesday(year, 9), SecondTuesday(year + 1, 6), SecondTuesday(year, 7), SecondTuesday(year, 11),
                [.. Enumerable.Range(1, 12).Where(m => m != 8).Select(m => SecondTuesday(year, m))], [], null, [], null, Adding: true), cancellationToken));
        }
    }

    /// <summary>Maastricht's teams, college and indicators.</summary>
    private async Task MaastrichtOrganisationAsync(Municipality maastricht, CancellationToken cancellationToken)
    {
        await using var scope = ActingFor(maastricht);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        foreach (var (name, handledBy, phone, email) in DemoIndicators.TeamLetterContacts)
        {
            var team = Check(await sender.Send(new CreateTeamCommand(name), cancellationToken));
            _teams[name] = Check(await sender.Send(new ChangeTeamLetterContactCommand(team.Id, handledBy, phone, email, team.Version), cancellationToken)).Id;
        }

        foreach (var (name, portfolio) in new[]
        {
            ("Jeroen Hoenderkamp", "Wethouder WMO, Welzijn, Sociale Zaken en Gezondheid"),
            ("Johan Pas", "Wethouder Wonen, Onderwijs, Arbeidsmarkt, Studentenstad en Welstand"),
            ("Hubert Mackus", "Wethouder Economie, Sport, Jeugdzorg, Water, Natuur en Landschap"),
        })
        {
            _aldermen[name] = Check(await sender.Send(new AddAldermanCommand(name, portfolio, null, null), cancellationToken)).Id;
        }

        foreach (var spec in DemoIndicators.WmoAndYouthItems.Concat(DemoIndicators.ParticipationItems).Concat(DemoIndicators.Poverty2030)
                     .Concat(DemoIndicators.WmoThroughput).Concat(DemoIndicators.YouthWaitingLists).Concat(DemoIndicators.Benchmarks).Concat(DemoIndicators.SocialDomainFacts))
        {
            _indicators[spec.Code] = Check(await sender.Send(Define(spec), cancellationToken));
        }

        _indicators["JH-BESCHIKBAARHEIDSWIJZER"] = Check(await sender.Send(Define(new DemoIndicator("JH-BESCHIKBAARHEIDSWIJZER", "Aansluiting bij de Beschikbaarheidswijzer",
            "Stand van zaken van de aansluiting van de regio Zuid-Limburg bij de Beschikbaarheidswijzer voor actuele wachttijden jeugdhulp.",
            IndicatorKind.Narrative, DemoIndicators.Purchasing, "Inkoop Sociaal Domein")), cancellationToken));
    }

    /// <summary>Maastricht's motions and commitments, registered as the griffie does, and their earlier reports as history.</summary>
    private async Task MaastrichtObligationsAsync(Municipality maastricht, CancellationToken cancellationToken)
    {
        await using var scope = ActingFor(maastricht);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var obligations = _obligations;
        foreach (var (key, registration) in MaastrichtObligations())
        {
            obligations[key] = Check(await sender.Send(registration, cancellationToken));
        }

        foreach (var (obligation, period, values) in History())
        {
            Check(await sender.Send(new ImportReportHistoryCommand(obligations[obligation], period,
                [.. values.Select(v => new HistoricValue(v.Code, v.Value.Number, v.Value.Text, v.Value.NotAvailableReason, null))]), cancellationToken));
        }
    }

    private async Task VaalsAsync(Municipality vaals, CancellationToken cancellationToken)
    {
        await using var scope = ActingFor(vaals);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var settings = Check(await sender.Send(new GetMunicipalitySettingsQuery(), cancellationToken));
        Check(await sender.Send(new ChangeMunicipalitySettingsCommand(settings.Name, settings.Code, null, "043 306 85 00", "info@vaals.demo", settings.Version), cancellationToken));
        var team = Check(await sender.Send(new CreateTeamCommand("Sociaal Domein Vaals"), cancellationToken));
        team = Check(await sender.Send(new ChangeTeamLetterContactCommand(team.Id, "M. Kohl", "043 306 85 10", "sociaaldomein@vaals.demo", team.Version), cancellationToken));
        var alderman = Check(await sender.Send(new AddAldermanCommand("Paul Kohnen", "Wethouder Sociaal Domein en Zorg", null, null), cancellationToken));
        _vaals = (team.Id, alderman.Id);
        Check(await sender.Send(new AddPolicyAreaCommand(Areas.Wmo), cancellationToken));
        var indicator = Check(await sender.Send(new DefineIndicatorCommand
        {
            Code = "VAALS-MANTELZORG",
            Name = "Ondersteuning mantelzorgers",
            Definition = "Informatie over de ondersteuning van mantelzorgers in Vaals.",
            Kind = IndicatorKind.Narrative,
            Source = "Eigen registratie",
            ResponsibleTeamId = team.Id,
        }, cancellationToken));
        Check(await sender.Send(new RegisterObligationCommand
        {
            Kind = ObligationKind.Commitment,
            Reference = "T-2025-004",
            Title = "Evaluatie mantelzorgondersteuning Vaals",
            Text = "De wethouder zegt toe de raad te informeren over de evaluatie van de mantelzorgondersteuning.",
            AdoptedOn = new DateOnly(2025, 4, 15),
            MeetingBody = "Raadscommissie Sociaal Domein Vaals",
            MeetingDate = new DateOnly(2025, 4, 15),
            AldermanIds = [alderman.Id],
            PolicyArea = Areas.Wmo,
            Cadence = Cadence.Once,
            DueDate = new DateOnly(2026, 6, 30),
            Indicators = [new RequiredIndicatorInput(indicator, null)],
            SubmittingParties = [],
            RegisteredOn = new DateOnly(2025, 4, 15),
        }, cancellationToken));
    }

    /// <summary>
    /// The demo accounts, invited by each municipality's Beheerder as anyone is, and accepted with the demo password as
    /// the invitation page does. Start-up stays quick: the password is hashed once for all of them, on another core
    /// while the invitations are made, and set on all of them in one statement.
    /// </summary>
    private async Task AccountsAsync(Dictionary<string, Municipality> municipalities, CancellationToken cancellationToken)
    {
        var passwordHash = Task.Run(async () =>
        {
            await using var hashing = services.CreateAsyncScope();
            return hashing.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>().HashPassword(new ApplicationUser(), DemoUsers.Password);
        }, cancellationToken);
        var invited = new List<string>();
        foreach (var group in DemoUsers.All.GroupBy(u => u.Municipality))
        {
            await using var scope = ActingFor(municipalities[group.Key]);
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
            var municipality = municipalities[group.Key].Id;
            var teams = await db.Teams.IgnoreQueryFilters().Where(t => t.MunicipalityId == municipality).ToDictionaryAsync(t => t.Name, t => t.Id.Value, cancellationToken);
            var aldermen = await db.Aldermen.IgnoreQueryFilters().Where(a => a.MunicipalityId == municipality).ToDictionaryAsync(a => a.Name, a => a.Id.Value, cancellationToken);
            foreach (var demo in group)
            {
                invited.Add(Check(await sender.Send(new InviteAccountCommand(demo.Email, demo.DisplayName, [demo.Role],
                    demo.Team is null ? null : teams[demo.Team], demo.Alderman is null ? null : aldermen[demo.Alderman]), cancellationToken)).Id);
            }
        }

        await using var accepting = services.CreateAsyncScope();
        var hash = await passwordHash;
        var accepted = await accepting.ServiceProvider.GetRequiredService<GovernanceDbContext>().Users
            .Where(u => invited.Contains(u.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PasswordHash, hash).SetProperty(x => x.EmailConfirmed, true), cancellationToken);
        if (accepted != invited.Count)
        {
            throw new InvalidOperationException($"{invited.Count - accepted} demo accounts were not made.");
        }
    }

    /// <summary>A scope acting as the municipality's set-up (Beheerder and griffie), as a signed-in person's request would.</summary>
    private AsyncServiceScope ActingFor(Municipality municipality)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(GovernanceClaims.Municipality, municipality.Id.Value.ToString()),
            new Claim(GovernanceClaims.MunicipalityName, municipality.Name),
            new Claim(GovernanceClaims.DisplayName, Actor),
            new Claim(ClaimTypes.Role, Roles.Beheerder),
            new Claim(ClaimTypes.Role, Roles.Griffie),
        ], authenticationType: "demo")));
        return scope;
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"The demo could not be made: {result.Error.Message} {(result.Error is Invalid invalid ? string.Join(" ", invalid.Fields.SelectMany(f => f.Value)) : "")}");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private DefineIndicatorCommand Define(DemoIndicator spec) => new()
    {
        Code = spec.Code,
        Name = spec.Name,
        Definition = spec.Definition,
        Kind = spec.Kind,
        Unit = spec.Unit,
        Decimals = spec.Decimals,
        Source = spec.Source,
        ResponsibleTeamId = _teams[spec.Team],
        GoodDirection = spec.Direction,
        Categories = spec.Categories,
        Nature = spec.Nature,
        InMillions = spec.InMillions,
        Formula = spec.Formula,
        Benchmark = spec.Benchmark,
        Caveat = spec.Caveat,
        BaselineValue = spec.Baseline?.Value,
        BaselineMeasuredOn = spec.Baseline?.MeasuredOn,
        TargetValue = spec.Target?.Value,
        TargetYear = spec.Target?.Year,
    };

    private static DateOnly SecondTuesday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7);
    }

    private Dictionary<string, RegisterObligationCommand> MaastrichtObligations()
    {
        var all = new Dictionary<string, RegisterObligationCommand>
        {
            ["vadp"] = Details(ObligationKind.Motion, 
                "M-2014-083", "Vinger aan de pols",
                "Verzoekt het college de raad vier maal per jaar een monitoringsrapportage te sturen over de kaders Wmo & Jeugdzorg en de Participatiewet, zoveel mogelijk geput uit de bestaande ambtelijke monitor sociaal beleid, met ten minste de informatie-items a tot en met l (Wmo & Jeugd) en a tot en met g (Participatiewet); bij nieuwe indicatoren wordt een nulmeting gemaakt en in de overgangsfase over de was/wordt-situatie gerapporteerd. Deze monitoringinformatie komt beschikbaar voor de raden van alle samenwerkende gemeenten.",
                new DateOnly(2014, 11, 11), "Gemeenteraad", ["Jeroen Hoenderkamp", "Hubert Mackus", "Johan Pas"], Areas.SocialDomain, Cadence.Quarterly,
                [.. DemoIndicators.WmoAndYouthItems.Select((i, n) => (i.Code, $"{(char)('a' + n)}")), .. DemoIndicators.ParticipationItems.Select((i, n) => (i.Code, $"P-{(char)('a' + n)}"))],
                parties: ["Raadsbreed"]),
            ["armoede"] = Details(ObligationKind.Motion, 
                "M-2021-047", "Halveren aantal kinderen in armoede 2030",
                "Verzoekt het college het aantal kinderen dat in armoede opgroeit in 2030 te halveren, en de raad hierover halfjaarlijks te informeren in de monitor sociaal domein met ten minste het niet-gebruik van regelingen (Kindpakket) en de reductie van het aantal kinderen in armoede volgens de landelijke richtlijn (van 9,2 % naar 4,6 % in 2030).",
                new DateOnly(2021, 7, 13), "Gemeenteraad", ["Jeroen Hoenderkamp"], Areas.PovertyAndDebt, Cadence.HalfYearly,
                [("ARM-KP-NIETGEBRUIK", "1"), ("ARM-KINDEREN", "2")], end: new DateOnly(2030, 12, 31), parties: ["PvdA"]),
            ["doorlooptijden"] = Details(ObligationKind.Motion, 
                "M-2018-112", "Doorlooptijden Wmo",
                "Verzoekt het college jaarlijks te rapporteren in hoeveel gevallen, in aantal en procentueel, de wettelijke termijn van 8 weken van melding tot beschikking is overschreden.",
                new DateOnly(2018, 11, 13), "Gemeenteraad", ["Jeroen Hoenderkamp"], Areas.Wmo, Cadence.Yearly,
                [("WMO-AANVRAGEN", null), ("WMO-BINNEN-8-WEKEN", null), ("WMO-TIJDIG", null)], parties: ["Raadsbreed"]),
            ["wachtlijsten"] = Details(ObligationKind.Motion, 
                "M-2019-026", "Wachtlijsten Jeugdhulp",
                "Verzoekt het college de raad halfjaarlijks te informeren over de wachtlijsten en wachttijden tussen de toewijzing van jeugdhulp en de daadwerkelijke start van de hulp.",
                new DateOnly(2019, 3, 12), "Gemeenteraad", ["Hubert Mackus"], Areas.Youth, Cadence.HalfYearly,
                [("JH-WACHTTIJDEN", null)], parties: ["Raadsbreed"]),
            ["dashboards"] = Details(ObligationKind.Commitment, 
                "T-2024-031", "Periodiek inzicht in de dashboards sociaal domein",
                "De wethouder zegt toe te onderzoeken op welke wijze de raad periodiek inzicht kan krijgen in de gegevens uit de dashboards sociaal domein. Voorstel: tweemaal per jaar factsheets, passend binnen de P&C-cyclus: bij de 1e berap (cijfers over het eerste half jaar) en bij de jaarrekening.",
                new DateOnly(2024, 3, 5), "Domeinvergadering Sociaal", ["Jeroen Hoenderkamp", "Johan Pas", "Hubert Mackus"], Areas.SocialDomain, Cadence.HalfYearly,
                [.. DemoIndicators.SocialDomainFacts.Select(i => (i.Code, (string?)null))]),
            ["beschikbaarheidswijzer"] = Details(ObligationKind.Commitment, 
                "T-2025-118", "Informeren over de Beschikbaarheidswijzer jeugdhulp",
                "De wethouder zegt toe de raad te informeren zodra de regio Zuid-Limburg is aangesloten bij de Beschikbaarheidswijzer, waarmee verwijzers op één plek de actuele wachttijden van aanbieders kunnen zien.",
                new DateOnly(2025, 10, 7), "Domeinvergadering Sociaal", ["Hubert Mackus"], Areas.Youth, Cadence.Once,
                [("JH-BESCHIKBAARHEIDSWIJZER", null)], due: new DateOnly(2026, 12, 15)),
        };

        return all;
    }

    private RegisterObligationCommand Details(
        ObligationKind kind, string reference, string title, string text, DateOnly adopted, string body, string[] aldermen, string area, Cadence cadence,
        (string Code, string? Label)[] indicators, DateOnly? end = null, DateOnly? due = null, string[]? parties = null) => new()
        {
            Kind = kind,
            Reference = reference,
            Title = title,
            Text = text,
            AdoptedOn = adopted,
            MeetingBody = body,
            MeetingDate = adopted,
            AldermanIds = [.. aldermen.Select(a => _aldermen[a])],
            PolicyArea = area,
            Cadence = cadence,
            EndDate = end,
            DueDate = due,
            Indicators = [.. indicators.Select(i => new RequiredIndicatorInput(_indicators[i.Code], i.Label))],
            SubmittingParties = parties ?? [],
            ReportingFrom = cadence == Cadence.Once ? null : ReportingFrom,
            // Followed since its adoption in the list the griffie kept before: the reports it owes keep their planned deadlines.
            RegisteredOn = adopted,
        };

    private static IEnumerable<(string Obligation, ReportingPeriod Period, (string Code, IndicatorValue Value)[] Values)> History()
    {
        const string NotInMonitor = "Niet afzonderlijk opgenomen in de monitor sociaal domein over 2021.";
        // The monitor gives some 2020 figures only as a change; the figure itself is then not available, and the reason quotes it.
        const string OnlyAsChange = "De monitor sociaal domein over 2021 noemt het cijfer over 2020 niet, alleen de verandering: ";
        yield return ("doorlooptijden", ReportingPeriod.FullYear(2020),
        [
            ("WMO-AANVRAGEN", IndicatorValue.NotAvailable(NotInMonitor)),
            ("WMO-BINNEN-8-WEKEN", IndicatorValue.NotAvailable(NotInMonitor)),
            ("WMO-TIJDIG", IndicatorValue.NotAvailable(OnlyAsChange + "de tijdigheid is in 2021 circa 1 % hoger.")),
        ]);
        yield return ("doorlooptijden", ReportingPeriod.FullYear(2021),
        [
            ("WMO-AANVRAGEN", IndicatorValue.OfNumber(2834)),
            ("WMO-BINNEN-8-WEKEN", IndicatorValue.OfNumber(2660)),
            ("WMO-TIJDIG", IndicatorValue.OfNumber(93.9m)),
        ]);
        yield return ("armoede", ReportingPeriod.FullYear(2021),
        [
            ("ARM-KP-NIETGEBRUIK", IndicatorValue.NotAvailable("Op dit moment zijn er nog geen cijfers beschikbaar op basis waarvan kan worden aangegeven hoe groot het niet-gebruik van de regelingen is.")),
            ("ARM-KINDEREN", IndicatorValue.NotAvailable("Het CBS-cijfer over 2021 is nog niet gepubliceerd; de nulmeting is 9,2 %.")),
        ]);
        yield return ("wachtlijsten", ReportingPeriod.FullYear(2021),
        [
            ("JH-WACHTTIJDEN", IndicatorValue.OfText("De regionale uitvraag met peildatum 1 oktober 2021 geeft een beeld van de wachttijden maar geen volledig beeld: het is een standopname, jongeren staan soms op meerdere plekken aangemeld en niet elke wachttijd is schadelijk (wenswachtenden). De wachttijden voor GGZ-behandeling zijn langer dan de normen. In de DVO met aanbieders zijn afspraken gemaakt over maximale wachttijden en het melden van een opnamestop.")),
        ]);
        yield return ("dashboards", ReportingPeriod.FullYear(2020),
        [
            ("SD-INWONERS", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-INWONERS-PCT", IndicatorValue.OfNumber(18.0m)),
            ("SD-HUISHOUDENS", IndicatorValue.NotAvailable(NotInMonitor)),
            ("WMO-CLIENTEN", IndicatorValue.NotAvailable(OnlyAsChange + "in 2021 een daling van bijna 1 %.")),
            ("JH-JONGEREN", IndicatorValue.NotAvailable(OnlyAsChange + "in 2021 een stijging van bijna 3 %.")),
            ("JH-AANDEEL", IndicatorValue.NotAvailable(NotInMonitor)),
            ("JH-AANDEEL-NL", IndicatorValue.NotAvailable(NotInMonitor)),
            ("PW-INWONERS", IndicatorValue.NotAvailable(NotInMonitor)),
            ("PW-BIJSTAND", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-BUDGET", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SD-RESULTAAT", IndicatorValue.NotAvailable(NotInMonitor)),
            ("SCHULD-HUISHOUDENS", IndicatorValue.NotAvailable(NotInMonitor)),
        ]);
        yield return ("dashboards", ReportingPeriod.FullYear(2021),
        [
            ("SD-INWONERS", IndicatorValue.OfNumber(21568)),
            ("SD-INWONERS-PCT", IndicatorValue.OfNumber(17.8m)),
            ("SD-HUISHOUDENS", IndicatorValue.OfNumber(15270)),
            ("WMO-CLIENTEN", IndicatorValue.OfNumber(11764)),
            ("JH-JONGEREN", IndicatorValue.OfNumber(2968)),
            ("JH-AANDEEL", IndicatorValue.OfNumber(16.8m)),
            ("JH-AANDEEL-NL", IndicatorValue.OfNumber(13.0m)),
            ("PW-INWONERS", IndicatorValue.OfNumber(9443)),
            ("PW-BIJSTAND", IndicatorValue.OfNumber(3647)),
            ("SD-BUDGET", IndicatorValue.OfNumber(126_570_000)),
            ("SD-RESULTAAT", IndicatorValue.OfNumber(11_430_000)),
            ("SCHULD-HUISHOUDENS", IndicatorValue.OfNumber(7.2m)),
        ]);
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
