using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Governance.Workflows.Letters;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Letters;

public static class LettersApi
{
    public sealed record LetterEdit(string? Subject, string? HandledBy, string? Phone, string? Body, int? Version);

    public sealed record LetterVersionRead(int? Version);

    public sealed record LetterSendBack(string? Comments, int? Version);

    public sealed record LetterSent(DateOnly? SentOn, string? DocumentNumber, int? Version);

    public sealed record TemplateEdit(string? Text, int? Version);

    public sealed record LettersApproval(IReadOnlyList<LetterToApprove>? Letters);

    public static LetterActor Actor(this CurrentUser user) => new(user.UserId, user.DisplayName, user.TeamId?.Value, user.AldermanId?.Value);

    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/letters").WithTags("Letters").RequireAuthorization(Policies.ReadLetters);

        group.MapGet("/", async (CouncilLetterStatus? status, string? search, Guid? obligationId, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListLettersQuery(status, search, obligationId, page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListLetters")
            .WithSummary("Lists letters, newest first, paged; council members see the finalised and sent ones only.");

        app.MapGet("/api/letters/approvals", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListLettersForApprovalQuery(), ct)))
            .RequireAuthorization(Policies.ApproveLetters)
            .WithTags("Letters")
            .WithName("ListLettersForApproval")
            .WithSummary("The alderman's workspace: letters in approval waiting for me, and those I co-sign.");

        var templates = app.MapGroup("/api/letter-templates").WithTags("Letters").RequireAuthorization(Policies.EditTemplates);
        templates.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLetterTemplatesQuery(), ct)))
            .WithName("GetLetterTemplates")
            .WithSummary("The letter template per kind of obligation (the municipality's own, or the default).");
        templates.MapPut("/{kind}", async (Domain.Obligations.ObligationKind kind, [FromBody] TemplateEdit body, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SaveLetterTemplateCommand(kind, body.Text, body.Version), ct)).ToHttp(version => TypedResults.Ok(new { kind, version })))
            .WithName("SaveLetterTemplate")
            .WithSummary("Saves a template after checking it against the sample letter (a failing template is refused with its line); send the version you read (null for the default).");
        templates.MapDelete("/{kind}", async (Domain.Obligations.ObligationKind kind, int? version, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ResetLetterTemplateCommand(kind, version), ct)).ToHttp())
            .WithName("ResetLetterTemplate")
            .WithSummary("Goes back to the default template for a kind.");

        group.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetLetterQuery(id), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetLetter")
            .WithSummary("Reads a letter: current version, versions, approvals per alderman, reference, and the steps you may take.");

        app.MapGet("/api/cycles/{id:guid}/letter", async (Guid id, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetLetterQuery(null, id), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ReadLetters)
            .WithTags("Letters")
            .WithName("GetCycleLetter")
            .WithSummary("Reads the letter of a cycle.");

        app.MapPost("/api/cycles/{id:guid}/letter", async (Guid id, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ComposeLetterCommand(id, user.Actor()), ct)).ToHttp(letterId => TypedResults.Ok(new { id = letterId })))
            .RequireAuthorization(Policies.EnterValues)
            .WithTags("Letters")
            .WithName("ComposeLetter")
            .WithSummary("Composes (or composes again) the draft letter of a complete cycle from its values (staff of a team that reported in it).");

        group.MapPut("/{id:guid}", async (Guid id, [FromBody] LetterEdit body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new EditLetterCommand(id, body.Subject, body.HandledBy, body.Phone, body.Body, body.Version, user.Actor()), ct))
                    .ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.EnterValues)
            .WithName("EditLetter")
            .WithSummary("Saves an edit of a draft as a new version; send the letter version you read.");

        group.MapPost("/{id:guid}/submit", async (Guid id, [FromBody] LetterVersionRead body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SubmitLetterCommand(id, body.Version, user.Actor()), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.EnterValues)
            .WithName("SubmitLetter")
            .WithSummary("Offers the draft to the responsible aldermen for approval.");

        app.MapPost("/api/letters/approvals", async ([FromBody] LettersApproval body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new ApproveLettersCommand(body.Letters ?? [], user.Actor()), ct)).ToHttp(TypedResults.Ok))
            .RequireAuthorization(Policies.ApproveLetters)
            .ProducesProblem(StatusCodes.Status404NotFound) // one letter that is not there: its problem is the answer
            .WithTags("Letters")
            .WithName("ApproveLetters")
            .WithSummary("Approves one or several letters, each the version (number) you read; the last approval finalises a letter with its reference number.");

        group.MapPost("/{id:guid}/send-back", async (Guid id, [FromBody] LetterSendBack body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new SendBackLetterCommand(id, body.Version, body.Comments, user.Actor()), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.ApproveLetters)
            .WithName("SendBackLetter")
            .WithSummary("Sends a letter back to the drafter with comments (responsible alderman); send the version number you read.");

        group.MapPost("/{id:guid}/sent", async (Guid id, [FromBody] LetterSent body, CurrentUser user, ISender sender, CancellationToken ct) =>
                (await sender.Send(new RecordLetterSentCommand(id, body.SentOn, body.DocumentNumber, body.Version, user.Actor()), ct)).ToHttp(version => TypedResults.Ok(new { id, version })))
            .RequireAuthorization(Policies.ManageObligations)
            .WithName("RecordLetterSent")
            .WithSummary("Records that a finalised letter was sent to the council (griffie): date and document number.");

        foreach (var format in LetterFormats.All)
        {
            group.MapGet($"/{{id:guid}}/{format.Extension}", (Guid id, int? version, CurrentUser user, IDbContextFactory<GovernanceDbContext> dbFactory, HttpContext http, CancellationToken ct) =>
                {
                    // A downloaded letter opened in the browser runs nothing, whatever its text says.
                    http.Response.Headers.ContentSecurityPolicy = SecurityHeaders.DownloadPolicy;
                    return DownloadAsync(id, version, format, user, dbFactory, ct);
                })
                .Produces(StatusCodes.Status200OK, typeof(Stream), format.ContentType.Split(';')[0])
                .WithName($"GetLetter{format.Name}")
                .WithSummary($"The letter as {format.Description}, from a stored version (default: the finalised or current one).");
        }

        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, int? version, LetterFormat format, CurrentUser user, IDbContextFactory<GovernanceDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var letter = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleOrDefaultAsync(l => l.Id == new CouncilLetterId(id), ct);
        var chosen = letter?.Versions.SingleOrDefault(v => v.Number == (version ?? letter.FinalisedVersion ?? letter.Current.Number));
        if (letter is null || chosen is null || (user.ReadsAsCouncilMember && chosen.Number != letter.FinalisedVersion))
        {
            return new NotFound("Letter").ToProblem();
        }

        var owner = await db.Municipalities.AsNoTracking().Where(m => m.Id == letter.MunicipalityId).Select(m => new { m.Name, m.LetterLogo, m.LetterLogoType }).SingleAsync(ct);
        var bytes = format.Write(chosen, LetterHtml.Header.For(letter, chosen, owner.Name, LetterHtml.Header.LogoUri(owner.LetterLogo, owner.LetterLogoType)));
        return TypedResults.File(bytes, format.ContentType, $"{FileName(letter, chosen)}.{format.Extension}");
    }

    public static string FileName(CouncilLetter letter, LetterVersion version) =>
        letter.Reference is { } reference && letter.FinalisedVersion == version.Number
            ? $"raadsinformatiebrief-{reference}"
            : $"raadsinformatiebrief-concept-v{version.Number}";
}
