using System.Security.Claims;
using Governance.Domain.Accounts;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Indicators;
using Governance.Web.Features.Obligations;
using Governance.Web.Features.Organisation;
using Governance.Web.Features.Regions;
using Mediator;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// The regional side of the demo: the Heuvelland municipalities keep the same Wmo and Jeugd figures as Maastricht (demo
/// figures, plausible for their size and marked as such), the cooperation "Maastricht en Heuvelland" in which each
/// portfolio holder approves the regional letters, what each shares with it, and one regional letter approved by all
/// six aldermen and sent by the griffie of Vaals (the other griffies still have it to send).
/// Made through the same commands the municipalities' own people use.
/// </summary>
internal sealed partial class DemoData
{
    public const string CooperationName = "Maastricht en Heuvelland";

    private const string DemoSource = "Demofiguren (fictief)";
    private const string DemoCaveat = "Demo: fictieve cijfers van een plausibele omvang, alleen ter illustratie.";

    private readonly Dictionary<string, (Guid Team, Guid Alderman, Guid Monitor)> _heuvelland = [];

    /// <summary>Each Heuvelland municipality's portfolio holder, and its figures over 2020 and 2021 (demo).</summary>
    private static readonly IReadOnlyList<HeuvellandMunicipality> Heuvelland =
    [
        new("Eijsden-Margraten", "M. Dautzenberg", "043 458 88 88", [(2410, 610, 590, 538), (2455, 628, 612, 571)]),
        new("Gulpen-Wittem", "F. Wetzels", "043 880 06 00", [(1520, 305, 352, 330), (1548, 318, 365, 349)]),
        new("Meerssen", "I. Vroemen", "043 366 93 93", [(1985, 455, 470, 421), (2012, 470, 498, 452)]),
        new("Vaals", null, null, [(1105, 198, 228, 214), (1121, 205, 240, 231)]),
        new("Valkenburg aan de Geul", "R. Habets", "043 609 86 00", [(1790, 372, 410, 376), (1818, 381, 431, 405)]),
    ];

    /// <summary>A Heuvelland municipality: its portfolio holder (Vaals has its own already), phone, and per year clients Wmo, youth with help, requests, decided within 8 weeks.</summary>
    private sealed record HeuvellandMunicipality(string Name, string? Alderman, string? Phone, (int Clients, int Youth, int Requests, int InTime)[] Figures);

    /// <summary>A Heuvelland municipality's team, portfolio holder and its Wmo and Jeugd monitor with two years of (demo) figures.</summary>
    private async Task HeuvellandAsync(Municipality municipality, CancellationToken cancellationToken)
    {
        var spec = Heuvelland.Single(h => h.Name == municipality.Name);
        await using var scope = ActingFor(municipality);
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        Guid team, alderman;
        if (spec.Alderman is { } name)
        {
            team = Check(await sender.Send(new CreateTeamCommand($"Sociaal Domein {municipality.Name}"), cancellationToken)).Id;
            alderman = Check(await sender.Send(new AddAldermanCommand(name, "Wethouder Sociaal Domein (Wmo en Jeugd)", null, null), cancellationToken)).Id;
            Check(await sender.Send(new AddPolicyAreaCommand(Areas.Wmo), cancellationToken));
        }
        else
        {
            (team, alderman) = (_vaals.Team, _vaals.Alderman);
        }

        var indicators = new List<RequiredIndicatorInput>();
        foreach (var (code, title, definition, kind, unit, formula) in new (string, string, string, IndicatorKind, string, string?)[]
        {
            ("WMO-CLIENTEN", "Inwoners met Wmo-ondersteuning", "Aantal inwoners met ondersteuning in het kader van de Wmo.", IndicatorKind.Count, "inwoners", null),
            ("JH-JONGEREN", "Jongeren met jeugdhulp", "Aantal jeugdigen met een of meer voorzieningen in het kader van de Jeugdwet.", IndicatorKind.Count, "jongeren", null),
            ("WMO-AANVRAGEN", "Afgehandelde aanvragen Wmo", "Aantal aanvragen Wmo afgehandeld van melding tot beschikking in het kalenderjaar.", IndicatorKind.Count, "aanvragen", null),
            ("WMO-BINNEN-8-WEKEN", "Aanvragen binnen 8 weken afgehandeld", "Aantal aanvragen Wmo afgehandeld binnen de wettelijke termijn van 8 weken van melding tot beschikking.", IndicatorKind.Count, "aanvragen", null),
            ("WMO-TIJDIG", "Aandeel tijdig afgehandeld", "Aandeel van de afgehandelde aanvragen Wmo dat binnen 8 weken is afgehandeld.", IndicatorKind.Percentage, "%", "[WMO-BINNEN-8-WEKEN] / [WMO-AANVRAGEN] * 100"),
        })
        {
            var id = Check(await sender.Send(new DefineIndicatorCommand
            {
                Code = code, Name = title, Definition = definition, Kind = kind, Unit = unit, Decimals = kind == IndicatorKind.Percentage ? 1 : 0,
                Source = DemoSource, ResponsibleTeamId = team, Formula = formula, Caveat = DemoCaveat,
                GoodDirection = code is "WMO-BINNEN-8-WEKEN" or "WMO-TIJDIG" ? GoodDirection.Up : GoodDirection.Neutral,
            }, cancellationToken));
            indicators.Add(new RequiredIndicatorInput(id, null));
        }

        var monitor = Check(await sender.Send(new RegisterObligationCommand
        {
            Kind = ObligationKind.Motion,
            Reference = "M-2015-012",
            Title = "Monitor Wmo en Jeugd",
            Text = "Verzoekt het college de raad jaarlijks te informeren over het gebruik van de Wmo en de jeugdhulp en over de tijdigheid van de besluiten, met dezelfde indicatoren als de andere gemeenten in Maastricht en Heuvelland, zodat de raden van alle samenwerkende gemeenten over dezelfde monitoringinformatie beschikken.",
            AdoptedOn = new DateOnly(2015, 2, 10),
            MeetingBody = "Gemeenteraad",
            MeetingDate = new DateOnly(2015, 2, 10),
            AldermanIds = [alderman],
            PolicyArea = Areas.Wmo,
            Cadence = Cadence.Yearly,
            Indicators = indicators,
            SubmittingParties = ["Raadsbreed"],
            ReportingFrom = ReportingFrom,
            RegisteredOn = new DateOnly(2015, 2, 10),
        }, cancellationToken));
        foreach (var (year, figures) in new[] { 2020, 2021 }.Zip(spec.Figures))
        {
            Check(await sender.Send(new ImportReportHistoryCommand(monitor, ReportingPeriod.FullYear(year),
            [
                new HistoricValue("WMO-CLIENTEN", figures.Clients, null, null, null),
                new HistoricValue("JH-JONGEREN", figures.Youth, null, null, null),
                new HistoricValue("WMO-AANVRAGEN", figures.Requests, null, null, null),
                new HistoricValue("WMO-BINNEN-8-WEKEN", figures.InTime, null, null, null),
            ]), cancellationToken));
        }

        lock (_heuvelland)
        {
            _heuvelland[municipality.Name] = (team, alderman, monitor);
        }
    }

