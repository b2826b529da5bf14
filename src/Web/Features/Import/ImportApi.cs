using Governance.Web.Hosting;
using Mediator;

namespace Governance.Web.Features.Import;

public static class ImportApi
{
    private static readonly string[] Accepted = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cycles").WithTags("Import").RequireAuthorization(Policies.EnterValues);

        group.MapGet("/{id:guid}/import-template", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new ImportTemplateQuery(id), ct);
                return result.Succeeded ? Results.File(result.Value.Content, "text/csv; charset=utf-8", result.Value.FileName) : result.Error.ToProblem();
            })
            .Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv")
            .WithName("ImportTemplate")
            .WithSummary("A CSV template for the values of a cycle: one line per indicator (code, name, value, explanation, source, reason not available).");

        // The file is the request body (text/csv or xlsx), not a form: browsers cannot send such a request from another site without asking first.
        group.MapPost("/{id:guid}/import", async (Guid id, string? fileName, bool? dryRun, Notation? notation, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                var type = request.ContentType?.Split(';')[0].Trim();
                if (type is null || !Accepted.Contains(type, StringComparer.OrdinalIgnoreCase))
                {
                    return Results.Problem("Stuur het bestand als text/csv of als xlsx.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Onbekend bestandstype.");
                }

                if (request.ContentLength > ValueFile.MaxBytes)
                {
                    return Results.Problem("Het bestand is groter dan 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Te groot.");
                }

                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                var name = fileName ?? (type.Contains("sheet", StringComparison.Ordinal) ? "import.xlsx" : "import.csv");
                var result = await sender.Send(new ImportValuesCommand(id, body.ToArray(), name, notation ?? Notation.Auto, dryRun ?? false), ct);
                return result.Succeeded ? Results.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithRawBody(Accepted)
            .Produces<ImportOutcome>()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ImportValues")
            .WithSummary("Imports a cycle's values from CSV (semicolon or comma, Dutch or international decimals) or XLSX: dryRun=true previews each line; " +
                         "otherwise all or nothing, with the failing lines named.");

        return app;
    }
}
