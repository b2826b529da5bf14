using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.ReportingCycles;

public static class ReportingCyclesApi
{
    public static IEndpointRouteBuilder MapReportingCyclesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cycles").WithTags("Reporting cycles").RequireAuthorization(Policies.ReadCycles);

        group.MapGet("/", async ([AsParameters] ListReportingCyclesQuery query, ISender sender, CancellationToken ct) =>
                (await sender.Send(query, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListReportingCycles")
            .WithSummary("Lists reporting cycles: filter by status, period (2025-Q2), obligation, team, overdue; paged.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetReportingCycleQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetReportingCycle")
            .WithSummary("Reads a cycle with its tasks, journal and the steps you may take now.");

        group.MapPost("/{id:guid}/steps", async (Guid id, [FromBody] CycleStep body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new FireCycleStepCommand(id, body.Step, body.Reason, body.Version), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .WithName("FireCycleStep")
            .WithSummary("Takes a step in a cycle (ReturnValue, Close, Cancel; the letter steps are taken on the letter: 422 letter_step); send the version you read.");

        group.MapPost("/{id:guid}/tasks/{taskId:guid}/values", async (Guid id, Guid taskId, [FromBody] NewValue body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordIndicatorValueCommand
                {
                    CycleId = id,
                    TaskId = taskId,
                    Number = body.Number,
                    Text = body.Text,
                    Breakdown = body.Breakdown,
                    NotAvailableReason = body.NotAvailableReason,
                    Explanation = body.Explanation,
                    Source = body.Source,
                    Intent = body.Intent ?? ValueIntent.Submit,
                    Version = body.Version,
                    RecordedBy = user.DisplayName,
                    ActingTeamId = user.TeamId?.Value,
                }, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.EnterValues)
            .WithName("RecordIndicatorValue")
            .WithSummary("Records a value for an indicator task of your team: a number, text, breakdown or 'not available' with the reason; send the cycle version you read.");

        group.MapPost("/{id:guid}/values", async (Guid id, [FromBody] NewValues body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
                CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SubmitCycleValuesCommand
                {
                    CycleId = id,
                    Values = body.Values,
                    Intent = body.Intent ?? ValueIntent.Submit,
                    Version = body.Version,
                    RecordedBy = user.DisplayName,
                    Principal = user.UserId ?? "",
                    ActingTeamId = user.TeamId?.Value,
                    IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(),
                }, ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.EnterValues)
            .WithName("SubmitCycleValues")
            .WithSummary("Submits several values of a cycle at once by indicator code (data warehouse, API key): all or nothing, checked as the form checks; " +
                         "send an Idempotency-Key header to make retries safe; the version is optional.");

        group.MapPut("/{id:guid}/tasks/{taskId:guid}/assignee", async (Guid id, Guid taskId, [FromBody] Assignee body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReassignIndicatorTaskCommand(id, taskId, body.AssigneeUserId, user.TeamId?.Value, body.Version), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.LeadTeam)
            .WithName("ReassignIndicatorTask")
            .WithSummary("Gives a task of your team to a team member, or back to the team (team lead).");

        group.MapPost("/{id:guid}/tasks/{taskId:guid}/return", async (Guid id, Guid taskId, [FromBody] ReturnValue body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ReturnIndicatorValueCommand(id, taskId, body.Comment, body.Version, user.DisplayName, user.TeamId?.Value), ct))
                    .ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.LeadTeam)
            .WithName("ReturnIndicatorValue")
            .WithSummary("Sends a handed-in value of your team back with a comment (team lead); the report goes back to collecting.");

        // Typed (204, or the problem), so the OpenAPI document declares the 204 it answers.
        app.MapPut("/api/team/members/{userId}/substitute", async (string userId, [FromBody] Substitute body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetSubstituteCommand(userId, body.SubstituteUserId, body.AwayUntil), ct)).ToHttp())
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Reporting cycles")
            .WithName("SetSubstitute")
            .WithSummary("Sets who takes over a team member's tasks while away, until a date (team lead, or the person themselves).");

        return app;
    }

    public sealed record Assignee(string? AssigneeUserId, int? Version);

    public sealed record ReturnValue(string? Comment, int? Version);

    public sealed record Substitute(string? SubstituteUserId, DateOnly? AwayUntil);

    public sealed record NewValue(
        decimal? Number,
        string? Text,
        IReadOnlyList<Domain.Indicators.CategoryValue>? Breakdown,
        string? NotAvailableReason,
        string? Explanation,
        string? Source,
        ValueIntent? Intent,
        int? Version);

    public sealed record NewValues(IReadOnlyList<CycleValueInput>? Values, ValueIntent? Intent, int? Version);

    public sealed record CycleStep(ReportingCycleWorkflow.Trigger? Step, string? Reason, int? Version);
}
