using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Notifications;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/notifications", async (int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListMyNotificationsQuery(page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListMyNotifications")
            .WithSummary("Your notifications, newest first.");

        group.MapPost("/notifications/read", async ([FromBody] ReadNotifications body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new MarkNotificationsReadCommand(body.Ids), ct)))
            .WithName("MarkNotificationsRead")
            .WithSummary("Marks the given notifications (or all, when none are given) read; `unknown` lists the ids given that are none of yours.");

        group.MapGet("/work", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new Home.GetMyWorkQuery(), ct)))
            .WithName("GetMyWork")
            .WithSummary("What waits for you now, per role: open and late tasks, letters waiting for your approval, obligations to judge, letters to send, late reports (null: not your work).");

        group.MapPut("/preferences", async ([FromBody] MyPreferences body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetEmailDigestCommand(body.EmailDigest), ct)).ToHttp())
            .WithName("SetMyPreferences")
            .WithSummary("One e-mail per notification, or one daily digest.");

        return app;
    }

    public sealed record ReadNotifications(IReadOnlyList<Guid>? Ids);
}
