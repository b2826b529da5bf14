using System.Globalization;
using System.Text;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Letters;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Web.Features.Obligations;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.PublicRegister;

/// <summary>A municipality as the public register addresses it: <c>/openbaar/{slug}</c>, the slug made from its name.</summary>
public sealed record PublicMunicipality(Guid Id, string Name, string Slug)
{
    public string Address => $"/openbaar/{Slug}";

    public string ItemAddress(string reference) => $"{Address}/{Uri.EscapeDataString(reference)}";
}

/// <summary>
/// One line of the register: what anyone may know of a motion or commitment. Never who registered or changed it, no
/// internal comments, nothing of its reports before a letter was sent.
/// </summary>
public sealed record PublicItem(
    ObligationKind Kind, string Reference, string Title, DateOnly AdoptedOn, string MeetingBody, ObligationStatus Status, DateOnly? Deadline, bool Overdue,
    IReadOnlyList<string> Aldermen);

/// <summary>The register's page: the municipality, the aldermen to filter on, and a page of items.</summary>
public sealed record PublicRegisterPage(PublicMunicipality Municipality, IReadOnlyList<PublicAlderman> Aldermen, IReadOnlyList<string> Committees, PagedResult<PublicItem> Items);

public sealed record PublicAlderman(Guid Id, string Name, string Portfolio);

/// <summary>A line of an item's public history: when, what happened (Dutch), and the decision's reason where there is one.</summary>
public sealed record PublicHistoryLine(DateTime AtUtc, string What, ObligationStatus? From, ObligationStatus? To, string? Reason);

/// <summary>A council letter sent about the item: its reference, the period it reports on and the day it was sent.</summary>
public sealed record PublicLetter(Guid Id, string? Reference, string Period, DateOnly? SentOn);

/// <summary>
/// An indicator as the public sees it: its figure in each period a letter about the item was sent for (oldest first),
/// with the baseline and target, and how its figures read.
/// </summary>
public sealed record PublicSeries(string Name, IReadOnlyList<(string Label, decimal? Value)> Points, decimal? Baseline, decimal? Target, Func<decimal, string> Measure, Func<decimal, string> Tick);

public sealed record PublicItemDetail(
    PublicMunicipality Municipality,
    ObligationKind Kind,
    string Reference,
    string Title,
    string Text,
    DateOnly AdoptedOn,
    string MeetingBody,
    DateOnly MeetingDate,
    string PolicyArea,
    Cadence Cadence,
    ObligationStatus Status,
    DateOnly? Deadline,
    bool Overdue,
    string? ReportedInLetter,
    IReadOnlyList<string> SubmittingParties,
    IReadOnlyList<PublicAlderman> Aldermen,
    IReadOnlyList<PublicLetter> Letters,
    IReadOnlyList<PublicHistoryLine> History,
    IReadOnlyList<PublicSeries> Series,
    IReadOnlyList<PublicStatusStep> StatusLine,
    DateOnly? AsOf);

/// <summary>A step of an item's status line: from when it had which status.</summary>
public sealed record PublicStatusStep(DateOnly From, ObligationStatus Status);

/// <summary>The register of a municipality: public items only, filtered as the signed-in list filters; with <paramref name="AsOf"/>, as it stood that day.</summary>
public sealed record GetPublicRegisterQuery(string Municipality, ListObligationsQuery Filter, DateOnly? AsOf = null) : IQuery<Result<PublicRegisterPage>>;

/// <summary>One public item, by its number.</summary>
public sealed record GetPublicItemQuery(string Municipality, string Reference, DateOnly? AsOf = null) : IQuery<Result<PublicItemDetail>>;

/// <summary>A sent letter about a public item, as a file: the finalised (sealed) version, as the council received it.</summary>
public sealed record GetPublicLetterQuery(string Municipality, string Reference, Guid LetterId, string Format) : IQuery<Result<PublicLetterFile>>;

public sealed record PublicLetterFile(byte[] Content, string ContentType, string FileName);

/// <summary>Every public item's number, for the sitemap.</summary>
public sealed record ListPublicReferencesQuery(string Municipality) : IQuery<Result<(PublicMunicipality Municipality, IReadOnlyList<string> References)>>;

