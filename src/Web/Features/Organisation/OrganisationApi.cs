using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Organisation;

/// <summary>Teams (Beheerder), and the college and committees (Beheerder and Griffie), with the same messages as the pages.</summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/admin/teams").WithTags("Organisation").RequireAuthorization(Policies.Administer);
        teams.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListTeamOverviewQuery(), ct)))
            .WithName("ListTeamsAdministered").WithSummary("The teams with their members, team leads and number of indicators, retired ones too (Beheerder).");
        teams.MapPost("/", async ([FromBody] CreateTeamCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(team => TypedResults.Created($"/api/admin/teams/{team.Id}", team)))
            .WithName("CreateTeam").WithSummary("Creates a team (Beheerder).");
        teams.MapPut("/{id:guid}", async (Guid id, [FromBody] TeamRename body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RenameTeamCommand(id, body.Name, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("RenameTeam").WithSummary("Renames a team; version is the one read, a change made meanwhile answers 409 (Beheerder).");
        teams.MapPut("/{id:guid}/letter-contact", async (Guid id, [FromBody] LetterContactChange body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeTeamLetterContactCommand(id, body.HandledBy, body.Phone, body.Email, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeTeamLetterContact").WithSummary("Sets who letters on the team's figures name under 'behandeld door', with telephone and e-mail; a change made meanwhile answers 409 (Beheerder).");
        teams.MapPost("/{id:guid}/retirement", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RetireTeamCommand(id, true), ct)).ToHttp(TypedResults.Ok))
            .WithName("RetireTeam").WithSummary("Retires a team without active members: no new members or indicators, history stays (Beheerder).");
        teams.MapDelete("/{id:guid}/retirement", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RetireTeamCommand(id, false), ct)).ToHttp(TypedResults.Ok))
            .WithName("ReinstateTeam").WithSummary("Puts a retired team back in use (Beheerder).");

        var college = app.MapGroup("/api/admin/aldermen").WithTags("Organisation").RequireAuthorization(Policies.ManageCouncilBodies);
        college.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCollegeQuery(), ct)))
            .WithName("ListCollege").WithSummary("The aldermen, present and past, with portfolio, term, successor and open obligations (Griffie, Beheerder).");
        college.MapPost("/", async ([FromBody] AddAldermanCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(member => TypedResults.Created($"/api/admin/aldermen/{member.Id}", member)))
            .WithName("AddAlderman").WithSummary("Adds an alderman with portfolio and term (Griffie, Beheerder).");
        college.MapPut("/{id:guid}", async (Guid id, [FromBody] AldermanChange body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeAldermanCommand(id, body.Name, body.Portfolio, body.TermStart, body.TermEnd, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeAlderman").WithSummary("Changes an alderman's name, portfolio or term; a change made meanwhile answers 409 (Griffie, Beheerder).");
        college.MapPost("/{id:guid}/hand-over", async (Guid id, [FromBody] HandOverRequest body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new HandOverAldermanCommand(id, body.SuccessorId, body.LastDay), ct)).ToHttp(TypedResults.Ok))
            .WithName("HandOverAlderman").WithSummary("A new college: moves the open obligations of an alderman whose term ends to the successor, a history line on each (Griffie, Beheerder).");

        var committees = app.MapGroup("/api/admin/committees").WithTags("Organisation").RequireAuthorization(Policies.ManageCouncilBodies);
        committees.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCouncilBodiesQuery(), ct)))
            .WithName("ListCommittees").WithSummary("The council's bodies with the number of obligations registered under each (Griffie, Beheerder).");
        committees.MapPost("/", async ([FromBody] AddCommitteeCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(committee => TypedResults.Created($"/api/admin/committees/{committee.Id}", committee)))
            .WithName("AddCommittee").WithSummary("Adds a council body (Griffie, Beheerder).");
        committees.MapPut("/{id:guid}", async (Guid id, [FromBody] NameChange body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangeCommitteeCommand(id, body.Name, body.Retired, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangeCommittee").WithSummary("Renames, retires or reinstates a council body; a change made meanwhile answers 409 (Griffie, Beheerder).");
        var areas = app.MapGroup("/api/admin/policy-areas").WithTags("Organisation").RequireAuthorization(Policies.Administer);
        areas.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPolicyAreasQuery(), ct)))
            .WithName("ListPolicyAreas").WithSummary("The policy areas with the number of obligations filed under each, retired ones too (Beheerder).");
        areas.MapPost("/", async ([FromBody] AddPolicyAreaCommand body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body, ct)).ToHttp(area => TypedResults.Created($"/api/admin/policy-areas/{area.Id}", area)))
            .WithName("AddPolicyArea").WithSummary("Adds a policy area (Beheerder).");
        areas.MapPut("/{id:guid}", async (Guid id, [FromBody] NameChange body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ChangePolicyAreaCommand(id, body.Name, body.Retired, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangePolicyArea").WithSummary("Renames (the obligations filed under it move along), retires or reinstates a policy area; a change made meanwhile answers 409 (Beheerder).");
        return app;
    }

    public sealed record TeamRename(string? Name, int Version);

    public sealed record LetterContactChange(string? HandledBy, string? Phone, string? Email, int Version);

    public sealed record AldermanChange(string? Name, string? Portfolio, DateOnly? TermStart, DateOnly? TermEnd, int Version);

    public sealed record HandOverRequest(Guid? SuccessorId, DateOnly? LastDay);

    public sealed record NameChange(string? Name, bool Retired, int Version);
}
