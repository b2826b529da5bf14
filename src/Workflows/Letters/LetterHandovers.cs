using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Letters;
using Governance.Domain.Letters.Events;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.Notifications;
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

    private ValueTask SafelyAsync(CouncilLetterId letterId, Handover handover, CancellationToken cancellationToken) =>
        HandoverNotices.SafelyAsync(() => NotifyAsync(letterId, handover, cancellationToken), e => LogFailed(e, letterId.Value, handover.ToString()));

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
        var people = await HandoverNotices.PeopleAsync(db, cycle.MunicipalityId, cancellationToken);
        IEnumerable<HandoverNotices.Person> recipients;
        string title;
        string body;
        switch (handover)
        {
            case Handover.Offered:
                var aldermen = obligation.ResponsibleAldermen.ToList();
                recipients = people.Where(p => p.User.AldermanId is { } alderman && aldermen.Contains(alderman));
                title = $"Ter goedkeuring: {subject}";
                body = $"De raadsinformatiebrief '{subject}' over '{obligation.Title}' ({obligation.Reference}) ligt ter goedkeuring bij u, " +
                       $"graag uiterlijk {cycle.Deadlines.ApprovalsDue.ToString("d MMMM yyyy", Dutch)}.";
                break;
            case Handover.SentBack:
                var teams = cycle.Tasks.Select(t => t.TeamId).Distinct().ToList();
                recipients = people.Where(p => p.User.TeamId is { } team && teams.Contains(team) && (p.Is(Roles.Medewerker) || p.Is(Roles.Teamleider)));
                var sentBack = cycle.Journal.LastOrDefault(j => j.To == ReportingCycleStatus.SentBack);
                title = $"Teruggestuurd: {subject}";
                body = $"{sentBack?.Actor ?? "Een wethouder"} heeft de raadsinformatiebrief '{subject}' teruggestuurd" + (sentBack?.Reason is { } comments ? $" met dit commentaar: {comments}" : ".") +
                       " Pas de brief aan en bied hem opnieuw ter goedkeuring aan.";
                break;
            default:
                recipients = people.Where(p => p.Is(Roles.Griffie));
                title = $"Klaar om te verzenden: {subject}";
                body = $"Alle verantwoordelijke wethouders hebben de raadsinformatiebrief '{subject}' goedgekeurd; hij is vastgesteld met onze referentie {letter.Reference}. " +
                       $"Verzend hem uiterlijk {cycle.Deadlines.SendToCouncil.ToString("d MMMM yyyy", Dutch)} aan de raad en leg de verzending vast.";
                break;
        }

        await HandoverNotices.SendAsync(db, cycle.MunicipalityId, recipients, today, new(key, title, body, link), now, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Handover} handover of letter {LetterId} was not notified")]
    private partial void LogFailed(Exception exception, Guid letterId, string handover);
}
