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
/// Staff record one indicator value for a cycle: a number, a text, a breakdown, or "not available" with the reason,
/// from the entry form or the single-value API. The checks are <see cref="ValueFlow.Refusal"/>, the same the data
/// warehouse and the import go through (<see cref="SubmitCycleValuesCommand"/>); the value is kept beside earlier ones
/// (a handed-in one is replaced while the report collects), the task moves (draft, submitted, not available) and the
/// cycle with it (collecting, and complete once every required value is submitted or explained), all in one save.
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
        RuleFor(c => c).Must(c => ValueFlow.HasExactlyOne(c.Number, c.Text, c.Breakdown, c.NotAvailableReason))
            .WithName("value").OverridePropertyName("value").WithMessage(ValueFlow.ExactlyOneValue);
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

        if (cycle.Version != command.Version)
        {
            return new Conflict($"Deze rapportage is intussen gewijzigd (nu versie {cycle.Version}). Laad haar opnieuw; uw waarde is niet opgeslagen.");
        }

        var definition = await db.IndicatorDefinitions.SingleAsync(d => d.IndicatorId == task.IndicatorId && d.VersionNumber == task.DefinitionVersion, cancellationToken);
        var value = ValueFlow.ValueOf(command.Number, command.Text, command.Breakdown, command.NotAvailableReason);
        var history = await IndicatorHistory.LoadAsync(db, definition.IndicatorId, cancellationToken);
        switch (ValueFlow.Refusal(cycle, task, command.ActingTeamId, command.Intent, definition, value, command.Explanation, rules, history))
        {
            case { Field: ValueRefusal.Team } refused:
                return new Forbidden(refused.Message);
            case { Field: ValueRefusal.Cycle } refused:
                return new CycleNotCollecting(refused.Message);
            case { } refused:
                return new Invalid(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] });
        }

        var now = time.GetUtcNow().UtcDateTime;
        ValueFlow.Apply(task, definition, value, command.Explanation, command.Source, command.Intent, command.RecordedBy, now);
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
