using Governance.Domain.Accounts;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.Accounts;

public class ApiKeyTests
{
    [Fact]
    public void Only_the_hash_is_stored_and_the_secret_matches_it()
    {
        var (key, secret) = ApiKey.Create("user-1", "Datawarehouse", Build.Now);
        Assert.DoesNotContain(secret, key.Hash);
        Assert.StartsWith(key.Prefix, secret);
        Assert.True(key.Matches(secret));
        Assert.False(key.Matches(secret + "x"));
    }

    [Fact]
    public void A_revoked_key_matches_nothing()
    {
        var (key, secret) = ApiKey.Create("user-1", "Datawarehouse", Build.Now);
        key.Revoke(Build.Now);
        Assert.False(key.Matches(secret));
    }
}
