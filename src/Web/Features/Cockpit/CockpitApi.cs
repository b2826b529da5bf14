using Governance.Web.Hosting;
using Mediator;

namespace Governance.Web.Features.Cockpit;

/// <summary>The griffie's cockpit and the committee's list of commitments and motions over HTTP.</summary>
public static class CockpitApi
{
    public static IEndpointRouteBuilder MapCockpitApi(this IEndpointRouteBuilder app)
    {
        var obligations = app.MapGroup("/api/obligations").WithTags("Obligations").RequireAuthorization(Policies.ReadObligations);

        app.MapGet("/api/cockpit", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCockpitQuery(), ct)))
            .RequireAuthorization(Policies.ManageObligations)
            .WithTags("Obligations")
            .WithName("GetCockpit")
            .WithSummary("The griffie's overview: counts by status, overdue and coming steps, at risk, awaiting the council, per alderman and committee, open and closed by month.");

        obligations.MapGet("/list", async ([AsParameters] ObligationListQuery query, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(query, ct);
                return result.Succeeded ? Results.File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : result.Error.ToProblem();
            })
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/csv")
            .WithName("ObligationList")
            .WithSummary("The 'lijst van toezeggingen en moties' of a committee: its open items with status, deadline and latest report, as DOCX or CSV (format=Csv).");

        return app;
    }
}
