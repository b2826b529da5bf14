using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations.Events;
using Governance.Domain.Organisation;

namespace Governance.Domain.Obligations;

/// <summary>
/// What a motion and a commitment share: something the executive owes the council, reported on in
/// reporting cycles until the council confirms it fulfilled or it lapses. The status is changed only
/// by the obligation workflow; this class refuses states whose invariants do not hold.
/// </summary>
public abstract class Obligation : AggregateRoot, IMunicipalityOwned
{
    public const int ReferenceMaxLength = 40;
    public const int TitleMaxLength = 300;
    public const int TextMaxLength = 20_000;
    public const int PartyMaxLength = 80;
    public const int LabelMaxLength = 10;

    private List<ResponsibleAlderman> _aldermen = [];

    private List<RequiredIndicator> _requiredIndicators = [];
    private readonly List<ObligationHistoryEntry> _history = [];

    protected Obligation()
    {
        Reference = null!;
        Title = null!;
        Text = null!;
        Meeting = null!;
    }

    protected Obligation(MunicipalityId municipalityId, ObligationDetails details, DateTime nowUtc, string actor)
    {
        Id = ObligationId.New();
        MunicipalityId = municipalityId;
        Status = ObligationStatus.Registered;
        Reference = null!;
        Title = null!;
        Text = null!;
        Meeting = null!;
        Apply(details);
        var today = DateOnly.FromDateTime(Planning.MunicipalTime.ToLocal(nowUtc));
        if (details.RegisteredOn is { } registered && (registered > today || registered < details.AdoptedOn))
        {
            throw new DomainRuleException("An obligation is registered on or after the day it was adopted, and not later than today.");
        }

        RegisteredOn = details.RegisteredOn ?? today;
        _history.Add(new ObligationHistoryEntry(nowUtc, actor, "registered", To: ObligationStatus.Registered) { Sequence = _history.Count + 1 });
    }

    public ObligationId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public abstract ObligationKind Kind { get; }

    public string Reference { get; private set; }

    public string Title { get; private set; }

    public string Text { get; private set; }

    public DateOnly AdoptedOn { get; private set; }

    public Meeting Meeting { get; private set; }

    /// <summary>The name of the policy area (beleidsterrein) it is filed under, one of the municipality's areas.</summary>
    public string PolicyArea { get; private set; } = null!;

