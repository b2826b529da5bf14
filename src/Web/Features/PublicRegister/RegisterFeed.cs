using System.Globalization;
using System.Xml.Linq;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.PublicRegister;

/// <summary>
/// What changed in the register, as an Atom feed (RFC 4287) for feed readers and harvesters: new items, status changes
/// and sent letters, newest first, the latest 100; one committee's when <see cref="Committee"/> is given. Never who
/// made the change inside the municipality.
/// </summary>
public sealed record GetRegisterFeedQuery(string Municipality, string? Committee, string Origin) : IQuery<Result<XDocument>>;

internal sealed class RegisterFeedHandler(Hosting.DbContextOptionsCache contexts, TimeProvider time) : IQueryHandler<GetRegisterFeedQuery, Result<XDocument>>
{
    private const int Entries = 100;
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private sealed record Entry(string Id, DateTime AtUtc, string Title, string Link);

    public async ValueTask<Result<XDocument>> Handle(GetRegisterFeedQuery query, CancellationToken cancellationToken)
    {
        var committee = string.IsNullOrWhiteSpace(query.Committee) ? null : query.Committee.Trim();
        if (await PublicMunicipalities.FindAsync(contexts, query.Municipality, cancellationToken) is not { } municipality)
        {
            return new NotFound("Municipality");
        }

        await using var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
        var obligations = await db.Obligations.AsNoTracking().Where(o => o.IsPublic && (committee == null || o.Meeting.Body == committee)).ToListAsync(cancellationToken);
        var ids = obligations.Select(o => o.Id).ToList();
        var letters = await (from l in db.CouncilLetters.AsNoTracking()
                             join c in db.ReportingCycles on l.CycleId equals c.Id
                             where ids.Contains(c.ObligationId) && l.Status == CouncilLetterStatus.Sent
                             select new { l.Id, l.Reference, l.SentOn, c.ObligationId, c.Period }).ToListAsync(cancellationToken);
        var host = new Uri(query.Origin).Host;
        string Tag(string what) => $"tag:{host},2025:{municipality.Slug}/{what}";
        string Link(Obligation o) => query.Origin + municipality.ItemAddress(o.Reference);

        var entries = obligations.SelectMany(o => o.History
                .Where(h => h.What == "registered" || h.What == "status")
                .Select(h => new Entry(Tag($"{o.Reference}/{h.Sequence}"), h.AtUtc,
                    h.What == "registered"
                        ? $"Nieuw: {o.Reference} {o.Title}"
                        : $"{o.Reference} {o.Title}: {Status(h.From)} → {Status(h.To)}",
                    Link(o))))
            .Concat(letters.Select(l =>
            {
                var o = obligations.Single(x => x.Id == l.ObligationId);
                var sent = l.SentOn ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                return new Entry(Tag($"{o.Reference}/brief/{l.Id.Value}"), sent.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                    $"Raadsinformatiebrief {l.Reference} verzonden: {o.Reference} {o.Title}, {l.Period.Display(Dutch)}", Link(o));
            }))
            .OrderByDescending(e => e.AtUtc).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Take(Entries)
            .ToList();

        var self = query.Origin + municipality.Address + "/wijzigingen.atom" + (committee is null ? "" : "?commissie=" + Uri.EscapeDataString(committee));
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "nl"),
            new XElement(Atom + "id", Tag("wijzigingen" + (committee is null ? "" : "/" + RegisterSlug.Of(committee)))),
            new XElement(Atom + "title", $"Moties en toezeggingen · Gemeente {municipality.Name}" + (committee is null ? "" : $" · {committee}")),
            new XElement(Atom + "updated", Stamp(entries.Count > 0 ? entries[0].AtUtc : time.GetUtcNow().UtcDateTime)),
            new XElement(Atom + "author", new XElement(Atom + "name", $"Griffie gemeente {municipality.Name}")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", query.Origin + municipality.Address)),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "id", e.Id),
                new XElement(Atom + "title", e.Title),
                new XElement(Atom + "updated", Stamp(e.AtUtc)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", e.Link)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
    }

    private static string Status(ObligationStatus? status) => status switch
    {
        ObligationStatus.Registered => "geregistreerd",
        ObligationStatus.InProgress => "in uitvoering",
        ObligationStatus.Reported => "gerapporteerd",
        ObligationStatus.Fulfilled => "afgedaan",
        ObligationStatus.Lapsed => "vervallen",
        _ => "–",
    };

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
