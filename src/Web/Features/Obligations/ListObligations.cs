using FluentValidation;
using Governance.Domain.Commitments;
using Governance.Domain.Common;
using Governance.Domain.Motions;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Obligations;

public enum ObligationSort
{
    Reference,
    Title,
    AdoptedOn,
    Status,
    Deadline,
}

/// <summary>A page of motions and commitments; every parameter is optional (the API binds them from the query string).</summary>
public sealed record ListObligationsQuery(
    string? Search = null,
    ObligationKind? Kind = null,
    ObligationStatus? Status = null,
    Guid? AldermanId = null,
    string? PolicyArea = null,
    string? Committee = null,
    DateOnly? AdoptedFrom = null,
    DateOnly? AdoptedTo = null,
    bool? Overdue = null,
    ObligationSort Sort = ObligationSort.AdoptedOn,
    bool Descending = true,
    int Page = 1,
    int PageSize = 25) : IQuery<Result<PagedResult<ObligationSummary>>>;

public sealed record ObligationSummary(
    Guid Id,
    ObligationKind Kind,
    string Reference,
    string Title,
    DateOnly AdoptedOn,
    string MeetingBody,
    string PolicyArea,
    Cadence Cadence,
    ObligationStatus Status,
    DateOnly? DueDate,
    DateOnly? EndDate,
    IReadOnlyList<string> Aldermen);

public sealed class ListObligationsValidator : AbstractValidator<ListObligationsQuery>
{
    public ListObligationsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("De pagina is 1 of hoger.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100).WithMessage("Een pagina heeft 1 tot 100 regels.");
        RuleFor(q => q.Search).MaximumLength(200).WithMessage("Zoek met hooguit 200 tekens.");
        RuleFor(q => q.Committee).MaximumLength(Meeting.BodyMaxLength);
        RuleFor(q => q.AdoptedTo).GreaterThanOrEqualTo(q => q.AdoptedFrom).When(q => q.AdoptedFrom is not null && q.AdoptedTo is not null)
            .WithMessage("De einddatum ligt niet voor de begindatum.");
    }
}

public sealed class ListObligationsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time)
    : IQueryHandler<ListObligationsQuery, Result<PagedResult<ObligationSummary>>>
{
    public async ValueTask<Result<PagedResult<ObligationSummary>>> Handle(ListObligationsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var obligations = Filter(db.Obligations.AsNoTracking(), query, Domain.Planning.MunicipalTime.Today(time));
        var total = await obligations.CountAsync(cancellationToken);
        var page = await Sort(obligations, query)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .Select(o => new
            {
                o.Id,
                IsMotion = o is Motion,
                o.Reference,
                o.Title,
                o.AdoptedOn,
                MeetingBody = o.Meeting.Body,
                o.PolicyArea,
                o.Cadence,
                o.Status,
                o.DueDate,
                o.EndDate,
                Aldermen = EF.Property<List<ResponsibleAlderman>>(o, "_aldermen").OrderBy(a => a.Position).Select(a => a.AldermanId).ToList(),
            })
            .ToListAsync(cancellationToken);

        var aldermanIds = page.SelectMany(o => o.Aldermen).Distinct().ToList();
        var names = await db.Aldermen.Where(a => aldermanIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var items = page.Select(o => new ObligationSummary(
                o.Id.Value,
                o.IsMotion ? ObligationKind.Motion : ObligationKind.Commitment,
                o.Reference,
                o.Title,
                o.AdoptedOn,
                o.MeetingBody,
                o.PolicyArea,
                o.Cadence,
                o.Status,
                o.DueDate,
                o.EndDate,
                [.. o.Aldermen.Select(id => names.GetValueOrDefault(id, "?"))]))
            .ToList();
        return new PagedResult<ObligationSummary>(items, total, query.Page, query.PageSize);
    }

    internal static IQueryable<Obligation> Filter(IQueryable<Obligation> obligations, ListObligationsQuery query, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = SearchText.Pattern(query.Search);
            obligations = obligations.Where(o => EF.Functions.Like(SearchText.Folded(o.Title), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(o.Text), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(o.Reference), term, SearchText.Escape));
        }

        obligations = query.Kind switch
        {
            ObligationKind.Motion => obligations.Where(o => o is Motion),
            ObligationKind.Commitment => obligations.Where(o => o is Commitment),
            null => obligations,
        };
        if (query.Status is { } status)
        {
            obligations = obligations.Where(o => o.Status == status);
        }

        if (query.PolicyArea is { } area)
        {
            obligations = obligations.Where(o => o.PolicyArea == area);
        }

        if (query.AldermanId is { } alderman)
        {
            var id = new AldermanId(alderman);
            obligations = obligations.Where(o => EF.Property<List<ResponsibleAlderman>>(o, "_aldermen").Any(a => a.AldermanId == id));
        }

        if (!string.IsNullOrWhiteSpace(query.Committee))
        {
            var committee = query.Committee.Trim();
            obligations = obligations.Where(o => o.Meeting.Body == committee);
        }

        if (query.AdoptedFrom is { } from)
        {
            obligations = obligations.Where(o => o.AdoptedOn >= from);
        }

        if (query.AdoptedTo is { } to)
        {
            obligations = obligations.Where(o => o.AdoptedOn <= to);
        }

        // Overdue: still to be carried out after its due date (one-off) or end date (recurring).
        if (query.Overdue is { } overdue)
        {
            Expression<Func<Obligation, bool>> late = o => (o.Status == ObligationStatus.Registered || o.Status == ObligationStatus.InProgress)
                && (o.Cadence == Cadence.Once ? o.DueDate < today : o.EndDate < today);
            obligations = overdue ? obligations.Where(late) : obligations.Where(Not(late));
        }

        return obligations;
    }

    private static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary>Statuses sort in the order of the lifecycle, not alphabetically (they are stored as names).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Obligation, int>> LifecycleOrder = o =>
        o.Status == ObligationStatus.Registered ? 0
        : o.Status == ObligationStatus.InProgress ? 1
        : o.Status == ObligationStatus.Reported ? 2
        : o.Status == ObligationStatus.Fulfilled ? 3
        : 4;

    internal static IQueryable<Obligation> Sort(IQueryable<Obligation> obligations, ListObligationsQuery query) =>
        (query.Sort, query.Descending) switch
        {
            (ObligationSort.Reference, false) => obligations.OrderBy(o => o.Reference),
            (ObligationSort.Reference, true) => obligations.OrderByDescending(o => o.Reference),
            (ObligationSort.Title, false) => obligations.OrderBy(o => o.Title),
            (ObligationSort.Title, true) => obligations.OrderByDescending(o => o.Title),
            (ObligationSort.Status, false) => obligations.OrderBy(LifecycleOrder).ThenBy(o => o.Reference),
            (ObligationSort.Status, true) => obligations.OrderByDescending(LifecycleOrder).ThenBy(o => o.Reference),
            (ObligationSort.Deadline, false) => obligations.OrderBy(o => o.DueDate ?? o.EndDate).ThenBy(o => o.Reference),
            (ObligationSort.Deadline, true) => obligations.OrderByDescending(o => o.DueDate ?? o.EndDate).ThenBy(o => o.Reference),
            (ObligationSort.AdoptedOn, false) => obligations.OrderBy(o => o.AdoptedOn).ThenBy(o => o.Reference),
            (ObligationSort.AdoptedOn, true) => obligations.OrderByDescending(o => o.AdoptedOn).ThenBy(o => o.Reference),
            _ => obligations.OrderBy(o => o.Reference),
        };
}
