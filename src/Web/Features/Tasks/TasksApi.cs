using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Mediator;

namespace Governance.Web.Features.Tasks;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization(Policies.EnterValues);

        group.MapGet("/", async ([AsParameters] ListMyTasksQuery query, ISender sender, CancellationToken ct) =>
                (await sender.Send(query, ct)).ToHttp(TypedResults.Ok))
            .WithName("ListMyTasks")
            .WithSummary("Your team's indicator tasks, soonest deadline first: scope Open (still to supply) or All; mineOnly for yours and the team's; paged.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetTaskEntryQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetTaskEntry")
            .WithSummary("One task of your team with its indicator's definition, the value so far, the previous period, the same period last year and the series.");

        // The file is the request body, named in the query: as the import, no form a browser could send from another site unasked.
        group.MapPost("/{id:guid}/attachments", async (Guid id, string? fileName, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                if (request.ContentLength > ValueAttachment.MaxBytes)
                {
                    return Results.Problem("Een bijlage is hooguit 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Te groot.");
                }

                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                var result = await sender.Send(new AddValueAttachmentCommand(id, fileName, body.ToArray()), ct);
                return result.ToHttp(a => TypedResults.Created($"/api/tasks/{id}/attachments/{a.Id}", a));
            })
            .WithRawBody(["application/octet-stream", .. ValueAttachment.Types.Values.Distinct()])
            .Produces<AttachmentInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("AddValueAttachment")
            .WithSummary("Adds a file (pdf, docx, xlsx, odt, ods, csv, txt, png, jpg; at most 10 MB) to a task of your team while its value can be entered: the file is the body, fileName names it.");

        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new GetValueAttachmentQuery(id, attachmentId), ct);
                return result.Succeeded ? Results.File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : result.Error.ToProblem();
            })
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream", [.. ValueAttachment.Types.Values.Distinct()])
            .WithName("GetValueAttachment")
            .WithSummary("Downloads a file of a task of your team.");

        group.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RemoveValueAttachmentCommand(id, attachmentId), ct)).ToHttp())
            .WithName("RemoveValueAttachment")
            .WithSummary("Removes a file from a task of your team while its value can be entered.");

        return app;
    }
}
