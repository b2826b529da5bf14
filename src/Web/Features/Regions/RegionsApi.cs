using Governance.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Web.Features.Regions;

/// <summary>Cooperations of municipalities and what each shares with them, over HTTP.</summary>
public static class RegionsApi
{
    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var cooperations = app.MapGroup("/api/cooperations").WithTags("Regions");

        cooperations.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListCooperationsQuery(), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ShareRegionally)
            .WithName("ListCooperations")
            .WithSummary("The cooperations your municipality leads, is a member of or is invited to, with their members.");

        cooperations.MapGet("/municipalities", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListMunicipalitiesQuery(), ct)))
            .RequireAuthorization(Policies.Administer)
            .WithName("ListMunicipalities")
            .WithSummary("The municipalities of this installation (names only), to invite to a cooperation.");

        cooperations.MapPost("/", async ([FromBody] CreateCooperationCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(line => TypedResults.Created($"/api/cooperations/{line.Id}", line)))
            .RequireAuthorization(Policies.Administer)
            .WithName("CreateCooperation")
            .WithSummary("Records a cooperation your municipality leads (beheerder).");

        cooperations.MapPost("/{id:guid}/steps", async (Guid id, [FromBody] CooperationStepBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new CooperationStepCommand(id, body.Step, body.MunicipalityId, body.Version, body.AldermanId), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ShareRegionally)
            .WithName("CooperationStep")
            .WithSummary("Invite a municipality or end the cooperation (the lead's beheerder), join or leave it (your own municipality's griffie or beheerder; leaving revokes what it shared), name your portfolio holder who approves its regional letters.");

        var letters = app.MapGroup("/api/regional-letters").WithTags("Regions").RequireAuthorization(Policies.ReadRegionalMonitor);
        letters.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListRegionalLettersQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithName("ListRegionalLetters")
            .WithSummary("The regional letters of your cooperations; a council member sees those sent to its own council.");
        letters.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => (await sender.Send(new GetRegionalLetterQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetRegionalLetter")
            .WithSummary("One regional letter: its text (Markdown), approvers, each council's sending and reference, and what you may do with it.");
        letters.MapPost("/", async ([FromBody] ComposeRegionalLetterCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(view => TypedResults.Created($"/api/regional-letters/{view.Id}", view)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ComposeRegionalLetter")
            .WithSummary("Composes a letter from the regional monitor for the councils of all members (the lead municipality's griffie).");
        letters.MapPut("/{id:guid}", async (Guid id, [FromBody] RegionalLetterTextBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EditRegionalLetterCommand(id, body.Subject, body.Body, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("EditRegionalLetter")
            .WithSummary("Edits a draft regional letter (the lead's griffie); approvals of an earlier text no longer count.");
        letters.MapPost("/{id:guid}/steps", async (Guid id, [FromBody] RegionalLetterStepBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RegionalLetterStepCommand(id, body.Step, body.AldermanId, body.Reason, body.SentOn, body.DocumentNumber, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("RegionalLetterStep")
            .WithSummary("Offer (the lead's griffie, naming its responsible alderman), Approve or SendBack (an approver), RecordSending (a member's griffie: its own reference number is given).");

        var shares = app.MapGroup("/api/regional-shares").WithTags("Regions").RequireAuthorization(Policies.ShareRegionally);

        shares.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListRegionalSharesQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithName("ListRegionalShares")
            .WithSummary("What your municipality shares and shared with cooperations, with who decided and when.");

        shares.MapPost("/", async ([FromBody] GiveRegionalShareCommand command, ISender sender, CancellationToken ct) =>
                (await sender.Send(command, ct)).ToHttp(line => TypedResults.Created($"/api/regional-shares/{line.Id}", line)))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GiveRegionalShare")
            .WithSummary("Shares one indicator, or one obligation's monitor, with a cooperation your municipality is a member of: its finalised values only.");

        shares.MapPost("/{id:guid}/revoke", async (Guid id, [FromBody] VersionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RevokeRegionalShareCommand(id, body.Version), ct)).ToHttp(TypedResults.Ok))
            .WithName("RevokeRegionalShare")
            .WithSummary("Takes a share back: from then on nothing of it crosses; the share stays on record.");
        app.MapPut("/api/indicators/{id:guid}/region", async (Guid id, [FromBody] IndicatorRegionBody body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SetIndicatorRegionCommand(id, body.RegionalCode, body.NationalSource, body.Version), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.DefineIndicators)
            .WithTags("Regions")
            .WithName("SetIndicatorRegion")
            .WithSummary("Links an indicator to a regional definition (the code the cooperating municipalities share) and names the national source it follows.");

        var monitor = app.MapGroup("/api/regional-monitor").WithTags("Regions").RequireAuthorization(Policies.ReadRegionalMonitor);
        monitor.MapGet("/", async (ISender sender, CancellationToken ct) => (await sender.Send(new ListMyCooperationsQuery(), ct)).ToHttp(TypedResults.Ok))
            .WithName("ListMyCooperations")
            .WithSummary("The cooperations your municipality is a member of.");
        monitor.MapGet("/{id:guid}", async (Guid id, int? periods, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetRegionalMonitorQuery(id, Math.Clamp(periods ?? 8, 1, 40)), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetRegionalMonitor")
            .WithSummary("Per shared indicator the members side by side over the last periods (1 to 40, default 8), with the regional total where the kind allows it and what is missing.");
        // The monitor as a table for a spreadsheet: one line per indicator, municipality and period, and the regional totals.
        foreach (var format in new[] { "csv", "xlsx" })
        {
            monitor.MapGet($"/{{id:guid}}/export.{format}", async (Guid id, ISender sender, CancellationToken ct) =>
                {
                    var result = await sender.Send(new GetRegionalMonitorQuery(id, 40), ct);
                    if (!result.Succeeded)
                    {
                        return result.Error.ToProblem();
                    }

                    string[] columns = ["Code", "Indicator", "Gemeente", "Periode", "Waarde", "Toelichting"];
                    var rows = result.Value.Indicators.SelectMany(i =>
                        i.Rows.SelectMany(r => i.Periods.Select((p, n) => new object?[] { i.Code, i.Name, r.Municipality, p, r.Values[n], r.Shared ? null : r.Missing }))
                            .Concat(i.Total is { } total ? i.Periods.Select((p, n) => new object?[] { i.Code, i.Name, total.Kind == RegionalTotalKind.Sum ? "Regio totaal" : "Regio gewogen gemiddelde", p, total.Values[n], $"{total.Counted[n]} van {total.Members} gemeenten" }) : []));
                    var name = $"regionale-monitor-{Features.PublicRegister.RegisterSlug.Of(result.Value.Name)}.{format}";
                    return format == "csv"
                        ? Results.File(Features.PublicRegister.RegisterDownload.Csv(columns, rows), "text/csv; charset=utf-8", name)
                        : Results.File(Features.PublicRegister.RegisterDownload.Xlsx(columns, rows, "Regionale monitor"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
                })
                .WithName(format == "csv" ? "ExportRegionalMonitorCsv" : "ExportRegionalMonitorXlsx")
                .WithSummary($"The regional monitor as {format.ToUpperInvariant()}: one line per indicator, municipality and period, and the regional totals.")
                .Produces(StatusCodes.Status200OK, contentType: format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }

        return app;
    }

    public sealed record RegionalLetterTextBody(string? Subject, string? Body, int? Version);

    public sealed record RegionalLetterStepBody(RegionalLetterStep? Step, Guid? AldermanId, string? Reason, DateOnly? SentOn, string? DocumentNumber, int? Version);

    public sealed record IndicatorRegionBody(string? RegionalCode, string? NationalSource, int? Version);

    public sealed record CooperationStepBody(CooperationStep? Step, Guid? MunicipalityId, int? Version, Guid? AldermanId = null);

    public sealed record VersionBody(int? Version);
}
