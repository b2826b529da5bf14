using System.Globalization;
using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Planning;

/// <summary>The municipality's P&amp;C calendar, year by year.</summary>
public sealed record ListPlanningYearsQuery : IQuery<IReadOnlyList<PlanningYearLine>>;

public sealed record PlanningYearLine(
    int Year,
    DateOnly? FirstManagementReport,
    DateOnly? AnnualAccounts,
    DateOnly? SpringMemorandum,
    DateOnly? Budget,
    IReadOnlyList<DateOnly> CouncilMeetings,
    IReadOnlyList<CommitteeMeetingLine> CommitteeMeetings,
    IReadOnlyList<DutchHoliday> Holidays,
    IReadOnlyList<DateOnly> ClosedDays,
    int Version);

public sealed record CommitteeMeetingLine(Guid CommitteeId, string Committee, DateOnly Date);

public sealed record CommitteeMeetingInput(Guid CommitteeId, DateOnly Date);

/// <summary>
/// Adds a year to the calendar (<paramref name="Adding"/>) or changes one (the <paramref name="Version"/> read): every date
/// and list is given whole; holidays left out keep (or, for a new year, take the installation's) set.
/// The running reports whose deadlines depend on what changed are planned again, each with a journal line, and the
/// people whose deadline moved are told.
/// </summary>
public sealed record SavePlanningYearCommand(
    int Year,
    DateOnly? FirstManagementReport,
    DateOnly? AnnualAccounts,
    DateOnly? SpringMemorandum,
    DateOnly? Budget,
    IReadOnlyList<DateOnly>? CouncilMeetings,
    IReadOnlyList<CommitteeMeetingInput>? CommitteeMeetings,
    IReadOnlyList<DutchHoliday>? Holidays,
    IReadOnlyList<DateOnly>? ClosedDays,
    int? Version,
    bool Adding = false) : ICommand<Result<PlanningYearSaved>>;

/// <summary>The year as saved, and what it did to the running reports.</summary>
public sealed record PlanningYearSaved(PlanningYearLine Year, int CyclesMoved, int Notifications);

public sealed class SavePlanningYearValidator : AbstractValidator<SavePlanningYearCommand>
{
    public SavePlanningYearValidator()
    {
        RuleFor(c => c.Version).NotNull().When(c => !c.Adding).WithMessage("Geef de versie mee die u las, zodat een wijziging van een ander niet wordt overschreven.");
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("Kies een jaar tussen 2000 en 2100.");
        RuleFor(c => c.FirstManagementReport).Must((c, d) => d is not { } date || date.Year == c.Year)
            .WithMessage(c => $"De 1e berap van {c.Year} komt in {c.Year} in de raad.");
        RuleFor(c => c.AnnualAccounts).Must((c, d) => d is not { } date || date.Year == c.Year + 1)
            .WithMessage(c => $"De jaarrekening over {c.Year} komt in {c.Year + 1} in de raad.");
        RuleFor(c => c.SpringMemorandum).Must((c, d) => d is not { } date || date.Year == c.Year)
            .WithMessage(c => $"De voorjaarsnota van {c.Year} komt in {c.Year} in de raad.");
        RuleFor(c => c.Budget).Must((c, d) => d is not { } date || date.Year == c.Year)
            .WithMessage(c => $"De begroting die in {c.Year} wordt behandeld, komt in {c.Year} in de raad.");
        RuleFor(c => c.CouncilMeetings).Must((c, d) => d is null || d.All(date => date.Year == c.Year))
            .WithMessage(c => $"Elke raadsvergadering van {c.Year} valt in {c.Year}.")
            .Must(d => d is null || d.Count <= PlanningYear.MaxDates).WithMessage($"Een jaar heeft hooguit {PlanningYear.MaxDates} raadsvergaderingen.");
        RuleFor(c => c.CommitteeMeetings).Must((c, d) => d is null || d.All(m => m.Date.Year == c.Year))
            .WithMessage(c => $"Elke commissievergadering van {c.Year} valt in {c.Year}.")
            .Must(d => d is null || d.Count <= PlanningYear.MaxDates * 4).WithMessage($"Een jaar heeft hooguit {PlanningYear.MaxDates * 4} commissievergaderingen.");
        RuleFor(c => c.ClosedDays).Must((c, d) => d is null || d.All(date => date.Year == c.Year))
            .WithMessage(c => $"Elke extra sluitingsdag van {c.Year} valt in {c.Year}.")
            .Must(d => d is null || d.Count <= PlanningYear.MaxDates).WithMessage($"Een jaar heeft hooguit {PlanningYear.MaxDates} extra sluitingsdagen.");
    }
}

