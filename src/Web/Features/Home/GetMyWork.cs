using Governance.Domain.Accounts;
using Governance.Domain.Letters;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Features.Letters;
using Governance.Web.Features.ReportingCycles;
using Governance.Web.Features.Tasks;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Home;

/// <summary>
/// What needs the signed-in person now, for each of their roles: the home page lists it and the menu shows the counts.
/// A count is null when it is not the person's work (a griffie has no tasks, staff judge nothing).
/// </summary>
public sealed record GetMyWorkQuery : IQuery<MyWork>;

/// <summary>
/// Staff and team leads: the team's open tasks and how many are past their deadline (for a team lead, the team's late
/// work), and the letters in draft for the team's reports (composed or sent back), with those past the draft deadline. Aldermen: the letters waiting for their approval and how many are past the approvals deadline. The griffie:
/// obligations reported carried out, to judge; finalised letters, to send; reports past the deadline of their step.
/// </summary>
public sealed record MyWork(int? OpenTasks, int? LateTasks, int? WaitingForMe, int? WaitingLate, int? ToJudge, int? ToSend, int? LateReports)
{
    public static MyWork None { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Letters in draft for reports the person's team supplies values to (composed, or sent back): to finish and submit.</summary>
    public int? ToDraft { get; init; }

    /// <summary>Of <see cref="ToDraft"/>, those past the report's draft deadline.</summary>
    public int? DraftLate { get; init; }
}

public sealed class GetMyWorkHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, ISender sender, TimeProvider time)
    : IQueryHandler<GetMyWorkQuery, MyWork>
{
    public async ValueTask<MyWork> Handle(GetMyWorkQuery query, CancellationToken cancellationToken)
    {
        var work = MyWork.None;
        var today = MunicipalTime.Today(time);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if ((user.IsInRole(Roles.Medewerker) || user.IsInRole(Roles.Teamleider)) && user.TeamId is { } team)
        {
            var open = MyTaskRows.Of(db, team, openOnly: true);
            var drafts = from l in db.CouncilLetters
                         where l.Status == CouncilLetterStatus.Draft
                         join c in db.ReportingCycles on l.CycleId equals c.Id
                         where db.IndicatorTasks.Any(t => t.CycleId == c.Id && t.TeamId == team)
                         select c.Deadlines.DraftDue;
            work = work with
            {
                OpenTasks = await open.CountAsync(cancellationToken),
                LateTasks = await open.CountAsync(r => r.CanEnter && r.Task.DueDate < today, cancellationToken),
                ToDraft = await drafts.CountAsync(cancellationToken),
                DraftLate = await drafts.CountAsync(due => due < today, cancellationToken),
            };
        }

        if (user.IsInRole(Roles.Wethouder) && user.AldermanId is not null)
        {
            var waiting = (await sender.Send(new ListLettersForApprovalQuery(), cancellationToken)).WaitingForMe;
            work = work with { WaitingForMe = waiting.Count, WaitingLate = waiting.Count(l => l.Overdue) };
        }

        if (user.IsInRole(Roles.Griffie))
        {
            work = work with
            {
                ToJudge = await db.Obligations.CountAsync(o => o.Status == ObligationStatus.Reported, cancellationToken),
                ToSend = await db.CouncilLetters.CountAsync(l => l.Status == CouncilLetterStatus.Finalised, cancellationToken),
                LateReports = await CycleSteps.Deadlines(db).CountAsync(s => s.Active && !s.Cycle.IsImported && s.Next < today, cancellationToken),
            };
        }

        return work;
    }
}
