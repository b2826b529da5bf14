using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.Regions;
using Governance.Workflows.Notifications;
using Governance.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Regions;

/// <summary>Which step hands a regional letter on, and so whom to tell.</summary>
public enum RegionalHandover
{
    Offered,
    SentBack,
    Approved,
}

/// <summary>
/// Tells the next people when a regional letter is theirs, each in their own municipality (someone away replaced by their
/// substitute): offered, each approver; sent back, the lead's griffie; approved, the griffie of each council it is for.
/// A reminder (a day given as remindOn) goes to those whose step is still open after its deadline, once a day.
/// </summary>
public static class RegionalLetterNotices
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static async Task SendAsync(GovernanceDbContext db, RegionalLetter letter, RegionalHandover handover, DateOnly remindOn, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = MunicipalTime.Today(time);
        var link = $"/regio/brieven/{letter.Id}";
        var reminder = remindOn != DateOnly.MinValue;
        var key = reminder
            ? $"regional-letter:{letter.Id}:remind-{handover.ToString().ToLowerInvariant()}:{remindOn:yyyyMMdd}"
            : $"regional-letter:{letter.Id}:{handover.ToString().ToLowerInvariant()}:{letter.Version.ToString(CultureInfo.InvariantCulture)}";
        var prefix = reminder ? "Herinnering: " : "";
        switch (handover)
        {
            case RegionalHandover.Offered:
                foreach (var approver in letter.Approvers.Where(a => !reminder || a.ApprovedHash != letter.Hash))
                {
                    var people = await HandoverNotices.PeopleAsync(db, approver.MunicipalityId, cancellationToken);
                    await HandoverNotices.SendAsync(db, approver.MunicipalityId, people.Where(p => p.User.AldermanId == approver.AldermanId), today, new(key,
                        $"{prefix}Ter goedkeuring: {letter.Subject}",
                        $"De regionale brief '{letter.Subject}' voor de raden van de samenwerkende gemeenten ligt ter goedkeuring bij u, graag uiterlijk {letter.ApprovalsDue?.ToString("d MMMM yyyy", Dutch)}.",
                        link), now, cancellationToken);
                }

                break;
            case RegionalHandover.SentBack:
                var griffie = await HandoverNotices.PeopleAsync(db, letter.LeadMunicipalityId, cancellationToken);
                await HandoverNotices.SendAsync(db, letter.LeadMunicipalityId, griffie.Where(p => p.Is(Roles.Griffie)), today, new(key,
                    $"Teruggestuurd: {letter.Subject}",
                    $"De regionale brief '{letter.Subject}' is teruggestuurd. {letter.SentBackReason} Pas de brief aan en bied hem opnieuw ter goedkeuring aan.",
                    link), now, cancellationToken);
                break;
            default:
                foreach (var member in letter.Members.Where(m => letter.Sendings.All(s => s.MunicipalityId != m)))
                {
                    var people = await HandoverNotices.PeopleAsync(db, member, cancellationToken);
                    await HandoverNotices.SendAsync(db, member, people.Where(p => p.Is(Roles.Griffie)), today, new(key,
                        $"{prefix}Klaar om te verzenden: {letter.Subject}",
                        $"De regionale brief '{letter.Subject}' is goedgekeurd. Verzend hem uiterlijk {letter.SendingDue?.ToString("d MMMM yyyy", Dutch)} aan uw raad en leg de verzending vast; hij krijgt dan een referentie uit uw eigen reeks.",
                        link), now, cancellationToken);
                }

                break;
        }
    }
}

/// <summary>
/// Reminds, each working morning, whoever holds up a regional letter past its deadline: an approver who has not approved
/// by the approvals' date, a council's griffie that has not recorded the sending by the sending date. One reminder a day.
/// </summary>
[RunsAlone(timeoutInSeconds: 600)]
public sealed class RemindRegionalLettersJob(ISystemDatabase systemDatabase, TimeProvider time)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var today = MunicipalTime.Today(time);
        await using var db = systemDatabase.CreateContext();
        var late = await db.RegionalLetters.AsNoTracking()
            .Where(l => (l.Status == RegionalLetterStatus.InApproval && l.ApprovalsDue < today) || (l.Status == RegionalLetterStatus.Approved && l.SendingDue < today))
            .ToListAsync(cancellationToken);
        foreach (var letter in late)
        {
            var handover = letter.Status == RegionalLetterStatus.InApproval ? RegionalHandover.Offered : RegionalHandover.Approved;
            await RegionalLetterNotices.SendAsync(db, letter, handover, today, time, cancellationToken);
        }

        return late.Count;
    }
}
