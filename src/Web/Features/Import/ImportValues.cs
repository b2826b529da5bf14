using System.Text;
using System.Text.RegularExpressions;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Import;

/// <summary>
/// Imports a cycle's values from a file: first a preview (every line checked as the form checks it,
/// nothing stored), then all or nothing. The lines keep their numbers in the file so people can fix them.
/// </summary>
public sealed record ImportValuesCommand(Guid CycleId, byte[] Content, string FileName, Notation Notation, bool DryRun, ValueIntent Intent = ValueIntent.Submit)
    : ICommand<Result<ImportOutcome>>;

public sealed record ImportOutcome(IReadOnlyList<ImportLine> Lines, string? FileError, bool Stored, int Recorded)
{
    public bool HasErrors => FileError is not null || Lines.Any(l => l.Error is not null);
}

public sealed partial class ImportValuesHandler(IDbContextFactory<GovernanceDbContext> dbFactory, ISender sender, CurrentUser user)
    : ICommandHandler<ImportValuesCommand, Result<ImportOutcome>>
{
    public async ValueTask<Result<ImportOutcome>> Handle(ImportValuesCommand command, CancellationToken cancellationToken)
    {
        Dictionary<string, IndicatorKind> kinds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var cycleId = new ReportingCycleId(command.CycleId);
            var tasks = await (from t in db.IndicatorTasks
                               join d in db.IndicatorDefinitions on new { t.IndicatorId, V = t.DefinitionVersion } equals new { d.IndicatorId, V = d.VersionNumber }
                               join i in db.Indicators on t.IndicatorId equals i.Id
                               where t.CycleId == cycleId
                               select new { i.Code, d.Kind }).ToListAsync(cancellationToken);
            if (tasks.Count == 0)
            {
                return new NotFound("Reporting cycle");
            }

            kinds = tasks.ToDictionary(t => t.Code, t => t.Kind, StringComparer.OrdinalIgnoreCase);
        }

        var file = await ValueFile.ReadAsync(new MemoryStream(command.Content), command.FileName, command.Notation, kinds, cancellationToken);
        // The lines that read are checked as the form checks them even when others do not read: a preview names every
        // line that will be refused, not only the ones that failed to parse. With any line wrong nothing is stored.
        var readable = file.Lines.Select((line, index) => (Line: line, Index: index)).Where(l => l.Line.Error is null && l.Line.Value is not null).ToList();
        if (file.Error is not null || readable.Count == 0)
        {
            return Outcome(command, new ImportOutcome(file.Lines, file.Error, false, 0));
        }

        var complete = readable.Count == file.Lines.Count;
        var result = await sender.Send(new SubmitCycleValuesCommand
        {
            CycleId = command.CycleId,
            Values = [.. readable.Select(l => l.Line.Value!)],
            Intent = command.Intent,
            RecordedBy = user.DisplayName,
            Principal = user.UserId ?? "",
            ActingTeamId = user.TeamId?.Value,
            DryRun = command.DryRun || !complete,
        }, cancellationToken);
        if (result.Succeeded)
        {
            return complete
                ? new ImportOutcome(file.Lines, null, !command.DryRun, result.Value.Recorded)
                : Outcome(command, new ImportOutcome(file.Lines, null, false, 0));
        }

        if (result.Error is not Invalid invalid)
        {
            return result.Error;
        }

        // values[3].explanation → the fourth readable value's line in the file.
        var lines = file.Lines.ToList();
        foreach (var (position, (line, index)) in readable.Index())
        {
            var messages = invalid.Fields.Where(f => Index(f.Key) == position).SelectMany(f => f.Value).ToList();
            if (messages.Count > 0)
            {
                lines[index] = line with { Error = string.Join(" ", messages) };
            }
        }

        var general = invalid.Fields.Where(f => Index(f.Key) is null).SelectMany(f => f.Value).ToList();
        return Outcome(command, new ImportOutcome(lines, general.Count == 0 ? null : string.Join(" ", general), false, 0));
    }

    /// <summary>A preview shows what is wrong; an import with errors is refused with the lines named (nothing stored).</summary>
    private static Result<ImportOutcome> Outcome(ImportValuesCommand command, ImportOutcome outcome)
    {
        if (command.DryRun || !outcome.HasErrors)
        {
            return outcome;
        }

        var errors = outcome.Lines.Where(l => l.Error is not null).ToDictionary(l => $"line {l.Line}", l => new[] { l.Error! });
        if (outcome.FileError is { } fileError)
        {
            errors["file"] = [fileError];
        }

        return new Invalid(errors);
    }

    private static int? Index(string key) => ValueIndex().Match(key) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^values\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex ValueIndex();
}

/// <summary>The import template of a cycle: one line per indicator, with code and name filled in.</summary>
public sealed record ImportTemplateQuery(Guid CycleId) : IQuery<Result<ImportTemplate>>;

public sealed record ImportTemplate(string FileName, byte[] Content);

public sealed class ImportTemplateHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ImportTemplateQuery, Result<ImportTemplate>>
{
    public async ValueTask<Result<ImportTemplate>> Handle(ImportTemplateQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cycleId = new ReportingCycleId(query.CycleId);
        var cycle = await db.ReportingCycles.AsNoTracking().Where(c => c.Id == cycleId)
            .Select(c => new { c.Period, Reference = db.Obligations.Where(o => o.Id == c.ObligationId).Select(o => o.Reference).First() }).SingleOrDefaultAsync(cancellationToken);
        if (cycle is null)
        {
            return new NotFound("Reporting cycle");
        }

        var indicators = await (from t in db.IndicatorTasks
                                join d in db.IndicatorDefinitions on new { t.IndicatorId, V = t.DefinitionVersion } equals new { d.IndicatorId, V = d.VersionNumber }
                                join i in db.Indicators on t.IndicatorId equals i.Id
                                where t.CycleId == cycleId
                                orderby i.Code
                                select new { i.Code, d.Name }).ToListAsync(cancellationToken);
        var text = ValueFile.Template(indicators.Select(i => (i.Code, i.Name)));
        return new ImportTemplate($"waarden-{cycle.Reference}-{cycle.Period.Code}.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
    }
}
