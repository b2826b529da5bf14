using Governance.Domain.Common;

namespace Governance.Domain.Accounts;

/// <summary>
/// One sign-in of a person in a browser. The sign-in cookie names it; signing out ends it here, so the cookie is
/// refused from then on, also a copy someone kept. However active its person, a session lasts at most
/// <see cref="Lifetime"/>; then they sign in again.
/// </summary>
public sealed class SignInSession : Entity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private SignInSession()
    {
        UserId = null!;
    }

    private SignInSession(string userId, DateTime startedAtUtc)
    {
        Id = SignInSessionId.New();
        UserId = userId;
        StartedAtUtc = startedAtUtc;
    }

    public SignInSessionId Id { get; private set; }

    public string UserId { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    public static SignInSession Start(string userId, DateTime nowUtc) => new(userId, nowUtc);

    public void End(DateTime nowUtc) => EndedAtUtc ??= nowUtc;

    /// <summary>The start a session must have had to be alive at <paramref name="nowUtc"/>.</summary>
    public static DateTime StartedAfter(DateTime nowUtc) => nowUtc - Lifetime;
}
