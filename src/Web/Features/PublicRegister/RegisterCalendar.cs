using System.Globalization;
using System.Text;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.PublicRegister;

/// <summary>
/// The register as a calendar (RFC 5545) a council member or resident subscribes to: every public item's deadline, and
/// the council's dates (council meetings, the committees' meetings, the P&amp;C council dates). One committee's when
/// <see cref="Committee"/> is given: its items and its meetings.
/// </summary>
public sealed record GetRegisterCalendarQuery(string Municipality, string? Committee, string Origin) : IQuery<Result<string>>;

internal sealed class RegisterCalendarHandler(Hosting.DbContextOptionsCache contexts, TimeProvider time, ISender sender) : IQueryHandler<GetRegisterCalendarQuery, Result<string>>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<Result<string>> Handle(GetRegisterCalendarQuery query, CancellationToken cancellationToken)
    {
        var committee = string.IsNullOrWhiteSpace(query.Committee) ? null : query.Committee.Trim();
        var all = new Obligations.ListObligationsQuery(Committee: committee, Sort: Obligations.ObligationSort.Reference, Descending: false, Page: 1, PageSize: int.MaxValue);
        var register = await sender.Send(new GetPublicRegisterQuery(query.Municipality, all), cancellationToken);
        if (!register.Succeeded)
        {
            return register.Error;
        }

        var municipality = register.Value.Municipality;
        await using var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
        var years = await db.PlanningYears.AsNoTracking().ToListAsync(cancellationToken);
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = new Uri(query.Origin).Host;
        var calendar = new Calendar();
        calendar.Line("BEGIN", "VCALENDAR");
        calendar.Line("VERSION", "2.0");
        calendar.Line("PRODID", "-//Governance//Moties en toezeggingen//NL");
        calendar.Line("CALSCALE", "GREGORIAN");
        calendar.Line("METHOD", "PUBLISH");
        calendar.Line("X-WR-CALNAME", Calendar.Text($"Moties en toezeggingen · Gemeente {municipality.Name}" + (committee is null ? "" : $" · {committee}")));
        foreach (var item in register.Value.Items.Items.Where(i => i.Deadline is not null && i.Status is ObligationStatus.Registered or ObligationStatus.InProgress))
        {
            calendar.Day($"termijn-{RegisterSlug.Of(item.Reference)}@{municipality.Slug}.{host}", stamp, item.Deadline!.Value,
                $"Uiterste datum {item.Reference}: {item.Title}",
                $"{(item.Kind == ObligationKind.Motion ? "Motie" : "Toezegging")} van {item.MeetingBody}, {item.AdoptedOn.ToString("d MMMM yyyy", Dutch)}. Verantwoordelijk: {string.Join(", ", item.Aldermen)}.",
                query.Origin + municipality.ItemAddress(item.Reference));
        }

        foreach (var year in years.OrderBy(y => y.Year))
        {
            if (committee is null)
            {
                foreach (var meeting in year.CouncilMeetings)
                {
                    calendar.Day($"raad-{Calendar.Date(meeting)}@{municipality.Slug}.{host}", stamp, meeting, "Raadsvergadering", null, null);
                }

                foreach (var (date, what) in new[] { (year.FirstManagementReport, "1e bestuursrapportage"), (year.AnnualAccounts, "jaarrekening"), (year.SpringMemorandum, "voorjaarsnota"), (year.Budget, "begroting") })
                {
                    if (date is { } day)
                    {
                        calendar.Day($"pc-{RegisterSlug.Of(what)}-{year.Year}@{municipality.Slug}.{host}", stamp, day, $"In de raad: {what} {year.Year}", null, null);
                    }
                }
            }

            foreach (var meeting in year.CommitteeMeetings.Where(m => committee is null || committees.GetValueOrDefault(m.CommitteeId) == committee))
            {
                var name = committees.GetValueOrDefault(meeting.CommitteeId, "Commissie");
                calendar.Day($"commissie-{RegisterSlug.Of(name)}-{Calendar.Date(meeting.Date)}@{municipality.Slug}.{host}", stamp, meeting.Date, $"Vergadering {name}", null, null);
            }
        }

        calendar.Line("END", "VCALENDAR");
        return calendar.ToString();
    }

    /// <summary>RFC 5545 text: CRLF line ends, lines folded at 75 octets, text values escaped.</summary>
    private sealed class Calendar
    {
        private readonly StringBuilder _text = new();

        public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        public static string Text(string value) =>
            value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
                .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

        /// <summary>An all-day event.</summary>
        public void Day(string uid, string stamp, DateOnly date, string summary, string? description, string? url)
        {
            Line("BEGIN", "VEVENT");
            Line("UID", uid);
            Line("DTSTAMP", stamp);
            Line("DTSTART;VALUE=DATE", Date(date));
            Line("DTEND;VALUE=DATE", Date(date.AddDays(1)));
            Line("SUMMARY", Text(summary));
            if (description is not null)
            {
                Line("DESCRIPTION", Text(description));
            }

            if (url is not null)
            {
                Line("URL", url);
            }

            Line("TRANSP", "TRANSPARENT");
            Line("END", "VEVENT");
        }

        public void Line(string name, string value)
        {
            var line = $"{name}:{value}";
            var bytes = 0;
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, char.IsHighSurrogate(line[i]) ? 2 : 1));
                if (bytes + size > (start == 0 ? 75 : 74))
                {
                    _text.Append(line, start, i - start).Append("\r\n ");
                    start = i;
                    bytes = 0;
                }

                bytes += size;
                if (char.IsHighSurrogate(line[i]))
                {
                    i++;
                }
            }

            _text.Append(line, start, line.Length - start).Append("\r\n");
        }

        public override string ToString() => _text.ToString();
    }
}
