using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Tests.Builders;

namespace Governance.Domain.Tests.Obligations;

/// <summary>After elections an alderman's open obligations go to the successor, in the leaving alderman's place.</summary>
public class HandOverTests
{
    private static readonly AldermanId Leaving = AldermanId.New();
    private static readonly AldermanId Other = AldermanId.New();
    private static readonly AldermanId Successor = AldermanId.New();

    [Fact]
    public void The_successor_takes_the_leaving_aldermans_place_and_the_history_says_who_to_whom()
    {
        var motion = Build.Motion(Build.Details() with { ResponsibleAldermen = [Other, Leaving] });

        Assert.True(motion.HandOver(Leaving, Successor, "Oud", "Nieuw", Build.Now, "Griffie"));

        Assert.Equal([Other, Successor], motion.ResponsibleAldermen);
        var line = motion.History[^1];
        Assert.Equal(("handed_over", "Oud → Nieuw", "Griffie"), (line.What, line.Reason, line.Actor));
    }

    [Fact]
    public void A_successor_already_responsible_is_listed_once()
    {
        var motion = Build.Motion(Build.Details() with { ResponsibleAldermen = [Leaving, Successor] });
        Assert.True(motion.HandOver(Leaving, Successor, "Oud", "Nieuw", Build.Now, "Griffie"));
        Assert.Equal([Successor], motion.ResponsibleAldermen);
    }

    [Fact]
    public void A_closed_obligation_or_one_of_someone_else_keeps_its_aldermen_and_history()
    {
        var lapsed = Build.Motion(Build.Details() with { ResponsibleAldermen = [Leaving] });
        lapsed.EnterStatus(ObligationStatus.Lapsed, Build.Now, "Griffie", "Niet meer van toepassing");
        var others = Build.Motion(Build.Details() with { ResponsibleAldermen = [Other] });
        var lines = (lapsed.History.Count, others.History.Count);

        Assert.False(lapsed.HandOver(Leaving, Successor, "Oud", "Nieuw", Build.Now, "Griffie"));
        Assert.False(others.HandOver(Leaving, Successor, "Oud", "Nieuw", Build.Now, "Griffie"));
        Assert.Equal([Leaving], lapsed.ResponsibleAldermen);
        Assert.Equal(lines, (lapsed.History.Count, others.History.Count));
    }
}
