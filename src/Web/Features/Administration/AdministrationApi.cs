using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Administration;

public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Administer);

        group.MapGet("/users", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsersQuery(), ct)))
            .WithName("ListUsers")
            .WithSummary("Lists the accounts of the municipality with their roles and API keys (Beheerder).");

        group.MapPost("/users/{userId}/api-keys", async (string userId, [FromBody] NewApiKey body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CreateApiKeyCommand(userId, body.Name), ct)).ToHttp(key => TypedResults.Created($"/api/admin/api-keys/{key.Id}", key)))
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key for an account; the secret is in this answer only (Beheerder).");

        group.MapDelete("/api-keys/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new RevokeApiKeyCommand(id), ct);
                return result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key at once (Beheerder).");

        return app;
    }

    public sealed record NewApiKey(string? Name);
}
