using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.ReportingCycles;
using Mediator;

namespace Governance.Workflows.ReportingCycles;

/// <summary>One indicator's value in a batch, named by the indicator's code.</summary>
public sealed record CycleValueInput(
    string? IndicatorCode,
    decimal? Number = null,
    string? Text = null,
    IReadOnlyList<CategoryValue>? Breakdown = null,
    string? NotAvailableReason = null,
    string? Explanation = null,
    string? Source = null);

/// <summary>
/// Several values of one cycle at once: from the data warehouse over the API or from an imported file.
/// All or nothing: every value is checked as the entry form checks it, and if any fails nothing is
/// stored and every failing line is named. With the client's idempotency key, sending the same batch
/// again answers as the first time and stores nothing twice.
/// </summary>
public sealed record SubmitCycleValuesCommand : ICommand<Result<CycleValuesReceipt>>
{
    public required Guid CycleId { get; init; }

    public IReadOnlyList<CycleValueInput>? Values { get; init; }

    public ValueIntent Intent { get; init; } = ValueIntent.Submit;

    /// <summary>The cycle version read; a machine that did not read first may leave it out (each value is kept beside earlier ones).</summary>
    public int? Version { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>Whose request it is: the account, or the account behind the API key.</summary>
    public required string Principal { get; init; }

    public required Guid? ActingTeamId { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Check everything, store nothing: the preview of an import.</summary>
    public bool DryRun { get; init; }
}

public sealed record CycleValuesReceipt(int Recorded, ReportingCycleStatus CycleStatus, int CycleVersion, bool Replayed);

public sealed class SubmitCycleValuesValidator : AbstractValidator<SubmitCycleValuesCommand>
{
    public SubmitCycleValuesValidator()
    {
        RuleFor(c => c.Values).NotEmpty().WithMessage("Stuur ten minste één waarde.")
            .Must(v => v is null || v.Count <= 500).WithMessage("Stuur hooguit 500 waarden per keer.");
        RuleForEach(c => c.Values).ChildRules(v =>
        {
            v.RuleFor(x => x.IndicatorCode).NotEmpty().WithMessage("De indicatorcode is verplicht.");
            v.RuleFor(x => x).Must(x => ValueFlow.HasExactlyOne(x.Number, x.Text, x.Breakdown, x.NotAvailableReason))
                .OverridePropertyName("value").WithMessage(ValueFlow.ExactlyOneValue);
            v.RuleFor(x => x.Text).MaximumLength(IndicatorValue.TextMaxLength).WithMessage($"Een tekst is hooguit {IndicatorValue.TextMaxLength} tekens.");
            v.RuleFor(x => x.NotAvailableReason).NotEmpty().When(x => x.NotAvailableReason is not null).WithMessage("Geef de reden waarom de waarde niet beschikbaar is.")
                .MaximumLength(IndicatorValue.ReasonMaxLength);
            v.RuleFor(x => x.Explanation).MaximumLength(RecordedValue.ExplanationMaxLength);
            v.RuleFor(x => x.Source).MaximumLength(RecordedValue.SourceMaxLength);
        });
        RuleFor(c => c.IdempotencyKey).MaximumLength(IdempotencyRecord.KeyMaxLength).WithMessage($"Een idempotentiesleutel is hooguit {IdempotencyRecord.KeyMaxLength} tekens.");
        RuleFor(c => c.Intent).IsInEnum();
    }
}

/// <summary>Stored through the process's one <see cref="CycleValueWriter"/>; a dry run is checked beside it.</summary>
public sealed class SubmitCycleValuesHandler(CycleValueWriter writer, IMunicipalityContext scope)
    : ICommandHandler<SubmitCycleValuesCommand, Result<CycleValuesReceipt>>
{
    public async ValueTask<Result<CycleValuesReceipt>> Handle(SubmitCycleValuesCommand command, CancellationToken cancellationToken) =>
        command.DryRun
            ? await writer.CheckAsync(command, SubmissionScope.Of(scope), cancellationToken)
            : await writer.SubmitAsync(command, SubmissionScope.Of(scope), cancellationToken);
}
