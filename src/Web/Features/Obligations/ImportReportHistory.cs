using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.Obligations;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

/// <summary>
/// Brings over a report from before Governance (going live): the figures an obligation's indicators had in an ended
/// period, as a closed report, so letters and entry forms compare new figures with them. An obligation still only
/// registered starts reporting with it.
/// </summary>
public sealed record ImportReportHistoryCommand(Guid ObligationId, ReportingPeriod? Period, IReadOnlyList<HistoricValue>? Values) : ICommand<Result<Guid>>;

/// <summary>One indicator's figure in the period: a number, a text, or not available with the reason; the source if it differs from the definition's.</summary>
public sealed record HistoricValue(string? IndicatorCode, decimal? Number, string? Text, string? NotAvailableReason, string? Source);

public sealed class ImportReportHistoryValidator : AbstractValidator<ImportReportHistoryCommand>
{
    public ImportReportHistoryValidator()
    {
        RuleFor(c => c.Period).NotNull().WithMessage("Kies de periode van de rapportage.");
        RuleFor(c => c.Values).NotEmpty().WithMessage("Geef ten minste één waarde.")
            .Must(v => v is null || v.Select(x => x.IndicatorCode?.Trim().ToUpperInvariant()).Distinct().Count() == v.Count).WithMessage("Een indicator staat er één keer in.");
        RuleForEach(c => c.Values).ChildRules(v =>
        {
            v.RuleFor(x => x.IndicatorCode).NotEmpty().WithMessage("Elke waarde noemt de code van haar indicator.");
            v.RuleFor(x => x).Must(x => new[] { x.Number is not null, !string.IsNullOrWhiteSpace(x.Text), !string.IsNullOrWhiteSpace(x.NotAvailableReason) }.Count(b => b) == 1)
                .WithMessage("Geef per indicator een getal, een tekst of de reden dat de waarde niet beschikbaar is.");
        });
    }
}

public sealed class ImportReportHistoryHandler(
    IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time, WorkingDayCalendar installation, DeadlineRules rules)
    : ICommandHandler<ImportReportHistoryCommand, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ImportReportHistoryCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var obligation = await db.Obligations.SingleOrDefaultAsync(o => o.Id == new ObligationId(command.ObligationId), cancellationToken);
        if (obligation is null)
        {
            return new NotFound("Motie of toezegging");
        }

        var period = command.Period!.Value;
        var today = MunicipalTime.Today(time);
        if (period.End >= today)
        {
            return Invalid("period", $"{period.Display(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} is nog niet voorbij; alleen afgelopen rapportages worden overgenomen.");
        }

        if (await db.ReportingCycles.AnyAsync(c => c.ObligationId == obligation.Id && c.Period == period, cancellationToken))
        {
            return Invalid("period", "Voor deze periode is er al een rapportage.");
        }

        // The measured inputs of a derived indicator are brought over with it, so its earlier figures are computed as now.
        var derived = await DerivedIndicators.LoadAsync(db, cancellationToken);
        var required = obligation.RequiredIndicators.Select(r => r.IndicatorId).ToList();
        required = [.. required.Union(derived.Measured(required))];
        var indicators = await db.Indicators.Include(i => i.Definitions).Where(i => required.Contains(i.Id)).ToDictionaryAsync(i => i.Code, cancellationToken);
        var values = new List<(IndicatorDefinition Definition, IndicatorValue Value, string? Source)>();
        foreach (var given in command.Values!)
        {
            if (!indicators.TryGetValue(Indicator.NormaliseCode(given.IndicatorCode!), out var indicator))
            {
                return Invalid("values", $"Indicator {given.IndicatorCode} hoort niet bij {obligation.Reference}.");
            }

            var value = given.Number is { } number ? IndicatorValue.OfNumber(number)
                : !string.IsNullOrWhiteSpace(given.Text) ? IndicatorValue.OfText(given.Text.Trim())
                : IndicatorValue.NotAvailable(given.NotAvailableReason!.Trim());
            if (value.FitsDefinition(indicator.Current) is { Succeeded: false } misfit)
            {
                return Invalid("values", $"De waarde van {indicator.Code} past niet: {misfit.Error.Message}");
            }

            values.Add((indicator.Current, value, string.IsNullOrWhiteSpace(given.Source) ? indicator.Current.Source : given.Source.Trim()));
        }

        var calendar = new PlanningCalendar(await db.PlanningYears.AsNoTracking().ToListAsync(cancellationToken));
        var schedule = new ReportingSchedule(calendar, calendar.WorkingDays(installation), rules);
        // A quarterly obligation's earlier monitor was yearly: its history is planned as a year.
        var deadlines = schedule.DeadlinesFor(obligation.Cadence == Cadence.Quarterly && period.Kind == PeriodKind.Year ? Cadence.Yearly : obligation.Cadence, period);
        if (!deadlines.Succeeded)
        {
            return Invalid("period", $"De P&C-kalender mist een datum voor deze periode: {deadlines.Error.Message}");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cycle = ReportingCycle.ImportHistory(obligation, period, deadlines.Value, values, user.DisplayName, now);
        db.ReportingCycles.Add(cycle);
        if (obligation.Status == ObligationStatus.Registered)
        {
            new ObligationWorkflow(obligation, today, now, user.DisplayName).Fire(ObligationWorkflow.Trigger.StartReporting);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cycle.Id.Value;
    }

    private static Invalid Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
