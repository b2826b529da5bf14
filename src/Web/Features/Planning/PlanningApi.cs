using Governance.Domain.Planning;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Planning;

/// <summary>The P&amp;C calendar (Griffie, Beheerder), with the same rules and messages as the page.</summary>
public static class PlanningApi
{
    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var years = app.MapGroup("/api/admin/planning").WithTags("Planning").RequireAuthorization(Policies.ManageCouncilBodies);
        years.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListPlanningYearsQuery(), ct)))
            .WithName("ListPlanningYears").WithSummary("The P&C calendar year by year: council dates, council and committee meetings, holidays and closed days (Griffie, Beheerder).");
        years.MapPost("/", async ([FromBody] PlanningYearBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(body.Year, null, adding: true), ct)).ToHttp(saved => TypedResults.Created($"/api/admin/planning/{saved.Year.Year}", saved)))
            .WithName("AddPlanningYear").WithSummary("Adds a year to the P&C calendar; without holidays it observes the installation's (Griffie, Beheerder).");
        years.MapPut("/{year:int}", async (int year, [FromBody] PlanningYearBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(body.ToCommand(year, body.Version, adding: false), ct)).ToHttp(TypedResults.Ok))
            .WithName("ChangePlanningYear").WithSummary(
                "Changes a year of the P&C calendar, given whole with the version read (a change made meanwhile answers 409). Running reports whose deadlines move are planned again, with a journal line and a message to the people concerned (Griffie, Beheerder).");
        return app;
    }

    public sealed record PlanningYearBody(
        int Year,
        DateOnly? FirstManagementReport,
        DateOnly? AnnualAccounts,
        DateOnly? SpringMemorandum,
        DateOnly? Budget,
        IReadOnlyList<DateOnly>? CouncilMeetings,
        IReadOnlyList<CommitteeMeetingInput>? CommitteeMeetings,
        IReadOnlyList<DutchHoliday>? Holidays,
        IReadOnlyList<DateOnly>? ClosedDays,
        int? Version)
    {
        public SavePlanningYearCommand ToCommand(int year, int? version, bool adding) => new(
            year, FirstManagementReport, AnnualAccounts, SpringMemorandum, Budget, CouncilMeetings, CommitteeMeetings, Holidays, ClosedDays, version, adding);
    }
}
