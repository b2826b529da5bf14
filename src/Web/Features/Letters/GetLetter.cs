using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Governance.Workflows.Letters;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Letters;

/// <summary>A letter as the drafter, the aldermen and the griffie see it: the current version, its history, the approvals and what the reader may do now.</summary>
public sealed record GetLetterQuery(Guid? LetterId, Guid? CycleId = null) : IQuery<Result<LetterView>>;

public sealed record LetterView(
    Guid Id,
    Guid CycleId,
    string ObligationReference,
    string ObligationTitle,
    string Period,
    CouncilLetterStatus Status,
    int Version,
    LetterVersionView Current,
    IReadOnlyList<LetterVersionView> Versions,
    IReadOnlyList<AldermanApproval> Aldermen,
    string? Reference,
    DateTime? FinalisedAtUtc,
    DateOnly? SentOn,
    string? SentDocumentNumber,
    bool? SealVerifies,
    string? SentBackComments,
    string Html,
    LetterActions Actions,
    string Municipality,
    string CurrentData,
    LetterModel? Figures,
    PreviousLetter? Previous);

/// <summary>The latest letter sent or finalised before this one for the same obligation, to compare with.</summary>
public sealed record PreviousLetter(Guid Id, string? Reference, string Period, string Body);

public sealed record LetterVersionView(int Number, string Subject, string HandledBy, string? Phone, string Body, string Reason, string CreatedBy, DateTime CreatedAtUtc, string Hash);

/// <summary>Where an alderman stands: approved this version, approved an earlier one (stale, with that version's number), or not yet.</summary>
public sealed record AldermanApproval(Guid AldermanId, string Name, string Portfolio, DateTime? ApprovedAtUtc, int? StaleVersion);

public sealed record LetterActions(bool Edit, bool Submit, bool Approve, bool SendBack, bool RecordSent, bool Recompose, bool ReadCycle = true);

public sealed class GetLetterHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user) : IQueryHandler<GetLetterQuery, Result<LetterView>>
{
    public async ValueTask<Result<LetterView>> Handle(GetLetterQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var letters = db.CouncilLetters.AsNoTracking().Include(l => l.Versions).Include(l => l.Approvals);
        var letter = query.LetterId is { } id
            ? await letters.SingleOrDefaultAsync(l => l.Id == new CouncilLetterId(id), cancellationToken)
            : await letters.SingleOrDefaultAsync(l => l.CycleId == new ReportingCycleId(query.CycleId ?? Guid.Empty), cancellationToken);
        if (letter is null || (!letter.IsFinalised && user.ReadsAsCouncilMember))
        {
            // Council members read letters once they are finalised; drafts are the executive's.
            return new NotFound("Letter");
        }

        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Tasks).SingleAsync(c => c.Id == letter.CycleId, cancellationToken);
        var obligation = await db.Obligations.AsNoTracking().SingleAsync(o => o.Id == cycle.ObligationId, cancellationToken);
        var required = obligation.ResponsibleAldermen;
        var aldermen = await db.Aldermen.AsNoTracking().Where(a => required.Contains(a.Id)).ToListAsync(cancellationToken);
        var owner = await db.Municipalities.AsNoTracking().Where(m => m.Id == letter.MunicipalityId).Select(m => new { m.Name, m.LetterLogo, m.LetterLogoType }).SingleAsync(cancellationToken);
        var municipality = owner.Name;

        var approvals = required.Select(a =>
        {
            var alderman = aldermen.Single(x => x.Id == a);
            var current = letter.CurrentApprovals.SingleOrDefault(x => x.AldermanId == a);
            var stale = letter.StaleApprovals.SingleOrDefault(x => x.AldermanId == a);
            return new AldermanApproval(a.Value, alderman.Name, alderman.Portfolio, current?.ApprovedAtUtc, stale?.VersionNumber);
        }).ToList();

        var isDrafter = (user.IsInRole(Roles.Medewerker) || user.IsInRole(Roles.Teamleider)) && user.TeamId is { } team && cycle.Tasks.Any(t => t.TeamId == team);
        var isResponsible = user.IsInRole(Roles.Wethouder) && user.AldermanId is { } me && required.Contains(me);
        var inApproval = letter.Status == CouncilLetterStatus.InApproval;
        var actions = new LetterActions(
            Edit: isDrafter && letter.Status == CouncilLetterStatus.Draft,
            Submit: isDrafter && letter.Status == CouncilLetterStatus.Draft,
            Approve: isResponsible && inApproval && !letter.HasApprovalOf(user.AldermanId!.Value),
            SendBack: isResponsible && inApproval,
            RecordSent: user.IsInRole(Roles.Griffie) && letter.Status == CouncilLetterStatus.Finalised,
            Recompose: isDrafter && letter.Status == CouncilLetterStatus.Draft,
            ReadCycle: !user.ReadsAsCouncilMember);
        var previous = await PreviousAsync(db, cycle, cancellationToken);
        var sentBack = cycle.Status == ReportingCycleStatus.SentBack ? cycle.Journal[^1].Reason : null;
        return new LetterView(
            letter.Id.Value, cycle.Id.Value, obligation.Reference, obligation.Title, cycle.Period.Display(LetterFigures.Dutch), letter.Status, letter.Version,
            // Council members receive the letter as sent: its drafts stay with the executive.
            View(letter.Current), [.. letter.Versions.Reverse().Where(v => !user.ReadsAsCouncilMember || v.Number == letter.FinalisedVersion).Select(View)], approvals, letter.Reference, letter.FinalisedAtUtc, letter.SentOn, letter.SentDocumentNumber,
            letter.IsFinalised ? letter.VerifiesSeal() : null, sentBack,
            LetterHtml.Fragment(letter.Current, LetterHtml.Header.For(letter, letter.Current, municipality, LetterHtml.Header.LogoUri(owner.LetterLogo, owner.LetterLogoType))), actions,
            municipality, letter.Current.Data, LetterHtml.Model(letter.Current), previous);
    }

    private static async Task<PreviousLetter?> PreviousAsync(GovernanceDbContext db, ReportingCycle cycle, CancellationToken cancellationToken)
    {
        var earlier = await db.ReportingCycles.AsNoTracking().Where(c => c.ObligationId == cycle.ObligationId && c.Id != cycle.Id)
            .Select(c => new { c.Id, c.Period }).ToListAsync(cancellationToken);
        var ids = earlier.Where(c => c.Period.CompareTo(cycle.Period) < 0).Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var letters = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions)
            .Where(l => ids.Contains(l.CycleId) && (l.Status == CouncilLetterStatus.Finalised || l.Status == CouncilLetterStatus.Sent)).ToListAsync(cancellationToken);
        var latest = letters.MaxBy(l => earlier.Single(c => c.Id == l.CycleId).Period);
        if (latest is null)
        {
            return null;
        }

        var sealedVersion = latest.Versions.Single(v => v.Number == latest.FinalisedVersion);
        return new PreviousLetter(latest.Id.Value, latest.Reference, earlier.Single(c => c.Id == latest.CycleId).Period.Display(LetterFigures.Dutch), sealedVersion.Body);
    }

    private static LetterVersionView View(LetterVersion v) =>
        new(v.Number, v.Subject, v.HandledBy, v.Phone, v.Body, v.Reason, v.CreatedBy, v.CreatedAtUtc, v.Hash);
}
