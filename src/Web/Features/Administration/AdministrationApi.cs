using Governance.Web.Features.Accounts;
using Governance.Web.Features.Audit;
using Governance.Web.Features.Settings;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Administration;

public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization(Policies.Administer);

        group.MapGet("/users", async ([AsParameters] ListAccountsQuery query, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(query, ct)))
            .WithName("ListUsers")
            .WithSummary("Lists the accounts of the municipality, searched by name or e-mail, filtered by role, team and status, paged (at most 100 a page), with roles, last sign-in and API keys (Beheerder).");

        group.MapPost("/users", async ([FromBody] InviteAccountCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(account => TypedResults.Created($"/api/admin/users/{account.Id}", account)))
            .WithName("InviteUser")
            .WithSummary("Invites a person: the account is made without a password and an e-mail with a one-time link (valid 7 days) is queued (Beheerder).");

        group.MapPut("/users/{userId}", async (string userId, [FromBody] AccountChange body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeAccountCommand(userId, body.DisplayName, body.Roles, body.TeamId, body.AldermanId, body.ConcurrencyStamp), ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeUser")
            .WithSummary("Changes a person's name, roles, team and alderman; concurrencyStamp is the one read with the account, a change made meanwhile answers 409 (Beheerder). The last active Beheerder keeps that role.");

        group.MapPost("/users/{userId}/deactivation", async (string userId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new DeactivateAccountCommand(userId), ct)).ToHttp())
            .WithName("DeactivateUser")
            .WithSummary("Deactivates an account: sign-in refused, running sessions ended, API keys refused; the last active Beheerder cannot be deactivated (Beheerder).");

        group.MapDelete("/users/{userId}/deactivation", async (string userId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReactivateAccountCommand(userId), ct)).ToHttp())
            .WithName("ReactivateUser")
            .WithSummary("Reactivates an account (Beheerder).");

        group.MapPost("/users/{userId}/link", async (string userId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendAccountLinkCommand(userId), ct)).ToHttp(kind => TypedResults.Accepted((string?)null, new SentLink(kind))))
            .WithName("SendUserLink")
            .WithSummary("E-mails the person a new one-time link: the invitation again when it is not yet accepted, else a password reset (Beheerder).");

        group.MapGet("/two-factor-roles", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetTwoFactorRolesQuery(), ct)))
            .WithName("GetTwoFactorRoles")
            .WithSummary("The roles whose people must sign in with an authenticator app as the second step (Beheerder).");

        group.MapPut("/two-factor-roles", async ([FromBody] SetTwoFactorRolesCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SetTwoFactorRoles")
            .WithSummary("Sets the roles that must use two-step verification; people in them without it are led to set it up first (Beheerder).");

        group.MapGet("/sign-in-options", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetSignInOptionsQuery(), ct)))
            .WithName("GetSignInOptions")
            .WithSummary("Whether single sign-on is configured and whether Governance passwords still work in the municipality (Beheerder).");

        group.MapPut("/sign-in-options/password", async ([FromBody] SetPasswordSignInCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(TypedResults.Ok))
            .WithName("SetPasswordSignIn")
            .WithSummary("Switches Governance passwords off (single sign-on only) or on; off needs single sign-on configured (Beheerder).");

        group.MapGet("/settings", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetMunicipalitySettingsQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetMunicipalitySettings")
            .WithSummary("The municipality's name, CBS code, the address e-mail links start with, and the contact details letters give (Beheerder).");

        group.MapPut("/settings", async ([FromBody] ChangeMunicipalitySettingsCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeMunicipalitySettings")
            .WithSummary("Changes those settings; version is the one read, a change made meanwhile answers 409 (Beheerder).");

        group.MapGet("/settings/letters", async (ISender sender, CancellationToken ct) => (await sender.Send(new GetLetterSettingsQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetLetterSettings")
            .WithSummary("What every letter starts from: the links block before the signature, whether there is a logo, and the bounds between the trend words (Beheerder).");

        group.MapPut("/settings/letters", async ([FromBody] ChangeLetterSettingsCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeLetterSettings")
            .WithSummary("Changes the links block and the trend bounds (each rising: equal < slight < strong); a change made meanwhile answers 409 (Beheerder).");

        group.MapGet("/settings/letters/logo", async (ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetLetterLogoQuery(), ct)).ToHttp(logo => TypedResults.File(logo.Image, logo.Type)))
            .Produces(StatusCodes.Status200OK, typeof(Stream), "image/png", "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetLetterLogo")
            .WithSummary("The logo letters carry (Beheerder).");

        group.MapPut("/settings/letters/logo", async ([FromQuery] int version, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                // Read no further than one byte past the limit: a larger body is refused without being held whole.
                var buffer = new byte[Domain.Municipalities.Municipality.LogoMaxBytes + 1];
                var read = 0;
                int n;
                while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
                {
                    read += n;
                }

                return (await sender.Send(new ChangeLetterLogoCommand(buffer[..read], version), ct)).ToHttp(TypedResults.Ok);
            })
            .WithRawBody(["image/png", "image/jpeg"])
            .WithName("SetLetterLogo")
            .WithSummary("Sets the logo: the body is a PNG or JPEG of at most 256 KB; version is the one read (Beheerder).");

        group.MapDelete("/settings/letters/logo", async ([FromQuery] int version, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeLetterLogoCommand(null, version), ct)).ToHttp(TypedResults.Ok))
            .WithName("RemoveLetterLogo")
            .WithSummary("Removes the logo (Beheerder).");

        group.MapGet("/audit", async ([AsParameters] ListAuditQuery query, ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(query, ct)))
            .WithName("ListAudit")
            .WithSummary("The audit log of the municipality, newest first: administration actions and sign-ins, filtered by action, actor and period; page on with 'before' (Beheerder).");

        group.MapPost("/users/{userId}/api-keys", async (string userId, [FromBody] NewApiKey body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CreateApiKeyCommand(userId, body.Name), ct)).ToHttp(key => TypedResults.Created($"/api/admin/api-keys/{key.Id}", key)))
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key for an account; the secret is in this answer only (Beheerder).");

        group.MapDelete("/api-keys/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new RevokeApiKeyCommand(id), ct);
                return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key at once (Beheerder).");

        group.MapGet("/jobs", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListBackgroundJobsQuery(), ct)))
            .WithName("ListBackgroundJobs")
            .WithSummary("The recurring background jobs (opening, deadline sweep, notifications, digest, reminders, clean-up) with their schedule, last and next run (Beheerder).");

        group.MapPost("/jobs/{id}/run", async (string id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new RunBackgroundJobCommand(id), ct);
                return result.Succeeded ? TypedResults.Accepted($"/api/admin/jobs") : result.Error.ToProblem();
            })
            .WithName("RunBackgroundJob")
            .WithSummary("Starts a recurring job now on whichever process takes it first (it keeps its schedule); a run of the same job busy elsewhere finishes first (Beheerder).");

        return app;
    }

    public sealed record NewApiKey(string? Name);

    public sealed record AccountChange(string? DisplayName, IReadOnlyList<string>? Roles, Guid? TeamId, Guid? AldermanId, string? ConcurrencyStamp);

    public sealed record SentLink(AccountMail Kind);
}
