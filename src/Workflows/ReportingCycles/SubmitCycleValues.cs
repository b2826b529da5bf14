using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
            v.RuleFor(x => x).Must(x => new object?[] { x.Number, x.Text, x.Breakdown, x.NotAvailableReason }.Count(o => o is not null) == 1)
                .OverridePropertyName("value")
                .WithMessage("Geef precies één van: een getal, een tekst, waarden per categorie, of 'niet beschikbaar' met de reden.");
            v.RuleFor(x => x.NotAvailableReason).NotEmpty().When(x => x.NotAvailableReason is not null).WithMessage("Geef de reden waarom de waarde niet beschikbaar is.");
            v.RuleFor(x => x.Explanation).MaximumLength(RecordedValue.ExplanationMaxLength);
            v.RuleFor(x => x.Source).MaximumLength(RecordedValue.SourceMaxLength);
        });
        RuleFor(c => c.IdempotencyKey).MaximumLength(IdempotencyRecord.KeyMaxLength).WithMessage($"Een idempotentiesleutel is hooguit {IdempotencyRecord.KeyMaxLength} tekens.");
        RuleFor(c => c.Intent).IsInEnum();
    }
}

public sealed class SubmitCycleValuesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time, ValueRules rules)
    : ICommandHandler<SubmitCycleValuesCommand, Result<CycleValuesReceipt>>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<Result<CycleValuesReceipt>> Handle(SubmitCycleValuesCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(command);
        if (command.IdempotencyKey is { } key && !command.DryRun && await ReplayAsync(db, command.Principal, key, hash, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var cycle = await db.ReportingCycles.Include(c => c.Tasks).ThenInclude(t => t.Values)
            .SingleOrDefaultAsync(c => c.Id == new ReportingCycleId(command.CycleId), cancellationToken);
        if (cycle is null)
        {
            return new NotFound("Reporting cycle");
        }

        if (command.Version is { } version && cycle.Version != version)
        {
            return new Conflict($"Deze rapportage is intussen gewijzigd (nu versie {cycle.Version}). Laad haar opnieuw; er is niets opgeslagen.");
        }

        if (cycle.Status is not (ReportingCycleStatus.Open or ReportingCycleStatus.Collecting))
        {
            return new RuleViolated("cycle_not_collecting", $"Deze rapportage staat op {cycle.Status}: waarden worden vastgelegd zolang zij open is of verzamelt.");
        }

        var indicatorIds = cycle.Tasks.Select(t => t.IndicatorId).ToList();
        var codes = await db.Indicators.Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var definitions = await db.IndicatorDefinitions.Where(d => indicatorIds.Contains(d.IndicatorId)).ToListAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow().UtcDateTime;
        var recorded = new List<(IndicatorTask Task, IndicatorValue Value)>();
        var values = command.Values!;
        for (var i = 0; i < values.Count; i++)
        {
            var input = values[i];
            var field = $"values[{i}]";
            if (!codes.TryGetValue(input.IndicatorCode!.Trim(), out var indicatorId))
            {
                errors[$"{field}.indicatorCode"] = [$"'{input.IndicatorCode}' is geen indicator van deze rapportage."];
                continue;
            }

            var task = cycle.TaskFor(indicatorId)!;
            if (recorded.Any(r => r.Task == task) || values.Take(i).Any(v => string.Equals(v.IndicatorCode?.Trim(), input.IndicatorCode.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                errors[$"{field}.indicatorCode"] = [$"'{input.IndicatorCode}' staat meer dan eens in deze zending."];
                continue;
            }

            if (command.ActingTeamId != task.TeamId.Value)
            {
                errors[$"{field}.indicatorCode"] = [$"'{input.IndicatorCode}' wordt door een ander team aangeleverd."];
                continue;
            }

            if (task.Status.IsDone() && command.Intent == ValueIntent.SaveDraft)
            {
                errors[field] = ["Deze waarde is al ingediend; een concept kan er niet overheen."];
                continue;
            }

            var definition = definitions.Single(d => d.IndicatorId == indicatorId && d.VersionNumber == task.DefinitionVersion);
            var value = ValueFlow.ValueOf(input.Number, input.Text, input.Breakdown, input.NotAvailableReason);
            if (await ValueFlow.UnexplainedChangeAsync(db, rules, cycle, definition, value, input.Explanation, command.Intent, cancellationToken) is { } unexplained)
            {
                errors[$"{field}.explanation"] = [unexplained];
                continue;
            }

            var result = task.Record(definition, value, input.Explanation?.Trim(), input.Source?.Trim(), command.RecordedBy, now);
            if (!result.Succeeded)
            {
                errors[$"{field}.value"] = [result.Error!.Message];
                continue;
            }

            recorded.Add((task, value));
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        if (command.DryRun)
        {
            return new CycleValuesReceipt(recorded.Count, cycle.Status, cycle.Version, Replayed: false);
        }

        foreach (var (task, value) in recorded)
        {
            var flow = new IndicatorTaskWorkflow(task);
            if (task.Status.IsDone())
            {
                // A corrected figure replaces a handed-in one: it goes back and in again, both kept in the history.
                flow.Fire(IndicatorTaskWorkflow.Trigger.Return, "Vervangen door een nieuwe aanlevering.");
            }

            var moved = flow.Fire(ValueFlow.TriggerFor(value, command.Intent));
            if (!moved.Succeeded)
            {
                return moved.Error!;
            }
        }

        ValueFlow.Advance(cycle, now, command.RecordedBy);

        // The version after this save: every change to the cycle or its tasks bumps it once.
        var receipt = new CycleValuesReceipt(recorded.Count, cycle.Status, cycle.Version + 1, Replayed: false);
        if (command.IdempotencyKey is { } idempotencyKey)
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord(command.Principal, idempotencyKey, hash, JsonSerializer.Serialize(receipt, Json), now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key raced in from another request, or the cycle changed meanwhile: answer as that request did, or ask to reload.
            await using var again = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (command.IdempotencyKey is { } raced && await ReplayAsync(again, command.Principal, raced, hash, cancellationToken) is { } first)
            {
                return first;
            }

            return new Conflict("Iemand anders heeft tegelijk waarden voor deze rapportage opgeslagen. Probeer het opnieuw; er is niets opgeslagen.");
        }

        return receipt with { CycleVersion = cycle.Version };
    }

    private static async Task<Result<CycleValuesReceipt>?> ReplayAsync(GovernanceDbContext db, string principal, string key, string hash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Principal == principal && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != hash)
        {
            return new RuleViolated("idempotency_key_reused", "Deze idempotentiesleutel is al gebruikt voor een andere zending. Gebruik een nieuwe sleutel.");
        }

        return JsonSerializer.Deserialize<CycleValuesReceipt>(record.Response, Json)! with { Replayed = true };
    }

    /// <summary>What was asked, not who or when: the same batch to the same cycle hashes the same.</summary>
    private static string Hash(SubmitCycleValuesCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { command.CycleId, command.Values, command.Intent, command.Version }, Json))));
}
