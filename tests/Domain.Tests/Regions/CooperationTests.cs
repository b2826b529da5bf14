using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Regions;

namespace Governance.Domain.Tests.Regions;

/// <summary>
/// A cooperation's members are those that joined themselves; only a member shares, one indicator or one monitor at a
/// time; a share is revoked, not forgotten; a member that leaves, or a cooperation that ends, has no members to share with.
/// </summary>
public sealed class CooperationTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private readonly MunicipalityId _maastricht = MunicipalityId.New();
    private readonly MunicipalityId _vaals = MunicipalityId.New();
    private readonly MunicipalityId _meerssen = MunicipalityId.New();

    [Fact]
    public void An_invited_municipality_is_a_member_only_once_it_joins_and_not_after_it_leaves()
    {
        var cooperation = new Cooperation("Maastricht en Heuvelland", _maastricht, eachPortfolioHolderApproves: false, Now);
        cooperation.Invite(_vaals, Now);
        Assert.True(cooperation.IsMember(_maastricht));
        Assert.False(cooperation.IsMember(_vaals));
        Assert.Throws<DomainRuleException>(() => cooperation.Join(_meerssen, Now));

        cooperation.Join(_vaals, Now.AddDays(1));
        Assert.True(cooperation.IsMember(_vaals));
        Assert.Equal([_maastricht, _vaals], cooperation.CurrentMembers);

        cooperation.Leave(_vaals, Now.AddDays(2));
        Assert.False(cooperation.IsMember(_vaals));
        Assert.Throws<DomainRuleException>(() => cooperation.Leave(_maastricht, Now));

        // Invited again after leaving: a member again only by joining again.
        cooperation.Invite(_vaals, Now.AddDays(3));
        Assert.False(cooperation.IsMember(_vaals));
        cooperation.Join(_vaals, Now.AddDays(4));
        Assert.True(cooperation.IsMember(_vaals));
    }

    [Fact]
    public void Only_a_member_shares_one_indicator_or_one_monitor_and_a_revoked_share_stays_on_record()
    {
        var cooperation = new Cooperation("Maastricht en Heuvelland", _maastricht, eachPortfolioHolderApproves: true, Now);
        cooperation.Invite(_vaals, Now);
        var indicator = IndicatorId.New();
        Assert.Throws<DomainRuleException>(() => RegionalShare.Give(cooperation, _vaals, indicator, null, "Griffie Vaals", Now));

        cooperation.Join(_vaals, Now);
        Assert.Throws<DomainRuleException>(() => RegionalShare.Give(cooperation, _vaals, indicator, ObligationId.New(), "Griffie Vaals", Now));
        Assert.Throws<DomainRuleException>(() => RegionalShare.Give(cooperation, _vaals, null, null, "Griffie Vaals", Now));
        var share = RegionalShare.Give(cooperation, _vaals, indicator, null, "Griffie Vaals", Now);
        Assert.True(share.IsActive);
        Assert.Equal(_vaals, share.MunicipalityId);

        share.Revoke("Beheerder Vaals", Now.AddDays(1));
        share.Revoke("Iemand anders", Now.AddDays(2));
        Assert.False(share.IsActive);
        Assert.Equal(("Griffie Vaals", Now, "Beheerder Vaals", Now.AddDays(1)), (share.SharedBy, share.SharedAtUtc, share.RevokedBy!, share.RevokedAtUtc!.Value));
    }

    [Fact]
    public void A_cooperation_that_ended_has_no_members_and_takes_none()
    {
        var cooperation = new Cooperation("Maastricht en Heuvelland", _maastricht, eachPortfolioHolderApproves: false, Now);
        cooperation.Invite(_vaals, Now);
        cooperation.Join(_vaals, Now);
        cooperation.End(Now.AddDays(1));
        Assert.Empty(cooperation.CurrentMembers);
        Assert.False(cooperation.IsMember(_maastricht));
        Assert.Throws<DomainRuleException>(() => cooperation.Invite(_meerssen, Now));
        Assert.Throws<DomainRuleException>(() => RegionalShare.Give(cooperation, _vaals, IndicatorId.New(), null, "Griffie Vaals", Now));
    }
}
