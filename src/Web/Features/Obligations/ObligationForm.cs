using Governance.Domain.Obligations;

namespace Governance.Web.Features.Obligations;

/// <summary>What the registry dialog edits; becomes the register or revise command, so both share the server's rules.</summary>
public sealed class ObligationForm
{
    public ObligationKind Kind { get; set; } = ObligationKind.Motion;

    public string? Reference { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public DateTime? AdoptedOn { get; set; }

    public string? MeetingBody { get; set; }

    public DateTime? MeetingDate { get; set; }

    public IReadOnlyCollection<Guid> AldermanIds { get; set; } = [];

    public string? PolicyArea { get; set; }

    public Cadence? Cadence { get; set; }

    public DateTime? DueDate { get; set; }

    public DateTime? EndDate { get; set; }

    public DateTime? ReportingFrom { get; set; }

    public List<PickedIndicator> Indicators { get; } = [];

    /// <summary>Parties that submitted a motion, separated by commas.</summary>
    public string? Parties { get; set; }

    /// <summary>Indicators defined in this form, under the key they are picked by; created when the obligation is saved.</summary>
    public Dictionary<Guid, Indicators.DefineIndicatorCommand> NewIndicators { get; } = [];

    public sealed record PickedIndicator(Guid Id, string Code, string Name)
    {
        public string? Label { get; set; }
    }

    public static ObligationForm From(ObligationOverview o)
    {
        var form = new ObligationForm
        {
            Kind = o.Kind,
            Reference = o.Reference,
            Title = o.Title,
            Text = o.Text,
            AdoptedOn = At(o.AdoptedOn),
            MeetingBody = o.MeetingBody,
            MeetingDate = At(o.MeetingDate),
            AldermanIds = [.. o.Aldermen.Select(a => a.Id)],
            PolicyArea = o.PolicyArea,
            Cadence = o.Cadence,
            DueDate = At(o.DueDate),
            EndDate = At(o.EndDate),
            ReportingFrom = At(o.ReportingFrom),
            Parties = string.Join(", ", o.SubmittingParties),
        };
        form.Indicators.AddRange(o.Indicators.Select(i => new PickedIndicator(i.IndicatorId, i.Code, i.Name) { Label = i.Label }));
        return form;
    }

    public RegisterObligationCommand ToRegister() => Fill(new RegisterObligationCommand { Kind = Kind });

    public ReviseObligationCommand ToRevise(Guid id, int version) => Fill(new ReviseObligationCommand { Id = id, Version = version });

    private T Fill<T>(T input)
        where T : ObligationInput => input with
    {
        Reference = Reference?.Trim(),
        Title = Title?.Trim(),
        Text = Text?.Trim(),
        AdoptedOn = Day(AdoptedOn),
        MeetingBody = MeetingBody?.Trim(),
        MeetingDate = Day(MeetingDate),
        AldermanIds = [.. AldermanIds],
        PolicyArea = PolicyArea,
        Cadence = Cadence,
        DueDate = Cadence == Domain.Obligations.Cadence.Once ? Day(DueDate) : null,
        EndDate = Cadence == Domain.Obligations.Cadence.Once ? null : Day(EndDate),
        ReportingFrom = Day(ReportingFrom),
        Indicators = [.. Indicators.Select(i => new RequiredIndicatorInput(i.Id, string.IsNullOrWhiteSpace(i.Label) ? null : i.Label.Trim()))],
        NewIndicators = [.. Indicators.Where(i => NewIndicators.ContainsKey(i.Id)).Select(i => new NewIndicatorInput(i.Id, NewIndicators[i.Id]))],
        SubmittingParties = Kind == ObligationKind.Motion
            ? [.. (Parties ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [],
    };

    private static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private static DateTime? At(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
