using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Web.Features.Obligations;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.PublicRegister;

// The public register as open data. Resources follow the VNG standard Open Raadsinformatie (ODS, OpenAPI 2.0.0):
// an informatieobject of type motie or toezegging, its vergadering and the besluit that made it, each with url and id,
// lists paged as {count, next, previous, results}. What the standard lacks for tracking commitments is in `toezegging`,
// after the fields of the Tweede Kamer's open-data entity Toezegging (Nummer, Tekst, Naam and Functie of the
// bewindspersoon, Status, DatumNakoming, KamerbriefNakoming, ToegezegdAanFractie, ActiviteitNummer, Aanmaakdatum).

/// <summary>A page of a list: how many in all, the addresses of the pages before and after, and this page's results.</summary>
[Description("A page of results (ODS PaginatedBasis, with the total count).")]
public sealed record OpenDataPage<T>(
    [property: Description("How many results the filter finds in all.")] int Count,
    [property: Description("The next page, absent on the last.")] string? Next,
    [property: Description("The previous page, absent on the first.")] string? Previous,
    IReadOnlyList<T> Results);

/// <summary>The municipality, as ODS names it: its CBS code (four digits) and name.</summary>
public sealed record OpenGemeente(string Gemeentecode, string Gemeentenaam);

/// <summary>A reference to another resource (ODS VerwijzingNaarResource).</summary>
public sealed record OpenVerwijzing(string Url, string Id);

public enum OpenInformatieobjecttype
{
    [JsonStringEnumMemberName("motie")]
    Motie,

    [JsonStringEnumMemberName("toezegging")]
    Toezegging,
}

/// <summary>Where a motion or commitment stands, as the public register says it.</summary>
public enum OpenStatus
{
    [JsonStringEnumMemberName("geregistreerd")]
    Geregistreerd,

    [JsonStringEnumMemberName("in_uitvoering")]
    InUitvoering,

    [JsonStringEnumMemberName("gerapporteerd")]
    Gerapporteerd,

    [JsonStringEnumMemberName("afgedaan")]
    Afgedaan,

    [JsonStringEnumMemberName("vervallen")]
    Vervallen,
}

/// <summary>A motion or commitment (ODS InformatieObject), with its tracking in <see cref="Toezegging"/>.</summary>
public sealed record OpenInformatieobject(
    string Url,
    [property: Description("Unique resource identifier (the item's lasting id).")] string Id,
    string Titel,
    OpenInformatieobjecttype Informatieobjecttype,
    [property: Description("The day the council adopted the motion or the commitment was made.")] DateOnly Creatiedatum,
    OpenGemeente Gemeente,
    [property: Description("The text of the motion (its dictum) or the commitment.")] string Omschrijving,
    [property: Description("The item's page in the public register.")] string Link,
    [property: Description("ISO 639-2/B: dut.")] string Taal,
    [property: Description("The responsible aldermen and their portfolios.")] string Portefeuillehouder,
    IReadOnlyList<OpenVerwijzing> Vergaderingen,
    [property: Description("The decision that adopted the motion or recorded the commitment.")] OpenVerwijzing Besluit,
    OpenToezegging Toezegging);

/// <summary>What the Tweede Kamer's Toezegging tracks and ODS lacks, for motions and commitments alike.</summary>
public sealed record OpenToezegging(
    [property: Description("The item's number (Kamer: Nummer).")] string Nummer,
    [property: Description("The text (Kamer: Tekst).")] string Tekst,
    [property: Description("The first responsible alderman (Kamer: Naam).")] string? Naam,
    [property: Description("Their function (Kamer: Functie): wethouder.")] string? Functie,
    [property: Description("Their portfolio.")] string? Portefeuille,
    [property: Description("Every responsible alderman, first the one who leads.")] IReadOnlyList<OpenBewindspersoon> Verantwoordelijken,
    OpenStatus Status,
    [property: Description("The day it is due, or a recurring item's last day (Kamer: DatumNakoming).")] DateOnly? DatumNakoming,
    [property: Description("Past its day and not yet reported.")] bool TeLaat,
    [property: Description("The letter that reported it carried out (Kamer: KamerbriefNakoming).")] OpenBrief? RaadsinformatiebriefNakoming,
    [property: Description("The parties that submitted the motion; empty for a commitment (Kamer: ToegezegdAanFractie).")] IReadOnlyList<string> Indieners,
    [property: Description("The meeting it was adopted or made in (Kamer: ActiviteitNummer).")] string ActiviteitNummer,
    [property: Description("The committee or council that met.")] string Commissie,
    [property: Description("The day it was entered in the register (Kamer: Aanmaakdatum).")] DateOnly Aanmaakdatum,
    [property: Description("Every council information letter sent about it, newest first.")] IReadOnlyList<OpenBrief> Brieven);