    /// <summary>
    /// The cooperation, recorded by Maastricht's beheerder and joined by each Heuvelland municipality, which names its
    /// portfolio holder; what each shares; and the regional letter from composition to the sending in Vaals.
    /// </summary>
    private async Task RegionAsync(Dictionary<string, Municipality> municipalities, Guid maastrichtMonitor, CancellationToken cancellationToken)
    {
        var maastricht = municipalities["Maastricht"];
        CooperationLine cooperation;
        await using (var lead = ActingFor(maastricht))
        {
            var sender = lead.ServiceProvider.GetRequiredService<ISender>();
            cooperation = Check(await sender.Send(new CreateCooperationCommand(CooperationName, EachPortfolioHolderApproves: true), cancellationToken));
            foreach (var member in Heuvelland)
            {
                cooperation = Check(await sender.Send(new CooperationStepCommand(cooperation.Id, CooperationStep.Invite, municipalities[member.Name].Id.Value, cooperation.Version), cancellationToken));
            }

            Check(await sender.Send(new GiveRegionalShareCommand(cooperation.Id, null, maastrichtMonitor), cancellationToken));
            foreach (var code in new[] { "WMO-CLIENTEN", "JH-JONGEREN" })
            {
                Check(await sender.Send(new GiveRegionalShareCommand(cooperation.Id, _indicators[code], null), cancellationToken));
            }
        }

        foreach (var member in Heuvelland)
        {
            var (_, alderman, monitor) = _heuvelland[member.Name];
            await using var scope = ActingFor(municipalities[member.Name]);
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            cooperation = Check(await sender.Send(new CooperationStepCommand(cooperation.Id, CooperationStep.Join, null, cooperation.Version), cancellationToken));
            cooperation = Check(await sender.Send(new CooperationStepCommand(cooperation.Id, CooperationStep.PortfolioHolder, null, cooperation.Version, alderman), cancellationToken));
            Check(await sender.Send(new GiveRegionalShareCommand(cooperation.Id, null, monitor), cancellationToken));
        }

        RegionalLetterView letter;
        await using (var lead = ActingFor(maastricht))
        {
            var sender = lead.ServiceProvider.GetRequiredService<ISender>();
            letter = Check(await sender.Send(new ComposeRegionalLetterCommand(cooperation.Id), cancellationToken));
            letter = Check(await sender.Send(new RegionalLetterStepCommand(letter.Id, RegionalLetterStep.Offer, _aldermen["Jeroen Hoenderkamp"], null, null, null, letter.Version), cancellationToken));
        }

        // Each portfolio holder approves, as in their own municipality's sign-in.
        foreach (var (name, alderman) in Heuvelland.Select(h => (h.Name, _heuvelland[h.Name].Alderman)).Prepend(("Maastricht", _aldermen["Jeroen Hoenderkamp"])))
        {
            await using var scope = ActingAs(municipalities[name], Roles.Wethouder, alderman);
            letter = Check(await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new RegionalLetterStepCommand(letter.Id, RegionalLetterStep.Approve, null, null, null, null, letter.Version), cancellationToken));
        }

        // Vaals has sent it to its council; the other griffies, Maastricht's among them, still have it to send.
        await using (var vaals = ActingFor(municipalities["Vaals"]))
        {
            Check(await vaals.ServiceProvider.GetRequiredService<ISender>().Send(
                new RegionalLetterStepCommand(letter.Id, RegionalLetterStep.RecordSending, null, null, MunicipalTime.Today(time), null, letter.Version), cancellationToken));
        }
    }

    /// <summary>A scope acting as one person of a municipality in one role (an alderman's approval), as a signed-in request would.</summary>
    private AsyncServiceScope ActingAs(Municipality municipality, string role, Guid alderman)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"demo-{alderman:N}"),
            new Claim(GovernanceClaims.Municipality, municipality.Id.Value.ToString()),
            new Claim(GovernanceClaims.MunicipalityName, municipality.Name),
            new Claim(GovernanceClaims.DisplayName, Actor),
            new Claim(GovernanceClaims.Alderman, alderman.ToString()),
            new Claim(ClaimTypes.Role, role),
        ], authenticationType: "demo")));
        return scope;
    }
}