    public Cadence Cadence { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public DateOnly? EndDate { get; private set; }

    /// <summary>Reporting covers the periods that end on or after this date.</summary>
    public DateOnly ReportingFrom { get; private set; }

    /// <summary>The day it was registered (in Governance, or in the tool it was brought over from): no report is due sooner than a few working days after it.</summary>
    public DateOnly RegisteredOn { get; private set; }

    /// <summary>The letter (onze referentie) the executive says reports this obligation as carried out.</summary>
    public string? ReportedInLetter { get; private set; }

    public ObligationStatus Status { get; private set; }

    /// <summary>
    /// Shown in the public register and its open data (the default); the griffie keeps one out of it, for instance a
    /// commitment made in a closed session. Closed obligations keep their visibility as it was.
    /// </summary>
    public bool IsPublic { get; private set; } = true;

    public IReadOnlyList<AldermanId> ResponsibleAldermen => [.. _aldermen.OrderBy(a => a.Position).Select(a => a.AldermanId)];

    public IReadOnlyList<RequiredIndicator> RequiredIndicators => [.. _requiredIndicators.OrderBy(i => i.Position)];

    public IReadOnlyList<ObligationHistoryEntry> History => [.. _history.OrderBy(h => h.Sequence)];

    /// <summary>Fulfilled and lapsed obligations are closed: they are never changed again.</summary>
    public bool IsClosed => Status is ObligationStatus.Fulfilled or ObligationStatus.Lapsed;

    public void Revise(ObligationDetails details, DateTime nowUtc, string actor)
    {
        if (IsClosed)
        {
            throw new DomainRuleException($"Obligation {Reference} is {Status} and cannot be changed.");
        }

        var before = Described().ToList();
        Apply(details);
        var changed = string.Join("; ", Described().Zip(before).Where(p => p.First.Value != p.Second.Value)
            .Select(p => SaidChanged.Contains(p.First.Field) ? $"{p.First.Field} gewijzigd" : $"{p.First.Field}: {p.Second.Value} → {p.First.Value}"));
        _history.Add(new ObligationHistoryEntry(nowUtc, actor, "revised", Reason: changed.Length == 0 ? null : Clip(changed, 2_000)) { Sequence = _history.Count + 1 });
        Raise(new ObligationRevised(Id));
    }

    /// <summary>
    /// Moves the due date (one-off) or end date (recurring) after a recorded decision: the new date, the
    /// reason and who decided stay in the history; the old date is never lost.
    /// </summary>
    public void ExtendDeadline(DateOnly newDate, string reason, string decidedBy, DateTime nowUtc, string actor)
    {
        if (IsClosed)
        {
            throw new DomainRuleException($"Obligation {Reference} is {Status} and cannot be changed.");
        }

        var current = Cadence == Cadence.Once ? DueDate : EndDate;
        if (current is { } old && newDate <= old)
        {
            throw new DomainRuleException("An extension moves the deadline later.");
        }

        if (newDate < AdoptedOn)
        {
            throw new DomainRuleException("The deadline cannot lie before the date adopted.");
        }

        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        var why = $"{Guard.Text(reason, nameof(reason), 1_000)} (besloten door {Guard.Text(decidedBy, nameof(decidedBy), 120)}; " +
                  $"{(current is { } was ? was.ToString("d MMMM yyyy", dutch) : "geen")} → {newDate.ToString("d MMMM yyyy", dutch)})";
        if (Cadence == Cadence.Once)
        {
            DueDate = newDate;
        }
        else
        {
            EndDate = newDate;
        }

        _history.Add(new ObligationHistoryEntry(nowUtc, actor, "deadline_extended", Reason: why) { Sequence = _history.Count + 1 });
        Raise(new ObligationRevised(Id));
        Raise(new ObligationDeadlineExtended(Id, current, newDate, _history.Count));
    }

    /// <summary>Puts the obligation in the public register or keeps it out, with a history line; nothing when it already is.</summary>
    public void Publish(bool isPublic, DateTime nowUtc, string actor)
    {
        if (isPublic == IsPublic)
        {
            return;
        }

        IsPublic = isPublic;
        _history.Add(new ObligationHistoryEntry(nowUtc, actor, VisibilityChanged, Reason: isPublic ? "openbaar" : "niet openbaar") { Sequence = _history.Count + 1 });
        Raise(new ObligationRevised(Id));
    }

    /// <summary>The history line of <see cref="Publish"/>: internal, never shown in the public register itself.</summary>
    public const string VisibilityChanged = "visibility";

    /// <summary>
    /// Enters a status. Only the obligation workflow calls this, after checking the transition is
    /// allowed; the checks here are the backstop for invariants that hold whatever the flow.
    /// </summary>
    internal void EnterStatus(ObligationStatus status, DateTime nowUtc, string actor, string? reason)
    {
        if (IsClosed)
        {
            throw new DomainRuleException($"Obligation {Reference} is {Status}: a closed obligation does not change status.");
        }

        if (status == Status)
        {
            throw new DomainRuleException($"Obligation {Reference} is already {Status}.");
        }

        if (status is ObligationStatus.Lapsed && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("An obligation lapses only with a reason.");
        }

        if (status is ObligationStatus.Registered)
        {
            throw new DomainRuleException("An obligation never returns to Registered.");
        }

        if (status is ObligationStatus.Reported && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("An obligation is reported only with the letter that reports it.");
        }

        var from = Status;
        Status = status;
        if (status == ObligationStatus.Reported)
        {
            ReportedInLetter = Guard.Text(reason, nameof(ReportedInLetter), 40);
        }

        _history.Add(new ObligationHistoryEntry(nowUtc, actor, "status", from, status, reason?.Trim()) { Sequence = _history.Count + 1 });
        Raise(new ObligationStatusChanged(Id, from, status));
    }

    /// <summary>What a revision can change, field by field in Dutch, for the history line that says what changed (field: old → new).</summary>
    protected virtual IEnumerable<(string Field, string Value)> Described()
    {
        static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "geen";
        yield return ("Nummer", Reference);
        yield return ("Titel", Clip(Title, 120));
        yield return ("Tekst", Text);
        yield return ("Aangenomen op", Day(AdoptedOn));
        yield return ("Vergadering", $"{Meeting.Body} {Day(Meeting.Date)}");
        yield return ("Beleidsterrein", PolicyArea);
        yield return ("Frequentie", Cadence switch
        {
            Cadence.Once => "eenmalig",
            Cadence.Quarterly => "per kwartaal",
            Cadence.HalfYearly => "halfjaarlijks",
            _ => "jaarlijks",
        });
        yield return ("Uiterste datum", Day(DueDate));
        yield return ("Einddatum", Day(EndDate));
        yield return ("Rapporteren vanaf", Day(ReportingFrom));
        yield return ("Verantwoordelijke wethouders", string.Join(",", ResponsibleAldermen));
        yield return ("Indicatoren", string.Join(",", RequiredIndicators.Select(i => $"{i.IndicatorId}:{i.Label}")));
    }

    /// <summary>Fields whose values mean nothing to a reader (long text, lists of ids): the history says only that they changed.</summary>
    private static readonly HashSet<string> SaidChanged = ["Tekst", "Verantwoordelijke wethouders", "Indicatoren", "Indienende partijen"];

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    protected virtual void Apply(ObligationDetails details)
    {
        Reference = Guard.Text(details.Reference, nameof(Reference), ReferenceMaxLength);
        Title = Guard.Text(details.Title, nameof(Title), TitleMaxLength);
        Text = Guard.Text(details.Text, nameof(Text), TextMaxLength);
        Meeting = details.Meeting ?? throw new DomainRuleException("The meeting is required.");
        AdoptedOn = details.AdoptedOn;
        PolicyArea = Guard.Text(details.PolicyArea, nameof(PolicyArea), Organisation.PolicyArea.NameMaxLength);
        ApplySchedule(details);
        ApplyAldermen(details.ResponsibleAldermen);
        ApplyIndicators(details.RequiredIndicators);
    }

    private void ApplySchedule(ObligationDetails details)
    {
        if (details.Cadence == Cadence.Once)
        {
            if (details.DueDate is not { } due)
            {
                throw new DomainRuleException("A one-off obligation has a due date.");
            }

            if (details.EndDate is not null)
            {
                throw new DomainRuleException("A one-off obligation has a due date, not an end date.");
            }

            if (due < details.AdoptedOn)
            {
                throw new DomainRuleException("The due date cannot lie before the date adopted.");
            }
        }
        else
        {
            if (details.DueDate is not null)
            {
                throw new DomainRuleException("A recurring obligation has an end date, not a due date.");
            }

            if (details.EndDate is { } end && end < details.AdoptedOn)
            {
                throw new DomainRuleException("The end date cannot lie before the date adopted.");
            }
        }

        var reportingFrom = details.ReportingFrom ?? details.AdoptedOn;
        if ((details.EndDate ?? details.DueDate) is { } last && reportingFrom > last)
        {
            throw new DomainRuleException("Reporting cannot start after the obligation ends.");
        }

        Cadence = details.Cadence;
        DueDate = details.DueDate;
        EndDate = details.EndDate;
        ReportingFrom = reportingFrom;
    }

    /// <summary>
    /// A new college: the alderman <paramref name="from"/> hands this open obligation to <paramref name="to"/>, who takes
    /// their place in the list (or, already listed, keeps theirs). False when there is nothing to hand over.
    /// </summary>
    public bool HandOver(AldermanId from, AldermanId to, string fromName, string toName, DateTime nowUtc, string actor)
    {
        if (IsClosed || from == to || _aldermen.All(a => a.AldermanId != from))
        {
            return false;
        }

        ApplyAldermen([.. ResponsibleAldermen.Select(a => a == from ? to : a).Distinct()]);
        _history.Add(new ObligationHistoryEntry(nowUtc, actor, "handed_over", Reason: $"{fromName} → {toName}") { Sequence = _history.Count + 1 });
        return true;
    }

    private void ApplyAldermen(IReadOnlyList<AldermanId> aldermen)
    {
        if (aldermen.Count == 0)
        {
            throw new DomainRuleException("An obligation has at least one responsible alderman.");
        }

        if (aldermen.Distinct().Count() != aldermen.Count)
        {
            throw new DomainRuleException("An alderman is listed once.");
        }

        _aldermen = [.. aldermen.Select((id, i) => new ResponsibleAlderman(id, i + 1))];
    }

    private void ApplyIndicators(IReadOnlyList<RequiredIndicator> indicators)
    {
        if (indicators.Count == 0)
        {
            throw new DomainRuleException("An obligation requires at least one indicator or information item.");
        }

        if (indicators.Select(i => i.IndicatorId).Distinct().Count() != indicators.Count)
        {
            throw new DomainRuleException("An indicator is required once per obligation.");
        }

        _requiredIndicators =
        [
            .. indicators
                .OrderBy(i => i.Position)
                .Select((i, n) => i with { Position = n + 1, Label = Guard.OptionalText(i.Label, "Label", LabelMaxLength) }),
        ];
    }
}

/// <summary>An alderman responsible for an obligation, in the order they are listed.</summary>
public sealed record ResponsibleAlderman(AldermanId AldermanId, int Position);
