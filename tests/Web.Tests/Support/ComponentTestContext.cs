using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NSubstitute;

namespace Governance.Web.Tests.Support;

/// <summary>
/// bUnit with MudBlazor's services, the real Dutch UI strings and a substituted mediator. The
/// context is held in a field and disposed asynchronously (a Mud service is only async-disposable).
/// </summary>
public abstract class ComponentTestContext : IAsyncLifetime
{
    protected ComponentTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl-NL");
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Context.Services.AddLocalization();
        Context.Services.AddSingleton(Sender);
        Context.Services.AddSingleton<Microsoft.AspNetCore.Http.IHttpContextAccessor, Microsoft.AspNetCore.Http.HttpContextAccessor>();
        Context.Services.AddScoped<Web.Hosting.CurrentUser>();
        Context.Services.AddScoped<Web.Features.Tasks.TaskInbox>();
        Context.Services.AddSingleton(TimeProvider.System);
    }

    protected BunitContext Context { get; } = new();

    protected ISender Sender { get; } = Substitute.For<ISender>();

    protected IRenderedComponent<MudPopoverProvider> RenderPopovers() => Context.Render<MudPopoverProvider>();

    /// <summary>Signs a test user in, with the roles and policies the component checks.</summary>
    protected BunitAuthorizationContext SignIn(string name, string[]? roles = null, string[]? policies = null)
    {
        var authorization = Context.AddAuthorization();
        authorization.SetAuthorized(name);
        authorization.SetRoles(roles ?? []);
        authorization.SetPolicies(policies ?? []);
        return authorization;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();
}
