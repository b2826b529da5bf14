using System.Text.Json;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Workflows.Letters;

/// <summary>The drafter offers the current version to the responsible aldermen: the letter and its cycle go to approval together.</summary>
public sealed record SubmitLetterCommand(Guid LetterId, int? Version, LetterActor Actor) : ICommand<Result<int>>;

public sealed class SubmitLetterHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time) : ICommandHandler<SubmitLetterCommand, Result<int>>
{
    public async ValueTask<Result<int>> Handle(SubmitLetterCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var context = await LetterLoading.LoadAsync(db, command.LetterId, cancellationToken);
        if (context is null)
        {
            return new NotFound("Letter");
        }

        if (!context.IsDrafter(command.Actor))
        {
            return new Forbidden("Alleen medewerkers van een team dat in deze rapportage aanleverde, bieden de brief ter goedkeuring aan.");
        }

        if (context.Letter.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft deze brief intussen gewijzigd. Laad hem opnieuw.");
        }

        if (MissingContact(context.Letter.Current) is { } missing)
        {
            return new LetterContactMissing(missing);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var cycle = new ReportingCycleWorkflow(context.Cycle, now, command.Actor.Name, context.AllApprovalsIn);
        if (context.Cycle.Status == ReportingCycleStatus.SentBack)
        {
            var drafting = cycle.Fire(ReportingCycleWorkflow.Trigger.StartDrafting);
            if (!drafting.Succeeded)
            {
                return drafting.Error;
            }
        }

        var submitted = new CouncilLetterWorkflow(context.Letter, now, context.AllApprovalsIn).Submit();
        if (!submitted.Succeeded)
        {
            return submitted.Error;
        }

        var offered = cycle.Fire(ReportingCycleWorkflow.Trigger.SubmitForApproval);
        if (!offered.Succeeded)
        {
            return offered.Error;
        }

        return await LetterSaving.SaveAsync(db, context.Letter, cancellationToken);
    }

    /// <summary>
    /// What the letter's header lacks for the council to reach its writer ("een telefoonnummer en een e-mailadres"), or null.
    /// Who handles it is always there (a version cannot be stored without).
    /// </summary>
    public static string? MissingContact(Domain.Letters.LetterVersion version)
    {
        var email = string.IsNullOrWhiteSpace(version.Data) ? null : JsonSerializer.Deserialize<LetterModel>(version.Data, LetterComposer.DataJson)?.Email;
        string[] missing =
        [
            .. string.IsNullOrWhiteSpace(version.Phone) ? ["een telefoonnummer"] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(email) ? ["een e-mailadres"] : Array.Empty<string>(),
        ];
        return missing.Length == 0 ? null : string.Join(" en ", missing);
    }
}

internal static class LetterSaving
{
    public static async Task<Result<int>> SaveAsync(GovernanceDbContext db, Domain.Letters.CouncilLetter letter, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new Conflict("Iemand anders heeft deze brief of zijn rapportage intussen gewijzigd. Laad hem opnieuw.");
        }

        return letter.Version;
    }
}
