using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Governance.Workflows.Letters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Letters;

/// <summary>The alderman's "Ter goedkeuring": letters in approval that wait for me, and those I co-sign that wait for others.</summary>
public sealed record ListLettersForApprovalQuery : IQuery<LettersForApproval>;

public sealed record LettersForApproval(IReadOnlyList<LetterForApproval> WaitingForMe, IReadOnlyList<LetterForApproval> CoSigned);

/// <summary>One letter in the workspace: the version to approve and where every co-signer stands.</summary>
public sealed record LetterForApproval(
    Guid Id, string Subject, string ObligationReference, string ObligationTitle, string Period, int VersionNumber, DateTime SubmittedAtUtc,
    DateOnly ApprovalsDue, bool Overdue, IReadOnlyList<CoSigner> Signers, bool ApprovedByMe, int? MyStaleVersion);

public sealed record CoSigner(string Name, bool Approved);

public sealed class ListLettersForApprovalHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : IQueryHandler<ListLettersForApprovalQuery, LettersForApproval>
{
    public async ValueTask<LettersForApproval> Handle(ListLettersForApprovalQuery query, CancellationToken cancellationToken)
    {
        if (user.AldermanId is not { } me)
        {
            return new LettersForApproval([], []);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = await db.Obligations.AsNoTracking()
            .Where(o => EF.Property<List<ResponsibleAlderman>>(o, "_aldermen").Any(a => a.AldermanId == me))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var obligationIds = mine.Keys.ToList();
        var cycles = await db.ReportingCycles.AsNoTracking().Where(c => obligationIds.Contains(c.ObligationId))
            .Select(c => new { c.Id, c.ObligationId, c.Period, c.Deadlines }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var cycleIds = cycles.Keys.ToList();
        var letters = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).Include(l => l.Approvals)
            .Where(l => l.Status == CouncilLetterStatus.InApproval && cycleIds.Contains(l.CycleId)).ToListAsync(cancellationToken);
        var aldermen = await db.Aldermen.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var today = Domain.Planning.MunicipalTime.Today(time);

        var rows = letters.Select(letter =>
        {
            var cycle = cycles[letter.CycleId];
            var obligation = mine[cycle.ObligationId];
            return new LetterForApproval(
                letter.Id.Value, letter.Current.Subject, obligation.Reference, obligation.Title, cycle.Period.Display(LetterFigures.Dutch), letter.Current.Number,
                letter.Current.CreatedAtUtc, cycle.Deadlines.ApprovalsDue, cycle.Deadlines.ApprovalsDue < today,
                [.. obligation.ResponsibleAldermen.Select(a => new CoSigner(aldermen.GetValueOrDefault(a, "?"), letter.HasApprovalOf(a)))],
                letter.HasApprovalOf(me), letter.StaleApprovals.SingleOrDefault(a => a.AldermanId == me)?.VersionNumber);
        }).OrderBy(l => l.ApprovalsDue).ThenBy(l => l.ObligationReference).ToList();

        return new LettersForApproval([.. rows.Where(r => !r.ApprovedByMe)], [.. rows.Where(r => r.Signers.Count > 1)]);
    }
}