internal static class PlanningYears
{
    public static async Task<IReadOnlyList<PlanningYearLine>> AllAsync(GovernanceDbContext db, CancellationToken cancellationToken)
    {
        var years = await db.PlanningYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return [.. years.Select(y => Line(y, committees))];
    }

    public static PlanningYearLine Line(PlanningYear y, IReadOnlyDictionary<CommitteeId, string> committees) => new(
        y.Year, y.FirstManagementReport, y.AnnualAccounts, y.SpringMemorandum, y.Budget, y.CouncilMeetings,
        [.. y.CommitteeMeetings.Select(m => new CommitteeMeetingLine(m.CommitteeId.Value, committees.GetValueOrDefault(m.CommitteeId) ?? "?", m.Date))],
        y.Holidays, y.ClosedDays, y.Version);
}

public sealed class ListPlanningYearsHandler(IDbContextFactory<GovernanceDbContext> dbFactory)
    : IQueryHandler<ListPlanningYearsQuery, IReadOnlyList<PlanningYearLine>>
{
    public async ValueTask<IReadOnlyList<PlanningYearLine>> Handle(ListPlanningYearsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PlanningYears.AllAsync(db, cancellationToken);
    }
}

public sealed class SavePlanningYearHandler(
    IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit, CycleRescheduler rescheduler, WorkingDayCalendar installation, DeadlineRules rules)
    : ICommandHandler<SavePlanningYearCommand, Result<PlanningYearSaved>>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<Result<PlanningYearSaved>> Handle(SavePlanningYearCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente houdt de P&C-kalender bij.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await db.PlanningYears.ToListAsync(cancellationToken);
        var year = years.SingleOrDefault(y => y.Year == command.Year);
        if (!command.Adding)
        {
            if (year is null)
            {
                return new NotFound("Kalenderjaar");
            }

            if (year.Version != command.Version)
            {
                return new Conflict("Iemand anders heeft dit kalenderjaar intussen gewijzigd. Laad de kalender opnieuw.");
            }
        }
        else if (year is not null)
        {
            return new Conflict($"De kalender heeft {command.Year} al. Wijzig dat jaar in plaats van het opnieuw toe te voegen.");
        }

        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var meetings = (command.CommitteeMeetings ?? []).Select(m => new CommitteeMeeting(new CommitteeId(m.CommitteeId), m.Date)).ToList();
        if (meetings.Any(m => !committees.ContainsKey(m.CommitteeId)))
        {
            return new Invalid(new Dictionary<string, string[]> { ["committeeMeetings"] = ["Kies voor elke commissievergadering een commissie die bestaat."] });
        }

        var before = year is null ? null : PlanningYears.Line(year, committees);
        if (year is null)
        {
            year = new PlanningYear(municipality, command.Year, installation.HolidaysIn(command.Year));
            db.PlanningYears.Add(year);
            years.Add(year);
        }

        year.SetFirstManagementReport(command.FirstManagementReport);
        year.SetAnnualAccounts(command.AnnualAccounts);
        year.SetSpringMemorandum(command.SpringMemorandum);
        year.SetBudget(command.Budget);
        year.SetCouncilMeetings(command.CouncilMeetings ?? []);
        year.SetCommitteeMeetings(meetings);
        if (command.Holidays is { } holidays)
        {
            year.SetHolidays(holidays);
        }

        year.SetClosedDays(command.ClosedDays ?? []);
        if (TooEarly(years, year) is { } tooEarly)
        {
            return new Invalid(tooEarly);
        }

        var after = PlanningYears.Line(year, committees);
        audit.Record(db, AuditAction.PlanningChanged, $"P&C-kalender {command.Year}", Changes(before, after));
        var report = await rescheduler.RescheduleAsync(db, municipality, years, user.DisplayName, $"de P&C-kalender {command.Year} is gewijzigd", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new PlanningYearSaved(PlanningYears.Line(year, committees), report.CyclesMoved, report.Notifications);
    }

    /// <summary>A council date so early that the figures over the half-year would be due before it ends is refused, with the field named.</summary>
    private Dictionary<string, string[]>? TooEarly(IEnumerable<PlanningYear> years, PlanningYear year)
    {
        var calendar = new PlanningCalendar(years);
        var schedule = new ReportingSchedule(calendar, calendar.WorkingDays(installation), rules);
        var errors = new Dictionary<string, string[]>();
        if (year.FirstManagementReport is not null && !schedule.DeadlinesFor(Domain.Obligations.Cadence.HalfYearly, ReportingPeriod.HalfYear(year.Year, 1)).Succeeded)
        {
            errors["firstManagementReport"] = [$"De 1e berap ligt te vroeg: de cijfers over het eerste halfjaar van {year.Year} zouden dan vóór 30 juni binnen moeten zijn."];
        }

        if (year.AnnualAccounts is not null && !schedule.DeadlinesFor(Domain.Obligations.Cadence.HalfYearly, ReportingPeriod.FullYear(year.Year)).Succeeded)
        {
            errors["annualAccounts"] = [$"De jaarrekening ligt te vroeg: de cijfers over {year.Year} zouden dan vóór 31 december binnen moeten zijn."];
        }

        return errors.Count == 0 ? null : errors;
    }

    private static IEnumerable<AuditChange> Changes(PlanningYearLine? before, PlanningYearLine after)
    {
        static string? Day(DateOnly? d) => d?.ToString("d MMMM yyyy", Dutch);
        static string Days(IEnumerable<DateOnly> dates) => string.Join(", ", dates.Select(d => d.ToString("d MMM", Dutch)));
        static string Meetings(IEnumerable<CommitteeMeetingLine> meetings) => string.Join(", ", meetings.Select(m => $"{m.Committee} {m.Date.ToString("d MMM", Dutch)}"));
        static string Holidays(IEnumerable<DutchHoliday> holidays) => string.Join(", ", holidays.Select(h => h.ToString()));
        AuditChange Change(string field, string? from, string? to) => before is null ? AuditChange.Set(field, to) : new AuditChange(field, from, to);
        return
        [
            Change("1e berap", Day(before?.FirstManagementReport), Day(after.FirstManagementReport)),
            Change("Jaarrekening", Day(before?.AnnualAccounts), Day(after.AnnualAccounts)),
            Change("Voorjaarsnota", Day(before?.SpringMemorandum), Day(after.SpringMemorandum)),
            Change("Begroting", Day(before?.Budget), Day(after.Budget)),
            Change("Raadsvergaderingen", before is null ? null : Days(before.CouncilMeetings), Days(after.CouncilMeetings)),
            Change("Commissievergaderingen", before is null ? null : Meetings(before.CommitteeMeetings), Meetings(after.CommitteeMeetings)),
            Change("Feestdagen", before is null ? null : Holidays(before.Holidays), Holidays(after.Holidays)),
            Change("Extra sluitingsdagen", before is null ? null : Days(before.ClosedDays), Days(after.ClosedDays)),
        ];
    }
}
