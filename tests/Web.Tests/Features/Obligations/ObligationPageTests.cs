using Bunit;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Obligations;
using Governance.Domain.ReportingCycles;
using Governance.Web.Features.Obligations;
using Governance.Web.Tests.Support;
using NSubstitute;

namespace Governance.Web.Tests.Features.Obligations;

public class ObligationPageTests : ComponentTestContext
{
    private static readonly Guid Id = Guid.NewGuid();

    private static ObligationOverview Overview() => new(
        Id, ObligationKind.Commitment, "T-2024-031", "Periodiek inzicht in de dashboards sociaal domein",
        "De wethouder zegt toe te onderzoeken op welke wijze de raad periodiek inzicht kan krijgen.",
        new DateOnly(2024, 3, 5), "Domeinvergadering Sociaal", new DateOnly(2024, 3, 5), "Sociaal domein (breed)", Cadence.HalfYearly,
        null, null, new DateOnly(2024, 3, 5), ObligationStatus.InProgress, null, [], 3, [],
        [new AldermanLine(Guid.NewGuid(), "Jeroen Hoenderkamp", "Wethouder WMO, Welzijn, Sociale Zaken en Gezondheid")],
        [
            new IndicatorLine(Guid.NewGuid(), "a", "WMO-AANVRAGEN", "Afgehandelde aanvragen Wmo", IndicatorKind.Count, "aanvragen", 0,
                IndicatorValue.OfNumber(2834), ReportingPeriod.FullYear(2021), null, null),
            new IndicatorLine(Guid.NewGuid(), "b", "WMO-TIJDIG", "Aandeel tijdig afgehandeld", IndicatorKind.Percentage, "%", 1,
                IndicatorValue.OfNumber(93.9m), ReportingPeriod.FullYear(2021), null, null),
            new IndicatorLine(Guid.NewGuid(), "c", "ARM-KINDEREN", "Kinderen in armoede", IndicatorKind.Percentage, "%", 1,
                IndicatorValue.NotAvailable("Nog geen cijfers beschikbaar."), ReportingPeriod.HalfYear(2025, 1),
                new Baseline(9.2m, new DateOnly(2021, 7, 13)), new Target(4.6m, 2030)),
            new IndicatorLine(Guid.NewGuid(), "d", "SD-BUDGET", "Budget sociaal domein", IndicatorKind.Amount, "EUR", 0, null, null, null, null),
        ],
        [new CycleLine(Guid.NewGuid(), ReportingPeriod.FullYear(2021), ReportingCycleStatus.Closed, new DateOnly(2022, 5, 20), new DateOnly(2022, 6, 14), 4, 4, true)],
        [
            new ObligationHistoryEntry(new DateTime(2024, 3, 6, 9, 0, 0, DateTimeKind.Utc), "Anouk Janssen", "status", ObligationStatus.Registered, ObligationStatus.InProgress),
            new ObligationHistoryEntry(new DateTime(2024, 3, 5, 15, 30, 0, DateTimeKind.Utc), "Anouk Janssen", "registered"),
        ]);

    [Fact]
    public void The_page_shows_the_obligation_with_its_values_in_Dutch_notation()
    {
        SignIn("Anouk Janssen", ["Griffie"], [Web.Hosting.Policies.ReadCycles]);
        Sender.Send(Arg.Any<GetObligationQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<ObligationOverview>>(Overview()));
        var page = Context.Render<ObligationPage>(p => p.Add(x => x.Id, Id));
        page.WaitForAssertion(() => Assert.Equal("Periodiek inzicht in de dashboards sociaal domein", page.Find("h1").TextContent));
        var markup = page.Markup;
        Assert.Contains("5 maart 2024", markup);
        Assert.Contains("Domeinvergadering Sociaal", markup);
        Assert.Contains("2.834\u00a0aanvragen", markup);
        Assert.Contains("93,9\u00a0%", markup);
        Assert.Contains("niet beschikbaar: Nog geen cijfers beschikbaar.", markup);
        Assert.Contains("9,2\u00a0% (13 juli 2021)", markup);
        Assert.Contains("4,6\u00a0% (2030)", markup);
        Assert.Contains("nog geen waarde", markup);
        Assert.Contains("1e halfjaar 2025", markup);
    }

    [Fact]
    public void A_council_member_sees_the_reports_without_links_and_staff_with_links()
    {
        Sender.Send(Arg.Any<GetObligationQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<ObligationOverview>>(Overview()));
        SignIn("Lotte Vossen", ["Raadslid"]);
        var page = Context.Render<ObligationPage>(p => p.Add(x => x.Id, Id));
        page.WaitForAssertion(() => Assert.Contains("2021", page.Markup));
        Assert.Empty(page.FindAll("a[href^='/cycles/']"));
    }

    [Fact]
    public void The_page_lists_the_reports_and_the_history_newest_first()
    {
        SignIn("Anouk Janssen", ["Griffie"], [Web.Hosting.Policies.ReadCycles]);
        Sender.Send(Arg.Any<GetObligationQuery>(), Arg.Any<CancellationToken>()).Returns(new ValueTask<Result<ObligationOverview>>(Overview()));
        var page = Context.Render<ObligationPage>(p => p.Add(x => x.Id, Id));
        page.WaitForAssertion(() => Assert.Contains("Afgerond", page.Markup));
        Assert.Contains("(overgenomen)", page.Markup);
        Assert.Single(page.FindAll("a[href^='/cycles/']"));
        Assert.Contains("4 van 4", page.Markup);
        var history = page.FindAll(".mud-timeline-item").Select(i => i.TextContent).ToList();
        Assert.Contains("Status: Geregistreerd → In uitvoering", history[0]);
        Assert.Contains("Geregistreerd", history[1]);
        Assert.Contains("6 maart 2024 10:00", history[0]);
    }

    [Fact]
    public void An_obligation_that_is_not_there_says_so()
    {
        Sender.Send(Arg.Any<GetObligationQuery>(), Arg.Any<CancellationToken>())
            .Returns(new ValueTask<Result<ObligationOverview>>(new NotFound("Obligation")));
        var page = Context.Render<ObligationPage>(p => p.Add(x => x.Id, Id));
        page.WaitForAssertion(() => Assert.Equal("Niet gevonden", page.Find("h1").TextContent));
        Assert.Contains("hoort bij een andere gemeente", page.Markup);
    }
}