public sealed record OpenBewindspersoon(string Naam, string Functie, string Portefeuille);

/// <summary>A council information letter as sent: its reference, the period it reports on, the day it was sent and its files.</summary>
public sealed record OpenBrief(string? Kenmerk, string Periode, DateOnly? Verzonden, string Html, string Pdf);

/// <summary>A meeting of the council or a committee (ODS Vergadering).</summary>
public sealed record OpenVergadering(
    string Url,
    [property: Description("The meeting: its date and its body.")] string Id,
    string Naam,
    DateOnly Vergaderdatum,
    [property: Description("raadsvergadering or commissievergadering.")] string Vergaderingstype,
    [property: Description("gepland or gehouden.")] string Status,
    OpenGemeente Gemeente,
    OpenGremium GeorganiseerdDoorGremium);

public sealed record OpenGremium(string Gremiumidentificatie, string Gremiumnaam);

/// <summary>The decision a motion or commitment came from (ODS Besluit).</summary>
public sealed record OpenBesluit(
    string Url,
    string Id,
    [property: Description("aangenomen (a motion the council adopted) or toegezegd (a commitment the executive made).")] string Besluitresultaat,
    string Besluittoelichting,
    [property: Description("The commitment made, for a commitment.")] string? Toezegging,
    [property: Description("The motion or commitment.")] OpenVerwijzing Informatieobject,
    OpenVerwijzing Vergadering);

/// <summary>What a harvester can ask for; the same filters as the register's page.</summary>
public sealed record OpenDataFilter(
    OpenInformatieobjecttype? Informatieobjecttype,
    OpenStatus? Status,
    string? Zoek,
    Guid? Wethouder,
    string? Commissie,
    int? Jaar,
    bool? TeLaat,
    DateTimeOffset? GewijzigdSinds,
    int Page,
    int PageSize,
    DateOnly? Op = null);

public sealed record ListOpenInformatieobjectenQuery(string Municipality, OpenDataFilter Filter, string Origin) : IQuery<Result<OpenDataPage<OpenInformatieobject>>>;

public sealed record GetOpenInformatieobjectQuery(string Municipality, Guid Id, string Origin, DateOnly? Op = null) : IQuery<Result<OpenInformatieobject>>;

public sealed record GetOpenVergaderingQuery(string Municipality, string Id, string Origin) : IQuery<Result<OpenVergadering>>;

public sealed record GetOpenBesluitQuery(string Municipality, Guid Id, string Origin) : IQuery<Result<OpenBesluit>>;

