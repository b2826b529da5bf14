using System.Globalization;
using Governance.Domain.Letters.Events;
using Governance.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Letters;

/// <summary>
/// Tells the followers of an obligation that a council letter about it was sent: one notification each, in
/// the app and by e-mail (or in their daily digest), with a link to the letter.
/// </summary>
public sealed partial class NotifyFollowersOfLetterSent(IServiceScopeFactory scopes, TimeProvider time, ILogger<NotifyFollowersOfLetterSent> logger) : INotificationHandler<LetterSent>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask Handle(LetterSent notification, CancellationToken cancellationToken)
    {
        try
        {
            await NotifyAsync(notification, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The sending is recorded; a missed follower notification must not undo or fail it.
            LogFailed(e, notification.LetterId.Value);
        }
    }

    private async Task NotifyAsync(LetterSent sent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var about = await (from letter in db.CouncilLetters.AsNoTracking()
                           join cycle in db.ReportingCycles on letter.CycleId equals cycle.Id
                           join obligation in db.Obligations on cycle.ObligationId equals obligation.Id
                           where letter.Id == sent.LetterId
                           select new { obligation.Id, obligation.Reference, obligation.Title, obligation.MunicipalityId, letter.Subject }).SingleOrDefaultAsync(cancellationToken);
        if (about is null)
        {
            return;
        }

        var subject = $"{about.Reference} {about.Title}: raadsinformatiebrief {sent.Reference} verzonden";
        var body = $"De raadsinformatiebrief '{about.Subject}' (onze referentie {sent.Reference}) over '{about.Title}' ({about.Reference}) is op " +
                   $"{sent.SentOn.ToString("d MMMM yyyy", Dutch)} aan de raad verzonden. U ontvangt dit omdat u deze motie of toezegging volgt.";
        await Obligations.FollowerNotices.SendAsync(db, about.Id, about.MunicipalityId,
            new($"letter:{sent.LetterId}:sent", subject, body, $"/letters/{sent.LetterId}"), time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Followers were not notified that letter {LetterId} was sent")]
    private partial void LogFailed(Exception exception, Guid letterId);
}
