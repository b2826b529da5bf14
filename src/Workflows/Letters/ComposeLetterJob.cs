using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Domain.ReportingCycles.Events;
using Hangfire;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Governance.Workflows.Letters;

/// <summary>
/// Composes the draft letter of a cycle in the background; thin, retried, and safe to run twice (the composer
/// stores one letter and no identical second version). A letter that cannot be composed (a value that does not
/// fit, a broken template) is logged as a warning and left for the drafter, who sees why on the letter page; a letter
/// someone else composed or offered first is no warning.
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed partial class ComposeLetterJob(ISystemDatabase database, LetterComposer composer, ILogger<ComposeLetterJob> logger)
{
    public const string Actor = "Governance (samenstelling)";

    public async Task ExecuteAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        var composed = await composer.ComposeAsync(db, new ReportingCycleId(cycleId), Actor, cancellationToken);
        switch (composed.Error)
        {
            case null:
                break;
            case CycleNotComplete or LetterNotDraft or Domain.Common.Conflict:
                // Overtaken: someone composed, offered or changed the letter first. Nothing for anyone to do.
                LogOvertaken(cycleId, composed.Error.Message);
                break;
            default:
                LogNotComposed(cycleId, composed.Error.Message);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The letter of cycle {CycleId} was already composed or moved on: {Reason}")]
    private partial void LogOvertaken(Guid cycleId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The letter of cycle {CycleId} was not composed: {Reason}")]
    private partial void LogNotComposed(Guid cycleId, string reason);
}

/// <summary>When a cycle becomes complete, its letter is composed in the background (after the save that completed it).</summary>
public sealed class ComposeLetterWhenComplete(IBackgroundJobClient jobs) : INotificationHandler<ReportingCycleStatusChanged>
{
    public ValueTask Handle(ReportingCycleStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.To == ReportingCycleStatus.Complete)
        {
            jobs.Enqueue<ComposeLetterJob>(job => job.ExecuteAsync(notification.CycleId.Value, CancellationToken.None));
        }

        return ValueTask.CompletedTask;
    }
}
