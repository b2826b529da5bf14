using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

public enum ValueIntent
{
    /// <summary>Keep it as a draft; the task stays open for changes.</summary>
    SaveDraft,

    /// <summary>Hand it in: the value counts for the letter.</summary>
    Submit,
}

/// <summary>
/// Staff record an indicator value for a cycle: a number, a text, a breakdown, or "not available" with
/// the reason. The value is checked against the definition the task was opened under and kept beside
/// earlier ones; the task moves (draft, submitted, not available) and the cycle with it (collecting,
/// and complete once every required value is submitted or explained), all in one save. Used by the
/// entry form, the API, imports and the data warehouse alike.
/// </summary>
public sealed record RecordIndicatorValueCommand : ICommand<Result<RecordedValueReceipt>>
{
    public required Guid CycleId { get; init; }

    public required Guid TaskId { get; init; }

    public decimal? Number { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<CategoryValue>? Breakdown { get; init; }

    public string? NotAvailableReason { get; init; }

    public string? Explanation { get; init; }

    public string? Source { get; init; }

    public ValueIntent Intent { get; init; } = ValueIntent.Submit;

    /// <summary>The cycle version read, so a value never lands on a cycle that moved meanwhile unseen.</summary>
    public int? Version { get; init; }

    /// <summary>Who records it.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>The team of the person recording: staff supply only their own team's values.</summary>
    public required Guid? ActingTeamId { get; init; }
}

public sealed record RecordedValueReceipt(IndicatorTaskStatus TaskStatus, ReportingCycleStatus CycleStatus, int CycleVersion);

public sealed class RecordIndicatorValueValidator : AbstractValidator<RecordIndicatorValueCommand>
{
    public RecordIndicatorValueValidator()
    {
        RuleFor(c => c).Must(c => new object?[] { c.Number, c.Text, c.Breakdown, c.NotAvailableReason }.Count(v => v is not null) == 1)
            .WithName("value").OverridePropertyName("value")
            .WithMessage("Geef precies één van: een getal, een tekst, waarden per categorie, of 'niet beschikbaar' met de reden.");
        RuleFor(c => c.Text).MaximumLength(IndicatorValue.TextMaxLength).WithMessage($"Een tekst is hooguit {IndicatorValue.TextMaxLength} tekens.");
        RuleFor(c => c.NotAvailableReason).NotEmpty().When(c => c.NotAvailableReason is not null)
            .WithMessage("Geef de reden waarom de waarde niet beschikbaar is.")
            .MaximumLength(IndicatorValue.ReasonMaxLength);
        RuleFor(c => c.Explanation).MaximumLength(RecordedValue.ExplanationMaxLength);
        RuleFor(c => c.Source).MaximumLength(RecordedValue.SourceMaxLength);
        RuleFor(c => c.Intent).IsInEnum();
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class RecordIndicatorValueHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time, ValueRules rules)
    : ICommandHandler<RecordIndicatorValueCommand, Result<RecordedValueReceipt>>
{
    public async ValueTask<Result<RecordedValueReceipt>> Handle(RecordIndicatorValueCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycleId = new ReportingCycleId(command.CycleId);
        // A query per collection: as one, the tasks with their values are a joined subquery SQLite reads whole for every cycle.
        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var task = cycle?.Tasks.SingleOrDefault(t => t.Id == new IndicatorTaskId(command.TaskId));
        if (cycle is null || task is null)
        {
            return new NotFound("Indicator task");
        }

        if (command.ActingTeamId is not { } team || task.TeamId.Value != team)
        {
            return new Forbidden("Values are supplied by the team the indicator belongs to.");
        }

        if (cycle.Version != command.Version)
        {
            return new Conflict($"Deze rapportage is intussen gewijzigd (nu versie {cycle.Version}). Laad haar opnieuw; uw waarde is niet opgeslagen.");
        }

        if (cycle.Status is not (ReportingCycleStatus.Open or ReportingCycleStatus.Collecting))
        {
            return new RuleViolated("cycle_not_collecting", $"This report is {cycle.Status}: values are recorded while it is open or collecting.");
        }

        var definition = await db.IndicatorDefinitions.SingleAsync(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion, cancellationToken);
        var value = ValueFlow.ValueOf(command.Number, command.Text, command.Breakdown, command.NotAvailableReason);
        if (await ValueFlow.UnexplainedChangeAsync(db, rules, cycle, definition, value, command.Explanation, command.Intent, cancellationToken) is { } unexplained)
        {
            return new Invalid(new Dictionary<string, string[]> { ["explanation"] = [unexplained] });
        }

        var now = time.GetUtcNow().UtcDateTime;
        var recorded = task.Record(definition, value, command.Explanation, command.Source, command.RecordedBy, now);
        if (!recorded.Succeeded)
        {
            return new Invalid(new Dictionary<string, string[]> { ["value"] = [recorded.Error!.Message] });
        }

        var moved = new IndicatorTaskWorkflow(task).Fire(ValueFlow.TriggerFor(value, command.Intent));
        if (!moved.Succeeded)
        {
            return moved.Error!;
        }

        ValueFlow.Advance(cycle, now, command.RecordedBy);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Conflict("Iemand anders heeft tegelijk een waarde voor deze rapportage opgeslagen. Laad haar opnieuw; uw waarde is niet opgeslagen.");
        }

        return new RecordedValueReceipt(task.Status, cycle.Status, cycle.Version);
    }
}
