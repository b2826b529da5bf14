using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Domain.Obligations.Events;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Workflows.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.Obligations;

/// <summary>
/// Tells the next person when an obligation needs them: reported as carried out (the first key), the griffie, to judge
/// whether it is fulfilled; its deadline extended, the responsible aldermen and the team leads of the teams that report
/// on it. Someone away is replaced by their substitute; one notification per event per person (the event key names the
/// history line).
/// </summary>
public sealed partial class ObligationHandovers(IServiceScopeFactory scopes, TimeProvider time, ILogger<ObligationHandovers> logger)
    : INotificationHandler<ObligationStatusChanged>, INotificationHandler<ObligationDeadlineExtended>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public ValueTask Handle(ObligationStatusChanged notification, CancellationToken cancellationToken) =>
        notification.To == ObligationStatus.Reported ? SafelyAsync(notification.ObligationId, null, cancellationToken) : ValueTask.CompletedTask;

    public ValueTask Handle(ObligationDeadlineExtended notification, CancellationToken cancellationToken) =>
        SafelyAsync(notification.ObligationId, notification, cancellationToken);

    private ValueTask SafelyAsync(ObligationId obligationId, ObligationDeadlineExtended? extended, CancellationToken cancellationToken) =>
        HandoverNotices.SafelyAsync(() => NotifyAsync(obligationId, extended, cancellationToken), e => LogFailed(e, obligationId.Value));

    private async Task NotifyAsync(ObligationId obligationId, ObligationDeadlineExtended? extended, CancellationToken cancellationToken)
    {
        // A scope of its own: the save that raised the event may belong to a job without a signed-in person.
        await using var scope = scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.GetRequiredService<ISystemDatabase>().CreateContext();
        var obligation = await db.Obligations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == obligationId, cancellationToken);
        if (obligation is null)
        {
            return;
        }

        var line = extended is null
            ? obligation.History.LastOrDefault(h => h.To == ObligationStatus.Reported)
            : obligation.History.SingleOrDefault(h => h.Sequence == extended.HistorySequence);
        if (line is null)
        {
            return;
        }

        var people = await HandoverNotices.PeopleAsync(db, obligation.MunicipalityId, cancellationToken);
        var kind = obligation.Kind == ObligationKind.Motion ? "motie" : "toezegging";
        var key = $"obligation:{obligationId}:history:{line.Sequence.ToString(CultureInfo.InvariantCulture)}";
        var link = $"/obligations/{obligationId}";
        HandoverNotices.Notice notice;
        IEnumerable<HandoverNotices.Person> recipients;
        if (extended is null)
        {
            recipients = people.Where(p => p.Is(Roles.Griffie));
            notice = new(key, $"Te beoordelen: {obligation.Reference} {obligation.Title}",
                $"{line.Actor} meldt dat de {kind} '{obligation.Title}' ({obligation.Reference}) is uitgevoerd, gerapporteerd in raadsinformatiebrief {obligation.ReportedInLetter}. " +
                $"Beoordeel of de {kind} is afgedaan, of heropen haar met een reden.", link);
        }
        else
        {
            var aldermen = obligation.ResponsibleAldermen.ToList();
            var indicators = obligation.RequiredIndicators.Select(r => r.IndicatorId).ToList();
            var teams = await db.IndicatorDefinitions.AsNoTracking().Where(d => indicators.Contains(d.IndicatorId)).Select(d => d.ResponsibleTeamId).Distinct().ToListAsync(cancellationToken);
            recipients = people.Where(p => (p.User.AldermanId is { } alderman && aldermen.Contains(alderman))
                                           || (p.Is(Roles.Teamleider) && p.User.TeamId is { } team && teams.Contains(team)));
            var which = obligation.Cadence == Cadence.Once ? "termijn" : "einddatum";
            var was = extended.From is { } from ? $" (was {from.ToString("d MMMM yyyy", Dutch)})" : "";
            notice = new(key, $"Uitstel: {obligation.Reference} {obligation.Title}",
                $"De {which} van de {kind} '{obligation.Title}' ({obligation.Reference}) is verschoven naar {extended.To.ToString("d MMMM yyyy", Dutch)}{was}. " +
                $"Reden: {line.Reason}", link);
        }

        await HandoverNotices.SendAsync(db, obligation.MunicipalityId, recipients, MunicipalTime.Today(time), notice, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A handover of obligation {ObligationId} was not notified")]
    private partial void LogFailed(Exception exception, Guid obligationId);
}