/// <summary>Reads the public register without a signed-in person: each read is limited to the municipality of the address.</summary>
internal sealed class PublicRegisterHandlers(DbContextOptionsCache contexts, TimeProvider time)
    : IQueryHandler<GetPublicRegisterQuery, Result<PublicRegisterPage>>, IQueryHandler<GetPublicItemQuery, Result<PublicItemDetail>>,
        IQueryHandler<ListPublicReferencesQuery, Result<(PublicMunicipality Municipality, IReadOnlyList<string> References)>>,
        IQueryHandler<GetPublicLetterQuery, Result<PublicLetterFile>>
{
    /// <summary>Only HTML and PDF are published: the Word file is for working on, not for the public.</summary>
    private static readonly Web.Features.Letters.LetterFormat[] Published = [Web.Features.Letters.LetterFormats.Html, Web.Features.Letters.LetterFormats.Pdf];

    public async ValueTask<Result<PublicLetterFile>> Handle(GetPublicLetterQuery query, CancellationToken cancellationToken)
    {
        var format = Published.SingleOrDefault(f => f.Extension == query.Format);
        if (format is null || await FindAsync(query.Municipality, cancellationToken) is not { } municipality)
        {
            return new NotFound("Letter");
        }

        await using var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
        var reference = query.Reference.Trim();
        var letterId = new CouncilLetterId(query.LetterId);
        var sent = await (from l in db.CouncilLetters
                          join c in db.ReportingCycles on l.CycleId equals c.Id
                          join o in db.Obligations on c.ObligationId equals o.Id
                          where l.Id == letterId && l.Status == CouncilLetterStatus.Sent && o.Reference == reference && o.IsPublic
                          select l.Id).AnyAsync(cancellationToken);
        if (!sent)
        {
            return new NotFound("Letter");
        }

        var letter = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleAsync(l => l.Id == letterId, cancellationToken);
        var version = letter.Versions.Single(v => v.Number == letter.FinalisedVersion);
        var owner = await db.Municipalities.AsNoTracking().Where(m => m.Id == letter.MunicipalityId).Select(m => new { m.Name, m.LetterLogo, m.LetterLogoType }).SingleAsync(cancellationToken);
        var header = Web.Features.Letters.LetterHtml.Header.For(letter, version, owner.Name, Web.Features.Letters.LetterHtml.Header.LogoUri(owner.LetterLogo, owner.LetterLogoType)) with { Published = true };
        var bytes = format.Write(version, header);
        return new PublicLetterFile(bytes, format.ContentType, $"{Web.Features.Letters.LettersApi.FileName(letter, version)}.{format.Extension}");
    }

    public async ValueTask<Result<(PublicMunicipality Municipality, IReadOnlyList<string> References)>> Handle(ListPublicReferencesQuery query, CancellationToken cancellationToken)
    {
        if (await FindAsync(query.Municipality, cancellationToken) is not { } municipality)
        {
            return new NotFound("Municipality");
        }

        await using var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
        var references = await db.Obligations.AsNoTracking().Where(o => o.IsPublic).OrderBy(o => o.Reference).Select(o => o.Reference).ToListAsync(cancellationToken);
        return (municipality, references);
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<Result<PublicRegisterPage>> Handle(GetPublicRegisterQuery query, CancellationToken cancellationToken)
    {
        if (await FindAsync(query.Municipality, cancellationToken) is not { } municipality)
        {
            return new NotFound("Municipality");
        }

        await using var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
        var today = MunicipalTime.Today(time);
        var filter = query.Filter;
        int total;
        List<(Row Row, PublicAsOf.State State)> page;
        if (query.AsOf is { } day)
        {
            var then = (await PublicAsOf.ListAsync(db.Obligations.AsNoTracking().Where(o => o.IsPublic), filter, day, today, cancellationToken))
                .Select(c => (new Row(c.Obligation is Motion, c.Obligation.Reference, c.Obligation.Title, c.Obligation.AdoptedOn, c.Obligation.Meeting.Body, [.. c.Obligation.ResponsibleAldermen]), c.State))
                .ToList();
            total = then.Count;
            page = [.. then.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)];
        }
        else
        {
            var items = ListObligationsHandler.Filter(db.Obligations.AsNoTracking().Where(o => o.IsPublic), filter, today);
            total = await items.CountAsync(cancellationToken);
            var rows = await ListObligationsHandler.Sort(items, filter)
                .Skip((filter.Page - 1) * filter.PageSize)
                .Take(filter.PageSize)
                .Select(o => new
                {
                    IsMotion = o is Motion,
                    o.Reference,
                    o.Title,
                    o.AdoptedOn,
                    MeetingBody = o.Meeting.Body,
                    o.Status,
                    o.Cadence,
                    o.DueDate,
                    o.EndDate,
                    Aldermen = EF.Property<List<ResponsibleAlderman>>(o, "_aldermen").OrderBy(a => a.Position).Select(a => a.AldermanId).ToList(),
                })
                .ToListAsync(cancellationToken);
            page = [.. rows.Select(o =>
            {
                var deadline = o.Cadence == Cadence.Once ? o.DueDate : o.EndDate;
                return (new Row(o.IsMotion, o.Reference, o.Title, o.AdoptedOn, o.MeetingBody, o.Aldermen), new PublicAsOf.State(o.Status, deadline, IsOverdue(o.Status, deadline, today)));
            })];
        }

        var aldermen = await db.Aldermen.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Portfolio }).ToListAsync(cancellationToken);
        var names = aldermen.ToDictionary(a => a.Id, a => a.Name);
        var committees = await db.Obligations.AsNoTracking().Where(o => o.IsPublic).Select(o => o.Meeting.Body).Distinct().OrderBy(b => b).ToListAsync(cancellationToken);
        var lines = page.Select(p => new PublicItem(p.Row.IsMotion ? ObligationKind.Motion : ObligationKind.Commitment, p.Row.Reference, p.Row.Title,
            p.Row.AdoptedOn, p.Row.MeetingBody, p.State.Status, p.State.Deadline, p.State.Overdue, [.. p.Row.Aldermen.Select(id => names.GetValueOrDefault(id, "?"))])).ToList();
        return new PublicRegisterPage(municipality, [.. aldermen.Select(a => new PublicAlderman(a.Id.Value, a.Name, a.Portfolio))], committees,
            new PagedResult<PublicItem>(lines, total, filter.Page, filter.PageSize));
    }

    public async ValueTask<Result<PublicItemDetail>> Handle(GetPublicItemQuery query, CancellationToken cancellationToken)
    {
        if (await FindAsync(query.Municipality, cancellationToken) is not { } municipality)
        {
            return new NotFound("Municipality");
        }

        await using var db = contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
        var reference = query.Reference.Trim();
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Reference == reference && o.IsPublic, cancellationToken);
        var today = MunicipalTime.Today(time);
        var state = obligation is null ? null : query.AsOf is { } day ? PublicAsOf.At(obligation, day) : PublicAsOf.Now(obligation, today);
        if (obligation is null || state is null)
        {
            return new NotFound("Obligation");
        }

        var sentBy = query.AsOf ?? DateOnly.MaxValue;
        var ids = obligation.ResponsibleAldermen.ToList();
        var aldermen = await db.Aldermen.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var letters = await (from l in db.CouncilLetters.AsNoTracking()
                             join c in db.ReportingCycles on l.CycleId equals c.Id
                             where c.ObligationId == obligation.Id && l.Status == CouncilLetterStatus.Sent && l.SentOn <= sentBy
                             orderby l.SentOn descending
                             select new { l.Id, l.Reference, c.Period, l.SentOn }).ToListAsync(cancellationToken);
        var series = await SeriesAsync(db, obligation, [.. letters.Select(l => l.Period)], cancellationToken);
        var history = PublicAsOf.HistoryUntil(obligation, query.AsOf).ToList();
        return new PublicItemDetail(
            municipality,
            obligation.Kind,
            obligation.Reference,
            obligation.Title,
            obligation.Text,
            obligation.AdoptedOn,
            obligation.Meeting.Body,
            obligation.Meeting.Date,
            obligation.PolicyArea,
            obligation.Cadence,
            state.Status,
            state.Deadline,
            state.Overdue,
            state.Status is ObligationStatus.Reported or ObligationStatus.Fulfilled ? obligation.ReportedInLetter : null,
            obligation is Motion motion ? motion.SubmittingParties : [],
            [.. ids.Select(id => aldermen.Single(a => a.Id == id)).Select(a => new PublicAlderman(a.Id.Value, a.Name, a.Portfolio))],
            [.. letters.Select(l => new PublicLetter(l.Id.Value, l.Reference, l.Period.Display(Dutch), l.SentOn))],
            [.. history.Where(h => PublicWhat.ContainsKey(h.What)).OrderByDescending(h => h.Sequence)
                .Select(h => new PublicHistoryLine(h.AtUtc, PublicWhat[h.What], h.From, h.To, h.What == "revised" ? h.Reason : h.What == "status" ? StatusReason(h) : h.Reason))],
            series,
            StatusLine(obligation, history),
            query.AsOf);
    }

    /// <summary>Registered on its day, then each status change on the day it was made (the municipality's day).</summary>
    private static IReadOnlyList<PublicStatusStep> StatusLine(Obligation obligation, IReadOnlyList<ObligationHistoryEntry> history) =>
        [new PublicStatusStep(obligation.RegisteredOn, ObligationStatus.Registered),
         .. history.Where(h => h.What == "status" && h.To is not null)
             .Select(h => new PublicStatusStep(DateOnly.FromDateTime(MunicipalTime.ToLocal(h.AtUtc)), h.To!.Value))];

    /// <summary>
    /// The item's numeric indicators over the periods its sent letters report on: what was published, not what is being
    /// entered for a period no letter has gone out for yet.
    /// </summary>
    private static async Task<IReadOnlyList<PublicSeries>> SeriesAsync(
        Domain.Persistence.GovernanceDbContext db, Obligation obligation, IReadOnlyList<Domain.ReportingCycles.ReportingPeriod> published, CancellationToken cancellationToken)
    {
        var required = obligation.RequiredIndicators.Select(r => r.IndicatorId).ToList();
        if (published.Count == 0 || required.Count == 0)
        {
            return [];
        }

        var periods = published.Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => required.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var histories = await Workflows.ReportingCycles.IndicatorHistory.LoadManyAsync(db, required, cancellationToken, periods);
        return [.. required.Where(indicators.ContainsKey).Select(id => indicators[id]).Where(i => i.Current.Kind.IsNumeric()).Select(indicator =>
        {
            var definition = indicator.Current;
            var kind = definition.Kind == Domain.Indicators.IndicatorKind.Breakdown ? Domain.Indicators.IndicatorKind.Count : definition.Kind;
            var values = histories[indicator.Id];
            return new PublicSeries(
                definition.Name,
                [.. periods.Order().Select(p => (p.Display(Dutch), values.For(p)?.Value.FigureFor(indicator.VersionAt(values.For(p)!.DefinitionVersion))))],
                definition.Baseline?.Value,
                definition.Target?.Value,
                v => Components.Shared.Format.Measure(v, kind, definition.Unit, definition.Decimals),
                v => Components.Shared.Format.Number(v, definition.Decimals));
        })];
    }

    /// <summary>
    /// The history lines the public sees, in Dutch; never who did it. Changes of visibility are internal; the reason a
    /// status changed is shown where it is a decision (lapsed) or names the letter (reported).
    /// </summary>
    private static readonly Dictionary<string, string> PublicWhat = new(StringComparer.Ordinal)
    {
        ["registered"] = "Geregistreerd",
        ["status"] = "Status gewijzigd",
        ["revised"] = "Gegevens gewijzigd",
        ["deadline_extended"] = "Termijn verlengd",
    };

    private static string? StatusReason(ObligationHistoryEntry entry) =>
        entry.To is ObligationStatus.Lapsed or ObligationStatus.Reported or ObligationStatus.Fulfilled ? entry.Reason : null;

    /// <summary>What a line of the register needs of an item besides its state.</summary>
    private sealed record Row(bool IsMotion, string Reference, string Title, DateOnly AdoptedOn, string MeetingBody, List<Domain.Organisation.AldermanId> Aldermen);

    private static bool IsOverdue(ObligationStatus status, DateOnly? deadline, DateOnly today) =>
        status is ObligationStatus.Registered or ObligationStatus.InProgress && deadline < today;

    private Task<PublicMunicipality?> FindAsync(string slug, CancellationToken cancellationToken) => PublicMunicipalities.FindAsync(contexts, slug, cancellationToken);
}

/// <summary>Finds the municipality a public address names; every public read starts here.</summary>
internal static class PublicMunicipalities
{
    /// <summary>The municipality whose name makes <paramref name="slug"/>; the few municipalities of an installation are read each time.</summary>
    public static async Task<PublicMunicipality?> FindAsync(DbContextOptionsCache contexts, string slug, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(FixedMunicipalityContext.System, null);
        var all = await db.Municipalities.AsNoTracking().Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        return all.Select(m => new PublicMunicipality(m.Id.Value, m.Name, RegisterSlug.Of(m.Name)))
            .FirstOrDefault(m => string.Equals(m.Slug, slug, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>"Valkenburg aan de Geul" becomes "valkenburg-aan-de-geul": lower case, no accents, words joined by hyphens.</summary>
public static class RegisterSlug
{
    public static string Of(string name)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in SearchText.Fold(name) ?? "")
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
