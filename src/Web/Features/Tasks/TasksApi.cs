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

        return app;
    }
}
