using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Obligations;

/// <summary>Motions and commitments over HTTP: the same messages, and so the same rules, as the pages.</summary>
public static class ObligationsApi
{
    public static IEndpointRouteBuilder MapObligationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/obligations").WithTags("Obligations").RequireAuthorization(Policies.ReadObligations);

        group.MapGet("/", async ([AsParameters] ListObligationsQuery query, ISender sender, CancellationToken ct) =>
                (await sender.Send(query, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListObligations")
            .WithSummary("Lists motions and commitments, filtered, sorted and paged on the server.");

        group.MapPut("/{id:guid}/following", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new FollowObligationCommand(id, true), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("FollowObligation")
            .WithSummary("Follow an obligation: you are told when its status changes (in the app and by e-mail).");

        group.MapDelete("/{id:guid}/following", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new FollowObligationCommand(id, false), ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("UnfollowObligation")
            .WithSummary("Stop following an obligation.");

        group.MapGet("/{id:guid}/following", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetFollowStateQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetFollowState")
            .WithSummary("Whether you follow an obligation, and how many people do.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetObligationQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetObligation")
            .WithSummary("Reads one motion or commitment with its indicators, cycles and history.");

        group.MapPost("/", async ([FromBody] RegisterObligationCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(id => TypedResults.Created($"/api/obligations/{id}", new { id })))
            .RequireAuthorization(Policies.ManageObligations)
            .WithName("RegisterObligation")
            .WithSummary("Registers a motion or commitment (griffie).");

        group.MapPut("/{id:guid}", async (Guid id, [FromBody] ReviseObligationCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command with { Id = id }, ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.ManageObligations)
            .WithName("ReviseObligation")
            .WithSummary("Revises a motion or commitment (griffie); send the version you read.");

        group.MapPost("/{id:guid}/steps", async (Guid id, [FromBody] ObligationStep body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new FireObligationStepCommand(id, body.Step, body.Reason, body.Version), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .WithName("FireObligationStep")
            .WithSummary("Report (executive, naming the letter), ConfirmFulfilled, Reopen or Lapse (griffie); send the version you read.");

        group.MapPost("/{id:guid}/history", async (Guid id, [FromBody] HistoricReport body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ImportReportHistoryCommand(id, body.Period, body.Values), ct)).ToHttp(cycle => TypedResults.Created($"/api/cycles/{cycle}", new { id = cycle })))
            .RequireAuthorization(Policies.ManageObligations)
            .WithName("ImportReportHistory")
            .WithSummary("Brings over a report from before Governance: the figures of an ended period, as a closed report the comparisons read (griffie).");

        group.MapPost("/{id:guid}/deadline-extensions", async (Guid id, [FromBody] DeadlineExtension body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ExtendObligationDeadlineCommand(id, body.NewDate, body.Reason, body.DecidedBy, body.Version), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.ManageObligations)
            .WithName("ExtendObligationDeadline")
            .WithSummary("Records an extension of the deadline with its reason and who decided (griffie).");

        group.MapPut("/{id:guid}/visibility", async (Guid id, [FromBody] Visibility body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new PublishObligationCommand(id, body.IsPublic, body.Version), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.ManageObligations)
            .WithName("SetObligationVisibility")
            .WithSummary("Puts the obligation in the public register (isPublic true, the default) or keeps it out of it (griffie).");

        group.MapGet("/aldermen", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListAldermenQuery(), ct)))
            .WithName("ListAldermen")
            .WithSummary("Lists the aldermen of the municipality.");

        group.MapGet("/committees", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListCommitteesQuery(), ct)))
            .WithName("ListObligationCommittees")
            .WithSummary("The council's bodies in use and those obligations were registered under (for filters and the registration).");

        group.MapGet("/policy-areas", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPolicyAreaNamesQuery(IncludeRetired: true), ct)))
            .WithName("ListObligationPolicyAreas")
            .WithSummary("The municipality's policy areas, retired ones too (for filters); the registration offers those in use.");

        return app;
    }

    public sealed record ObligationStep(Workflows.Obligations.ObligationWorkflow.Trigger? Step, string? Reason, int? Version);

    public sealed record Visibility(bool? IsPublic, int? Version);

    public sealed record DeadlineExtension(DateOnly? NewDate, string? Reason, string? DecidedBy, int? Version);

    public sealed record HistoricReport(Domain.ReportingCycles.ReportingPeriod? Period, IReadOnlyList<HistoricValue>? Values);
}
