using Governance.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Governance.Web.Tests.Hosting;

public class ScheduleSettingsTests
{
    [Fact]
    public void Holidays_closing_days_and_step_lengths_come_from_the_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Governance:Schedule:Holidays:0"] = "GoodFriday",
            ["Governance:Schedule:ExtraClosedDays:0"] = "2025-12-29",
            ["Governance:Schedule:Deadlines:ValuesDueAfterPeriodEnd"] = "10",
        }).Build();
        var settings = configuration.GetSection(GovernanceSettings.Section).Get<GovernanceSettings>()!;
        var calendar = settings.Schedule.WorkingDays();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 4, 18)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 29)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 12, 25).AddDays(-1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 12, 25)));
        Assert.Equal(10, settings.Schedule.Deadlines.ValuesDueAfterPeriodEnd);
        Assert.True(settings.Schedule.Deadlines.CountWorkingDays);
    }

    [Fact]
    public void Without_settings_the_usual_Dutch_holidays_apply()
    {
        var calendar = new ScheduleSettings().WorkingDays();
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 12, 25)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 4, 18)));
    }
}
