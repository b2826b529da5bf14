using Governance.Domain.Commitments;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;

namespace Governance.Domain.Tests.Builders;

/// <summary>Test data with sensible defaults; tests change only what they are about.</summary>
internal static class Build
{
    public static readonly MunicipalityId Maastricht = MunicipalityId.New();
    public static readonly TeamId Research = TeamId.New();
    public static readonly DateTime Now = new(2025, 11, 25, 9, 0, 0, DateTimeKind.Utc);

    public static IndicatorSpecification Spec(IndicatorKind kind = IndicatorKind.Count, string? unit = null, int decimals = 0, string[]? categories = null) => new()
    {
        Name = "Afgehandelde aanvragen Wmo",
        Definition = "Aantal aanvragen afgehandeld van melding tot beschikking.",
        Kind = kind,
        Unit = unit,
        Decimals = decimals,
        Source = "Eigen registratie",
        ResponsibleTeamId = Research,
        Categories = categories ?? [],
    };

    public static Indicator Indicator(IndicatorKind kind = IndicatorKind.Count, string? unit = null, int decimals = 0, string[]? categories = null, string code = "WMO-AANVRAGEN") =>
        new(Maastricht, code, Spec(kind, unit, decimals, categories), Now);

    public static Indicator Indicator(IndicatorSpecification spec, string code = "WMO-AANVRAGEN") => new(Maastricht, code, spec, Now);

    public static ObligationDetails Details(Cadence cadence = Cadence.Quarterly, IReadOnlyList<IndicatorId>? indicators = null, DateOnly? due = null, DateOnly? end = null, string[]? parties = null) => new()
    {
        Reference = "M-2021-047",
        Title = "Halveren aantal kinderen in armoede 2030",
        Text = "Verzoekt het college de raad halfjaarlijks te informeren.",
        AdoptedOn = new DateOnly(2021, 7, 13),
        Meeting = new Meeting("Gemeenteraad", new DateOnly(2021, 7, 13)),
        ResponsibleAldermen = [AldermanId.New()],
        PolicyArea = "Armoede en schuldhulpverlening",
        Cadence = cadence,
        DueDate = due,
        EndDate = end,
        RequiredIndicators = [.. (indicators ?? [IndicatorId.New()]).Select((id, n) => new RequiredIndicator(id, n + 1, null))],
        SubmittingParties = parties ?? ["PvdA"],
    };

    public static Motion Motion(ObligationDetails? details = null) => new(Maastricht, details ?? Details(), Now, "Griffie");

    public static Commitment Commitment(ObligationDetails? details = null) =>
        new(Maastricht, details ?? Details(parties: []), Now, "Griffie");
}
