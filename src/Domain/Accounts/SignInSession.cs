using Governance.Domain.Common;

namespace Governance.Domain.Accounts;

/// <summary>
/// One sign-in of a person in a browser. The sign-in cookie names it; signing out ends it here, so the cookie is
/// refused from then on, also a copy someone kept. A session that was never ended lapses with its cookie.
/// </summary>
public sealed class SignInSession : Entity
{
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
}
