using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Governance.Web.Hosting;

/// <summary>Gives the circuit's <see cref="CurrentUser"/> the user of the circuit before any work the circuit does.</summary>
internal sealed class UserCircuitHandler(AuthenticationStateProvider authenticationStateProvider, CurrentUser currentUser)
    : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken) =>
        await RefreshAsync();

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            await RefreshAsync();
            await next(context);
        };

    private async Task RefreshAsync()
    {
        var state = await authenticationStateProvider.GetAuthenticationStateAsync();
        currentUser.SetCircuitUser(state.User);
    }
}
