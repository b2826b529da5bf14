using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Letters;
using Governance.Domain.Letters.Events;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.Letters;

/// <summary>
/// Tells the next person when a letter is theirs: offered for approval, each responsible alderman; sent back, the
/// drafting teams (staff and team leads of the teams that reported in the cycle) with the alderman's comments; finalised
/// by the last approval, the griffie, to send it. Someone away is replaced by their substitute. One notification per
/// event per person (the event key holds the letter's version), in the app and by e-mail or in the daily digest.
/// </summary>
public sealed partial class LetterHandovers(IServiceScopeFactory scopes, TimeProvider time, ILogger<LetterHandovers> logger)
    : INotificationHandler<LetterStatusChanged>, INotificationHandler<LetterFinalised>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask Handle(LetterStatusChanged notification, CancellationToken cancellationToken)
    {
        var handover = notification switch
        {
            { To: CouncilLetterStatus.InApproval } => Handover.Offered,
            { From: CouncilLetterStatus.InApproval or CouncilLetterStatus.Approved, To: CouncilLetterStatus.Draft } => Handover.SentBack,
            _ => (Handover?)null,
        };
        if (handover is { } h)
        {
            await SafelyAsync(notification.LetterId, h, cancellationToken);
        }
    }

    public ValueTask Handle(LetterFinalised notification, CancellationToken cancellationToken) =>
        SafelyAsync(notification.LetterId, Handover.Finalised, cancellationToken);

    private enum Handover
    {
        Offered,
        SentBack,
        Finalised,
    }

    private async ValueTask SafelyAsync(CouncilLetterId letterId, Handover handover, CancellationToken cancellationToken)
    {
        try
        {
            await NotifyAsync(letterId, handover, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The step itself is saved; a missed notification must not undo or fail it.
            LogFailed(e, letterId.Value, handover.ToString());
        }
    }

    private async Task NotifyAsync(CouncilLetterId letterId, Handover handover, CancellationToken cancellationToken)
    {
        // A scope of its own: the save that raised the event may belong to a job without a signed-in person.
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var letter = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        var cycle = letter is null ? null : await db.ReportingCycles.AsNoTracking().Include(c => c.Tasks).SingleOrDefaultAsync(c => c.Id == letter.CycleId, cancellationToken);
        var obligation = cycle is null ? null : await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == cycle.ObligationId, cancellationToken);
        if (letter is null || cycle is null || obligation is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = MunicipalTime.Today(time);
        var subject = letter.Current.Subject;
        var link = $"/letters/{letterId}";
        // The letter's row version: offered again after a send-back is a new event, the same save seen twice is not.
        var key = $"letter:{letterId}:{handover.ToString().ToLowerInvariant()}:{letter.Version.ToString(CultureInfo.InvariantCulture)}";
        IReadOnlyCollection<string> recipients;
        string title;
        string body;
        switch (handover)
        {
            case Handover.Offered:
                var aldermen = obligation.ResponsibleAldermen.ToList();
                recipients = await ActiveAsync(db, cycle.MunicipalityId, u => u.AldermanId != null && aldermen.Contains(u.AldermanId.Value), today, cancellationToken);
                title = $"Ter goedkeuring: {subject}";
                body = $"De raadsinformatiebrief '{subject}' over '{obligation.Title}' ({obligation.Reference}) ligt ter goedkeuring bij u, " +
                       $"graag uiterlijk {cycle.Deadlines.ApprovalsDue.ToString("d MMMM yyyy", Dutch)}.";
                break;
            case Handover.SentBack:
                var teams = cycle.Tasks.Select(t => t.TeamId).Distinct().ToList();
                var drafters = await UsersInRolesAsync(db, [Roles.Medewerker, Roles.Teamleider], cancellationToken);
                recipients = await ActiveAsync(db, cycle.MunicipalityId, u => u.TeamId != null && teams.Contains(u.TeamId.Value) && drafters.Contains(u.Id), today, cancellationToken);
                var comments = cycle.Journal.LastOrDefault(j => j.To == ReportingCycleStatus.SentBack)?.Reason;
                var by = cycle.Journal.LastOrDefault(j => j.To == ReportingCycleStatus.SentBack)?.Actor;
                title = $"Teruggestuurd: {subject}";
                body = $"{by ?? "Een wethouder"} heeft de raadsinformatiebrief '{subject}' teruggestuurd" + (comments is null ? "." : $" met dit commentaar: {comments}") +
                       " Pas de brief aan en bied hem opnieuw ter goedkeuring aan.";
                break;
            default:
                var griffie = await UsersInRolesAsync(db, [Roles.Griffie], cancellationToken);
                recipients = await ActiveAsync(db, cycle.MunicipalityId, u => griffie.Contains(u.Id), today, cancellationToken);
                title = $"Klaar om te verzenden: {subject}";
                body = $"Alle verantwoordelijke wethouders hebben de raadsinformatiebrief '{subject}' goedgekeurd; hij is vastgesteld met onze referentie {letter.Reference}. " +
                       $"Verzend hem uiterlijk {cycle.Deadlines.SendToCouncil.ToString("d MMMM yyyy", Dutch)} aan de raad en leg de verzending vast.";
                break;
        }

        if (recipients.Count == 0)
        {
            return;
        }

        var known = await db.Notifications.Where(n => n.EventKey == key).Select(n => n.RecipientUserId).ToListAsync(cancellationToken);
        db.Notifications.AddRange(recipients.Except(known).Select(r => new Notification(cycle.MunicipalityId, r, key, Notification.Fit(title, Notification.SubjectMaxLength), Notification.Fit(body, Notification.BodyMaxLength), link, now)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The active people of the municipality that <paramref name="who"/> selects, each replaced by their substitute while away; each once.</summary>
    private static async Task<IReadOnlyCollection<string>> ActiveAsync(
        GovernanceDbContext db, MunicipalityId municipality, Func<ApplicationUser, bool> who, DateOnly today, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipality && u.DeactivatedAtUtc == null).ToListAsync(cancellationToken);
        return people.Where(who).Select(p => p.ActingFor(today)).Distinct().ToList();
    }

    private static async Task<HashSet<string>> UsersInRolesAsync(GovernanceDbContext db, string[] roles, CancellationToken cancellationToken) =>
        [.. await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where roles.Contains(r.Name!) select ur.UserId).ToListAsync(cancellationToken)];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Handover} handover of letter {LetterId} was not notified")]
    private partial void LogFailed(Exception exception, Guid letterId, string handover);
}