/// <summary>Reads the open data of a municipality without a signed-in person: public items only, never who kept them.</summary>
internal sealed class OpenDataHandlers(DbContextOptionsCache contexts, TimeProvider time)
    : IQueryHandler<ListOpenInformatieobjectenQuery, Result<OpenDataPage<OpenInformatieobject>>>,
        IQueryHandler<GetOpenInformatieobjectQuery, Result<OpenInformatieobject>>,
        IQueryHandler<GetOpenVergaderingQuery, Result<OpenVergadering>>,
        IQueryHandler<GetOpenBesluitQuery, Result<OpenBesluit>>
{
    public const int MaxPageSize = 100;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<Result<OpenDataPage<OpenInformatieobject>>> Handle(ListOpenInformatieobjectenQuery query, CancellationToken cancellationToken)
    {
        if (await Source.OpenAsync(contexts, query, cancellationToken) is not { } source)
        {
            return new NotFound("Municipality");
        }

        await using var db = source.Db;
        var f = query.Filter;
        var today = MunicipalTime.Today(time);
        var filter = new ListObligationsQuery(
            Search: f.Zoek,
            Kind: f.Informatieobjecttype switch { OpenInformatieobjecttype.Motie => ObligationKind.Motion, OpenInformatieobjecttype.Toezegging => ObligationKind.Commitment, _ => null },
            Status: f.Status is { } status ? ToDomain(status) : null,
            AldermanId: f.Wethouder,
            Committee: f.Commissie,
            AdoptedFrom: f.Jaar is { } year ? new DateOnly(year, 1, 1) : null,
            AdoptedTo: f.Jaar is { } end ? new DateOnly(end, 12, 31) : null,
            Overdue: f.TeLaat,
            Sort: ObligationSort.Reference,
            Descending: false);
        var publicItems = db.Obligations.AsNoTracking().Where(o => o.IsPublic);
        if (f.GewijzigdSinds is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            publicItems = publicItems.Where(o => EF.Property<List<ObligationHistoryEntry>>(o, "_history").Any(h => h.AtUtc >= sinceUtc));
        }

        int count;
        IReadOnlyList<OpenInformatieobject> results;
        if (f.Op is { } day)
        {
            var then = await PublicAsOf.ListAsync(publicItems, filter, day, today, cancellationToken);
            count = then.Count;
            var states = then.ToDictionary(c => c.Obligation.Id, c => c.State);
            results = await source.DescribeAsync([.. then.Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).Select(c => c.Obligation)], o => states[o.Id], day, cancellationToken);
        }
        else
        {
            var items = ListObligationsHandler.Filter(publicItems, filter, today);
            count = await items.CountAsync(cancellationToken);
            var page = await ListObligationsHandler.Sort(items, filter).Skip((f.Page - 1) * f.PageSize).Take(f.PageSize).ToListAsync(cancellationToken);
            results = await source.DescribeAsync(page, o => PublicAsOf.Now(o, today), null, cancellationToken);
        }

        string? Address(int number) => $"{source.Base}/informatieobjecten{OpenDataQuery.With(query.Filter, number)}";
        return new OpenDataPage<OpenInformatieobject>(
            count, f.Page * f.PageSize < count ? Address(f.Page + 1) : null, f.Page > 1 ? Address(Math.Min(f.Page - 1, Math.Max(1, (count + f.PageSize - 1) / f.PageSize))) : null, results);
    }

    public async ValueTask<Result<OpenInformatieobject>> Handle(GetOpenInformatieobjectQuery query, CancellationToken cancellationToken)
    {
        if (await Source.OpenAsync(contexts, query.Municipality, query.Origin, cancellationToken) is not { } source)
        {
            return new NotFound("Municipality");
        }

        await using var db = source.Db;
        var id = new ObligationId(query.Id);
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.IsPublic, cancellationToken);
        var today = MunicipalTime.Today(time);
        var state = obligation is null ? null : query.Op is { } day ? PublicAsOf.At(obligation, day) : PublicAsOf.Now(obligation, today);
        return obligation is null || state is null
            ? new NotFound("Informatieobject")
            : (await source.DescribeAsync([obligation], _ => state, query.Op, cancellationToken))[0];
    }

    public async ValueTask<Result<OpenBesluit>> Handle(GetOpenBesluitQuery query, CancellationToken cancellationToken)
    {
        if (await Source.OpenAsync(contexts, query.Municipality, query.Origin, cancellationToken) is not { } source)
        {
            return new NotFound("Municipality");
        }

        await using var db = source.Db;
        var id = new ObligationId(query.Id);
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.IsPublic, cancellationToken);
        if (obligation is null)
        {
            return new NotFound("Besluit");
        }

        var meeting = obligation.Meeting.Date.ToString("d MMMM yyyy", Dutch);
        return new OpenBesluit(
            $"{source.Base}/besluiten/{Key(obligation.Id)}",
            Key(obligation.Id),
            obligation is Motion ? "aangenomen" : "toegezegd",
            Fit(obligation is Motion ? $"Motie {obligation.Reference} aangenomen in {obligation.Meeting.Body} van {meeting}." : $"Toezegging {obligation.Reference} gedaan in {obligation.Meeting.Body} van {meeting}.", 200),
            obligation is Motion ? null : Fit(obligation.Title, 500),
            source.Informatieobject(obligation.Id),
            source.Vergadering(obligation.Meeting));
    }

    public async ValueTask<Result<OpenVergadering>> Handle(GetOpenVergaderingQuery query, CancellationToken cancellationToken)
    {
        if (!OpenMeetingKey.TryReadDate(query.Id, out var date) || await Source.OpenAsync(contexts, query.Municipality, query.Origin, cancellationToken) is not { } source)
        {
            return new NotFound("Vergadering");
        }

        await using var db = source.Db;
        var bodies = await db.Obligations.AsNoTracking().Where(o => o.IsPublic && o.Meeting.Date == date).Select(o => o.Meeting.Body).Distinct().ToListAsync(cancellationToken);
        var body = bodies.FirstOrDefault(b => OpenMeetingKey.Of(new Meeting(b, date)) == query.Id);
        if (body is null)
        {
            return new NotFound("Vergadering");
        }

        var meeting = new Meeting(body, date);
        var council = body.Contains("raad", StringComparison.OrdinalIgnoreCase) && !body.Contains("commissie", StringComparison.OrdinalIgnoreCase);
        return new OpenVergadering(
            source.Vergadering(meeting).Url,
            OpenMeetingKey.Of(meeting),
            body,
            date,
            council ? "raadsvergadering" : "commissievergadering",
            date <= MunicipalTime.Today(time) ? "gehouden" : "gepland",
            source.Gemeente,
            new OpenGremium(OpenMeetingKey.Body(body), Fit(body, 100)));
    }

    internal static string Key(ObligationId id) => id.Value.ToString("N", CultureInfo.InvariantCulture);

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static ObligationStatus ToDomain(OpenStatus status) => status switch
    {
        OpenStatus.Geregistreerd => ObligationStatus.Registered,
        OpenStatus.InUitvoering => ObligationStatus.InProgress,
        OpenStatus.Gerapporteerd => ObligationStatus.Reported,
        OpenStatus.Afgedaan => ObligationStatus.Fulfilled,
        _ => ObligationStatus.Lapsed,
    };

    private static OpenStatus ToOpen(ObligationStatus status) => status switch
    {
        ObligationStatus.Registered => OpenStatus.Geregistreerd,
        ObligationStatus.InProgress => OpenStatus.InUitvoering,
        ObligationStatus.Reported => OpenStatus.Gerapporteerd,
        ObligationStatus.Fulfilled => OpenStatus.Afgedaan,
        _ => OpenStatus.Vervallen,
    };

    /// <summary>A municipality's open data: its context (limited to it), the base of its addresses and its ODS name.</summary>
    private sealed record Source(Domain.Persistence.GovernanceDbContext Db, PublicMunicipality Municipality, string Origin, OpenGemeente Gemeente)
    {
        public string Base => $"{Origin}/api/open/{Municipality.Slug}";

        public static Task<Source?> OpenAsync(DbContextOptionsCache contexts, ListOpenInformatieobjectenQuery query, CancellationToken cancellationToken) =>
            OpenAsync(contexts, query.Municipality, query.Origin, cancellationToken);

        public static async Task<Source?> OpenAsync(DbContextOptionsCache contexts, string slug, string origin, CancellationToken cancellationToken)
        {
            if (await PublicMunicipalities.FindAsync(contexts, slug, cancellationToken) is not { } municipality)
            {
                return null;
            }

            var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
            var code = await db.Municipalities.AsNoTracking().Where(m => m.Id == new MunicipalityId(municipality.Id)).Select(m => m.Code).SingleAsync(cancellationToken);
            // ODS's gemeentecode is the four digits of the CBS code (GM0935 is 0935).
            return new Source(db, municipality, origin, new OpenGemeente(code.StartsWith("GM", StringComparison.OrdinalIgnoreCase) ? code[2..] : code, municipality.Name));
        }

        public OpenVerwijzing Informatieobject(ObligationId id) => new($"{Base}/informatieobjecten/{Key(id)}", Key(id));

        public OpenVerwijzing Vergadering(Meeting meeting) => new($"{Base}/vergaderingen/{OpenMeetingKey.Of(meeting)}", OpenMeetingKey.Of(meeting));

        /// <summary>The items as open data, with their aldermen and sent letters read in one query each.</summary>
        public async Task<IReadOnlyList<OpenInformatieobject>> DescribeAsync(
            IReadOnlyList<Obligation> obligations, Func<Obligation, PublicAsOf.State> stateOf, DateOnly? asOf, CancellationToken cancellationToken)
        {
            var sentBy = asOf ?? DateOnly.MaxValue;
            var ids = obligations.Select(o => o.Id).ToList();
            var aldermen = await Db.Aldermen.AsNoTracking().Select(a => new { a.Id, a.Name, a.Portfolio }).ToDictionaryAsync(a => a.Id, cancellationToken);
            var letters = (await (from l in Db.CouncilLetters.AsNoTracking()
                                  join c in Db.ReportingCycles on l.CycleId equals c.Id
                                  where ids.Contains(c.ObligationId) && l.Status == CouncilLetterStatus.Sent && l.SentOn <= sentBy
                                  select new { c.ObligationId, l.Id, l.Reference, c.Period, l.SentOn }).ToListAsync(cancellationToken))
                .OrderByDescending(l => l.SentOn).ToLookup(l => l.ObligationId);
            return [.. obligations.Select(o =>
            {
                var responsible = o.ResponsibleAldermen.Where(aldermen.ContainsKey).Select(a => aldermen[a])
                    .Select(a => new OpenBewindspersoon(a.Name, "wethouder", a.Portfolio)).ToList();
                var sent = letters[o.Id].Select(l =>
                {
                    var files = $"{Origin}{Municipality.ItemAddress(o.Reference)}/brieven/{l.Id.Value}";
                    return new OpenBrief(l.Reference, l.Period.Display(Dutch), l.SentOn, files + "/html", files + "/pdf");
                }).ToList();
                var state = stateOf(o);
                var meeting = Vergadering(o.Meeting);
                return new OpenInformatieobject(
                    $"{Base}/informatieobjecten/{Key(o.Id)}",
                    Key(o.Id),
                    o.Title,
                    o is Motion ? OpenInformatieobjecttype.Motie : OpenInformatieobjecttype.Toezegging,
                    o.AdoptedOn,
                    Gemeente,
                    o.Text,
                    Origin + Municipality.ItemAddress(o.Reference),
                    "dut",
                    string.Join("; ", responsible.Select(r => $"{r.Naam} ({r.Portefeuille})")),
                    [meeting],
                    new OpenVerwijzing($"{Base}/besluiten/{Key(o.Id)}", Key(o.Id)),
                    new OpenToezegging(
                        o.Reference,
                        o.Text,
                        responsible.FirstOrDefault()?.Naam,
                        responsible.Count > 0 ? "wethouder" : null,
                        responsible.FirstOrDefault()?.Portefeuille,
                        responsible,
                        ToOpen(state.Status),
                        state.Deadline,
                        state.Overdue,
                        o.ReportedInLetter is { } reported && state.Status is ObligationStatus.Reported or ObligationStatus.Fulfilled ? sent.FirstOrDefault(l => l.Kenmerk == reported) : null,
                        o is Motion motion ? motion.SubmittingParties : [],
                        meeting.Id,
                        o.Meeting.Body,
                        o.RegisteredOn,
                        sent));
            })];
        }
    }
}

