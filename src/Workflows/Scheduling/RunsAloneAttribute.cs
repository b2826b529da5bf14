namespace Governance.Workflows.Scheduling;

/// <summary>
/// A job that never runs twice at once, across every process on the database: a second run waits up to
/// <see cref="TimeoutInSeconds"/> for the first to finish (then does what is left) and fails to be retried after that.
/// The lock goes with the process that holds it, so a process that dies does not hold the next run up (the host's
/// job filter takes it; Hangfire's own <c>DisableConcurrentExecution</c> keeps a dead process's lock for minutes).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsAloneAttribute(int timeoutInSeconds) : Attribute
{
    public int TimeoutInSeconds { get; } = timeoutInSeconds;
}
