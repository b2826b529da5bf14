using Governance.Web.Hosting.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Web.Tests.Hosting;

/// <summary>The server starts beside the start-up data; nothing is served, and the host is not started, before the data is ready.</summary>
public class StartupGateTests
{
    [Fact]
    public async Task A_request_that_arrives_before_the_data_is_ready_waits_for_it_and_is_then_served()
    {
        var ready = new TaskCompletionSource();
        await using var app = App(() => ready.Task);
        var started = app.StartAsync();
        var answer = app.GetTestClient().GetStringAsync("/");

        await Task.Delay(300);
        Assert.False(started.IsCompleted, "The host counts as started only when the data is ready.");
        Assert.False(answer.IsCompleted, "A request waits at the gate.");

        ready.SetResult();
        Assert.Equal("klaar", await answer);
        await started;
        Assert.Equal("klaar", await app.GetTestClient().GetStringAsync("/"));
    }

    [Fact]
    public async Task When_the_data_cannot_be_prepared_the_host_does_not_start_and_gives_the_reason()
    {
        await using var app = App(() => Task.FromException(new SetupRequiredException("Er is nog geen beheerder.")));
        var failure = await Assert.ThrowsAsync<SetupRequiredException>(() => app.StartAsync());
        Assert.Equal("Er is nog geen beheerder.", failure.Message);
        var refused = await app.GetTestClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.DoesNotContain("klaar", await refused.Content.ReadAsStringAsync());
    }

    private static WebApplication App(Func<Task> prepare)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(sp => new StartupPreparation(sp, prepare));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StartupPreparation>());
        var app = builder.Build();
        app.UseStartupGate();
        app.MapGet("/", () => "klaar");
        return app;
    }
}
