using Governance.Web.Hosting;
using Mediator;

namespace Governance.Web.Features.Indicators;

public static class IndicatorsApi
{
    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(Policies.ReadIndicators);

        group.MapGet("/", async ([AsParameters] ListIndicatorsQuery query, ISender sender, CancellationToken ct) =>
                (await sender.Send(query, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListIndicators")
            .WithSummary("Lists the indicator catalogue with each indicator's current definition.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetIndicatorQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetIndicator")
            .WithSummary("Reads an indicator with every version of its definition.");

        group.MapPost("/", async (DefineIndicatorCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/indicators/{id}", new { id })))
            .RequireAuthorization(Policies.DefineIndicators)
            .WithName("DefineIndicator")
            .WithSummary("Adds an indicator to the catalogue (griffie, beheerder): code, name, definition, kind, unit, decimals, source, responsible team; for a computed indicator its formula over other codes, \"[A] / [B] * 100\".");

        group.MapPut("/{id:guid}", async (Guid id, ReviseIndicatorCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command with { IndicatorId = id }, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.DefineIndicators)
            .WithName("ReviseIndicator")
            .WithSummary("Changes an indicator's definition as a new version (griffie, beheerder); version is the indicator's as read, a change made meanwhile answers 409. The kind does not change.");

        group.MapPost("/{id:guid}/retirement", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RetireIndicatorCommand(id, true), ct)).ToHttp())
            .RequireAuthorization(Policies.DefineIndicators)
            .WithName("RetireIndicator")
            .WithSummary("Retires an indicator: no new tasks ask for it; its values and versions stay (griffie, beheerder). Refused while a computed indicator in use reads it.");

        group.MapDelete("/{id:guid}/retirement", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RetireIndicatorCommand(id, false), ct)).ToHttp())
            .RequireAuthorization(Policies.DefineIndicators)
            .WithName("ReinstateIndicator")
            .WithSummary("Puts a retired indicator back in use (griffie, beheerder).");

        app.MapGet("/api/teams", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListTeamsQuery(), ct)))
            .RequireAuthorization(Policies.ReadIndicators)
            .WithTags("Indicators")
            .WithName("ListTeams")
            .WithSummary("The teams of the municipality.");

        return app;
    }
}
