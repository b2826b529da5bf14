using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Web.Features.Obligations;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.PublicRegister;

/// <summary>
/// What the register said about an item on a past day (<c>?op=2025-06-30</c>), from the history the system keeps:
/// whether it was in the register then (registered by that day and public then, and still public now: an item taken
/// out stays out of every view), its status (the last status change up to the end of that day), and its deadline with
/// the extensions decided after that day undone. Titles and texts are shown as they read now.
/// </summary>
internal static partial class PublicAsOf
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public sealed record State(ObligationStatus Status, DateOnly? Deadline, bool Overdue);

    /// <summary>The first moment after <paramref name="day"/> in the municipality's time, in UTC.</summary>
    public static DateTime EndUtc(DateOnly day) => MunicipalTime.ToUtc(day.AddDays(1), TimeOnly.MinValue);

    /// <summary>A day to look back to: a date in the past (today is now); none for anything else.</summary>
    public static DateOnly? Day(string? text, DateOnly today) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day < today && day.Year >= 1990 ? day : null;

    /// <summary>The item as the register showed it now.</summary>
    public static State Now(Obligation obligation, DateOnly today)
    {
        var deadline = obligation.Cadence == Cadence.Once ? obligation.DueDate : obligation.EndDate;
        return new State(obligation.Status, deadline, IsOverdue(obligation.Status, deadline, today));
    }

    /// <summary>The item as the register showed it at the end of <paramref name="day"/>; none when it was not in the public register then.</summary>
    public static State? At(Obligation obligation, DateOnly day)
    {
        if (!obligation.IsPublic || obligation.RegisteredOn > day)
        {
            return null;
        }

        var end = EndUtc(day);
        var history = obligation.History;
        var visibility = history.Where(h => h.What == Obligation.VisibilityChanged).ToList();
        var shown = visibility.LastOrDefault(h => h.AtUtc < end) is { } before ? before.Reason == "openbaar"
            : visibility.FirstOrDefault() is not { } after || after.Reason != "openbaar";
        if (!shown)
        {
            return null;
        }

        var status = history.LastOrDefault(h => h.What == "status" && h.AtUtc < end)?.To ?? ObligationStatus.Registered;
        var deadline = obligation.Cadence == Cadence.Once ? obligation.DueDate : obligation.EndDate;
        foreach (var extension in history.Where(h => h.What == "deadline_extended" && h.AtUtc >= end).Reverse())
        {
            if (WasDeadline(extension.Reason, out var was))
            {
                deadline = was;
            }
        }

        return new State(status, deadline, IsOverdue(status, deadline, day));
    }

    /// <summary>
    /// The items of <paramref name="publicItems"/> the register showed at the end of <paramref name="day"/>, filtered and
    /// sorted as <paramref name="filter"/> says, each with its state that day: status and lateness come from the
    /// history, so they are filtered here, not in the database.
    /// </summary>
    public static async Task<List<(Obligation Obligation, State State)>> ListAsync(
        IQueryable<Obligation> publicItems, ListObligationsQuery filter, DateOnly day, DateOnly today, CancellationToken cancellationToken)
    {
        var candidates = await ListObligationsHandler.Sort(
            ListObligationsHandler.Filter(publicItems.Where(o => o.RegisteredOn <= day), filter with { Status = null, Overdue = null }, today), filter).ToListAsync(cancellationToken);
        return [.. candidates.Select(o => (Obligation: o, State: At(o, day)))
            .Where(c => c.State is { } state && (filter.Status is null || state.Status == filter.Status) && (filter.Overdue is null || state.Overdue == filter.Overdue))
            .Select(c => (c.Obligation, c.State!))];
    }

    /// <summary>The history lines up to the end of <paramref name="day"/>, or all of them.</summary>
    public static IEnumerable<ObligationHistoryEntry> HistoryUntil(Obligation obligation, DateOnly? day) =>
        day is { } d ? obligation.History.Where(h => h.AtUtc < EndUtc(d)) : obligation.History;

    private static bool IsOverdue(ObligationStatus status, DateOnly? deadline, DateOnly day) =>
        status is ObligationStatus.Registered or ObligationStatus.InProgress && deadline < day;

    /// <summary>The deadline before an extension, from its history line "… (besloten door …; 1 maart 2026 → 1 juni 2026)".</summary>
    private static bool WasDeadline(string? reason, out DateOnly? was)
    {
        was = null;
        var match = reason is null ? Match.Empty : Extension().Match(reason);
        if (!match.Success)
        {
            return false;
        }

        var text = match.Groups["was"].Value.Trim();
        if (text == "geen")
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "d MMMM yyyy", Dutch, DateTimeStyles.None, out var date))
        {
            was = date;
            return true;
        }

        return false;
    }

    [GeneratedRegex(@";\s*(?<was>[^;()]+?)\s*→\s*[^;()]+\)\s*$")]
    private static partial Regex Extension();
}
