using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.ReportingCycles;

/// <summary>
/// Submissions of values on one unit of work: what they need is read once for all of them (their cycles with
/// tasks and values, the indicators' codes and definitions, the histories the data-quality check compares
/// with, the idempotency keys already used), then each is checked whole before any of it is applied, so one
/// that fails leaves the unit of work as it found it. A submission after another to the same cycle sees that
/// one's values, as it would have one request later.
/// </summary>
internal sealed class CycleValueBatch(GovernanceDbContext db, ICycleValueStore store, IndicatorDefinitionCache definitions, ValueRules rules, DateTime nowUtc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<(string Principal, string Key), (string Hash, CycleValuesReceipt Receipt)> _answered = [];
    private readonly Dictionary<ReportingCycleId, ReportingCycle> _touched = [];
    private readonly List<IdempotencyRecord> _answers = [];
    private Dictionary<ReportingCycleId, ReportingCycle> _cycles = [];
    private Dictionary<IndicatorId, string> _codes = [];
    private IReadOnlyDictionary<(IndicatorId, int), IndicatorDefinition> _definitions = new Dictionary<(IndicatorId, int), IndicatorDefinition>();
    private IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>> _histories = new Dictionary<IndicatorId, IReadOnlyList<PeriodValue>>();

    /// <summary>Whether an applied submission changed anything to save.</summary>
    public bool Changed => _touched.Count > 0;

    public async Task LoadAsync(IReadOnlyList<(SubmitCycleValuesCommand Command, SubmissionScope Scope)> submissions, CancellationToken cancellationToken)
    {
        var keyed = submissions.Where(s => s.Command.IdempotencyKey is not null && !s.Command.DryRun).Select(s => s.Command).ToList();
        if (keyed.Count > 0)
        {
            var principals = keyed.Select(c => c.Principal).Distinct().ToList();
            var keys = keyed.Select(c => c.IdempotencyKey!).Distinct().ToList();
            foreach (var record in await store.AnsweredAsync(principals, keys, cancellationToken))
            {
                _answered[(record.Principal, record.Key)] = (record.RequestHash, JsonSerializer.Deserialize<CycleValuesReceipt>(record.Response, Json)!);
            }
        }

        var cycleIds = submissions.Select(s => new ReportingCycleId(s.Command.CycleId)).Distinct().ToList();
        var codes = submissions.SelectMany(s => s.Command.Values ?? []).Select(v => v.IndicatorCode?.Trim().ToUpperInvariant()).OfType<string>().Distinct().ToList();
        (_cycles, _codes) = await store.CyclesAsync(cycleIds, codes, cancellationToken);
        _definitions = await definitions.GetAsync(db, _cycles.Values.SelectMany(c => c.Tasks).Select(t => (t.IndicatorId, t.DefinitionVersion)), cancellationToken);

        // Only a handed-in figure without an explanation is compared with the latest earlier one.
        var compared = new List<(IndicatorTask Task, ReportingPeriod Period)>();
        foreach (var (command, _) in submissions.Where(s => s.Command.Intent == ValueIntent.Submit))
        {
            if (_cycles.GetValueOrDefault(new ReportingCycleId(command.CycleId)) is not { } cycle)
            {
                continue;
            }

            foreach (var value in (command.Values ?? []).Where(v => v.NotAvailableReason is null && v.Text is null && string.IsNullOrWhiteSpace(v.Explanation)))
            {
                if (TaskFor(cycle, value.IndicatorCode) is { } task)
                {
                    compared.Add((task, cycle.Period));
                }
            }
        }

        if (compared.Count > 0)
        {
            _histories = await HistoriesAsync(compared, cancellationToken);
        }
    }

    /// <summary>
    /// The histories the comparisons need, with the same answers as every period's values would give: first only the two
    /// periods before each compared one (a quarter's latest earlier figure is nearly always the quarter before), then
    /// every period of the indicators whose latest earlier figure was not among those two. An indicator's every value
    /// is not read again for every submission (eight quarters of history: eight times the rows).
    /// </summary>
    private async Task<IReadOnlyDictionary<IndicatorId, IReadOnlyList<PeriodValue>>> HistoriesAsync(List<(IndicatorTask Task, ReportingPeriod Period)> compared,
        CancellationToken cancellationToken)
    {
        var recent = compared.Select(c => (c.Task, c.Period, Before: TwoBefore(c.Period))).ToList();
        var periods = recent.SelectMany(c => c.Before).ToHashSet();
        var histories = periods.Count == 0
            ? []
            : new Dictionary<IndicatorId, IReadOnlyList<PeriodValue>>(await store.HistoriesAsync([.. recent.Select(c => c.Task.IndicatorId).Distinct()], periods, cancellationToken));
        var further = recent
            .Where(c => histories.GetValueOrDefault(c.Task.IndicatorId)?.LatestBefore(c.Period, _definitions[(c.Task.IndicatorId, c.Task.DefinitionVersion)]) is not { } found
                        || !c.Before.Contains(found.Period))
            .Select(c => c.Task.IndicatorId)
            .ToHashSet();
        if (further.Count > 0)
        {
            foreach (var (indicator, history) in await store.HistoriesAsync(further, periods: null, cancellationToken))
            {
                histories[indicator] = history;
            }
        }

        return histories;
    }

    /// <summary>The two periods of the same length just before <paramref name="period"/>; none for a date.</summary>
    private static ReportingPeriod[] TwoBefore(ReportingPeriod period) =>
        period.Previous() is not { } previous ? [] : previous.Previous() is { } before ? [previous, before] : [previous];

    /// <summary>Saves what the applied submissions changed, in one transaction; see <see cref="ICycleValueStore.SaveAsync"/>.</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => store.SaveAsync(_touched.Values, _answers, cancellationToken);

    /// <summary>Checks the submission whole and, if it passes and is not a dry run, applies it; the answer to give.</summary>
    public Result<CycleValuesReceipt> Apply(SubmitCycleValuesCommand command, SubmissionScope scope)
    {
        var hash = Hash(command);
        if (command.IdempotencyKey is { } key && !command.DryRun && _answered.TryGetValue((command.Principal, key), out var earlier))
        {
            return earlier.Hash == hash
                ? earlier.Receipt with { Replayed = true }
                : new IdempotencyKeyReused();
        }

        if (!_cycles.TryGetValue(new ReportingCycleId(command.CycleId), out var cycle) || !scope.Sees(cycle.MunicipalityId))
        {
            return new NotFound("Reporting cycle");
        }

        if (command.Version is { } version && (cycle.Version != version || _touched.ContainsKey(cycle.Id)))
        {
            var now = _touched.ContainsKey(cycle.Id) ? cycle.Version + 1 : cycle.Version;
            return new Conflict($"Deze rapportage is intussen gewijzigd (nu versie {now}). Laad haar opnieuw; er is niets opgeslagen.");
        }

        if (ValueFlow.NotCollecting(cycle) is { } notCollecting)
        {
            return new CycleNotCollecting(notCollecting);
        }

        var checkedValues = Check(command, cycle);
        if (!checkedValues.Succeeded)
        {
            return checkedValues.Error;
        }

        if (command.DryRun)
        {
            return new CycleValuesReceipt(checkedValues.Value.Count, cycle.Status, cycle.Version, Replayed: false);
        }

        foreach (var (task, definition, value, input) in checkedValues.Value)
        {
            ValueFlow.Apply(task, definition, value, input.Explanation?.Trim(), input.Source?.Trim(), command.Intent, command.RecordedBy, nowUtc);
        }

        ValueFlow.Advance(cycle, nowUtc, command.RecordedBy);
        _touched[cycle.Id] = cycle;

        // The version after the save: every change to the cycle or its tasks bumps it once.
        var receipt = new CycleValuesReceipt(checkedValues.Value.Count, cycle.Status, cycle.Version + 1, Replayed: false);
        if (command.IdempotencyKey is { } idempotencyKey)
        {
            _answers.Add(new IdempotencyRecord(command.Principal, idempotencyKey, hash, JsonSerializer.Serialize(receipt, Json), nowUtc));
            _answered[(command.Principal, idempotencyKey)] = (hash, receipt);
        }

        return receipt;
    }

    /// <summary>Every value checked as the entry form checks it; nothing is changed. Every failing line is named.</summary>
    private Result<List<(IndicatorTask Task, IndicatorDefinition Definition, IndicatorValue Value, CycleValueInput Input)>> Check(SubmitCycleValuesCommand command, ReportingCycle cycle)
    {
        var errors = new Dictionary<string, string[]>();
        var accepted = new List<(IndicatorTask, IndicatorDefinition, IndicatorValue, CycleValueInput)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var values = command.Values!;
        for (var i = 0; i < values.Count; i++)
        {
            var input = values[i];
            var field = $"values[{i}]";
            var code = input.IndicatorCode!.Trim();
            var task = TaskFor(cycle, code);
            if (task is null)
            {
                errors[$"{field}.indicatorCode"] = [$"'{input.IndicatorCode}' is geen indicator van deze rapportage."];
                continue;
            }

            if (!seen.Add(code))
            {
                errors[$"{field}.indicatorCode"] = [$"'{input.IndicatorCode}' staat meer dan eens in deze zending."];
                continue;
            }

            var definition = _definitions[(task.IndicatorId, task.DefinitionVersion)];
            var value = ValueFlow.ValueOf(input.Number, input.Text, input.Breakdown, input.NotAvailableReason);
            if (ValueFlow.Refusal(cycle, task, command.ActingTeamId, command.Intent, definition, value, input.Explanation, rules,
                    _histories.GetValueOrDefault(definition.IndicatorId) ?? []) is { } refused)
            {
                errors[$"{field}.{(refused.Field == ValueRefusal.Team ? "indicatorCode" : refused.Field)}"] = [refused.Message];
                continue;
            }

            accepted.Add((task, definition, value, input));
        }

        return errors.Count > 0 ? new Invalid(errors) : accepted;
    }

    private IndicatorTask? TaskFor(ReportingCycle cycle, string? code) =>
        cycle.Tasks.FirstOrDefault(t => string.Equals(_codes.GetValueOrDefault(t.IndicatorId), code?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static async Task<Result<CycleValuesReceipt>?> ReplayAsync(GovernanceDbContext db, string principal, string key, string hash, CancellationToken cancellationToken)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Principal == principal && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != hash)
        {
            return new IdempotencyKeyReused();
        }

        return JsonSerializer.Deserialize<CycleValuesReceipt>(record.Response, Json)! with { Replayed = true };
    }

    /// <summary>What was asked, not who or when: the same batch to the same cycle hashes the same.</summary>
    public static string Hash(SubmitCycleValuesCommand command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { command.CycleId, command.Values, command.Intent, command.Version }, Json))));
}
