using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Letters;

/// <summary>The letters, newest first, paged on the server; council members see only those that are finalised or sent.</summary>
public sealed record ListLettersQuery(CouncilLetterStatus? Status = null, string? Search = null, Guid? ObligationId = null, int Page = 1, int PageSize = 25)
    : IQuery<PagedResult<LetterSummary>>;

public sealed record LetterSummary(Guid Id, string Subject, string ObligationReference, string ObligationTitle, ReportingPeriod Period, CouncilLetterStatus Status,
    string? Reference, DateTime? FinalisedAtUtc, DateOnly? SentOn);

public sealed class ListLettersHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : IQueryHandler<ListLettersQuery, PagedResult<LetterSummary>>
{
    public async ValueTask<PagedResult<LetterSummary>> Handle(ListLettersQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var letters = db.CouncilLetters.AsNoTracking();
        if (user.ReadsAsCouncilMember)
        {
            letters = letters.Where(l => l.Status == CouncilLetterStatus.Finalised || l.Status == CouncilLetterStatus.Sent);
        }

        if (query.Status is { } status)
        {
            letters = letters.Where(l => l.Status == status);
        }

        var rows = from letter in letters
                   join cycle in db.ReportingCycles.AsNoTracking() on letter.CycleId equals cycle.Id
                   join obligation in db.Obligations.AsNoTracking() on cycle.ObligationId equals obligation.Id
                   select new { letter, cycle, obligation };
        if (query.ObligationId is { } obligationId)
        {
            var id = new Domain.Obligations.ObligationId(obligationId);
            rows = rows.Where(r => r.obligation.Id == id);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = SearchText.Pattern(query.Search);
            rows = rows.Where(r => EF.Functions.Like(SearchText.Folded(r.letter.Subject), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(r.obligation.Reference), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(r.obligation.Title), term, SearchText.Escape)
                || EF.Functions.Like(SearchText.Folded(r.letter.Reference), term, SearchText.Escape));
        }

        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var page = Math.Max(1, query.Page);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(r => r.letter.FinalisedAtUtc == null ? 0 : 1).ThenByDescending(r => r.letter.FinalisedAtUtc).ThenByDescending(r => r.letter.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new LetterSummary(r.letter.Id.Value, r.letter.Subject, r.obligation.Reference, r.obligation.Title, r.cycle.Period, r.letter.Status,
                r.letter.Reference, r.letter.FinalisedAtUtc, r.letter.SentOn))
            .ToListAsync(cancellationToken);
        return new PagedResult<LetterSummary>(items, total, page, pageSize);
    }
}