/// <summary>A meeting's lasting id: its date and its body, e.g. 20240305-domeinvergadering-sociaal (at most 40 characters).</summary>
internal static class OpenMeetingKey
{
    public static string Of(Meeting meeting) => $"{meeting.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Body(meeting.Body, 31)}";

    /// <summary>The body as an identifier: a slug of its name, shortened.</summary>
    public static string Body(string body, int length = 10)
    {
        var slug = RegisterSlug.Of(body);
        return (slug.Length <= length ? slug : slug[..length]).TrimEnd('-');
    }

    public static bool TryReadDate(string id, out DateOnly date) =>
        DateOnly.TryParseExact(id.Length >= 8 ? id[..8] : "", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && id.Length > 9 && id[8] == '-';
}

/// <summary>The query string of a list page, for its next and previous addresses.</summary>
internal static class OpenDataQuery
{
    public static string With(OpenDataFilter f, int page)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("informatieobjecttype", f.Informatieobjecttype switch { OpenInformatieobjecttype.Motie => "motie", OpenInformatieobjecttype.Toezegging => "toezegging", _ => null }),
            new("status", f.Status is { } s ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : null),
            new("zoek", f.Zoek),
            new("wethouder", f.Wethouder?.ToString()),
            new("commissie", f.Commissie),
            new("jaar", f.Jaar?.ToString(CultureInfo.InvariantCulture)),
            new("teLaat", f.TeLaat is { } late ? (late ? "true" : "false") : null),
            new("gewijzigdSinds", f.GewijzigdSinds?.ToString("O", CultureInfo.InvariantCulture)),
            new("page", page.ToString(CultureInfo.InvariantCulture)),
            new("pageSize", f.PageSize.ToString(CultureInfo.InvariantCulture)),
            new("op", f.Op?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
