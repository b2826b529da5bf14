using System.Globalization;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Workflows.Letters;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Hosting.Seeding;

/// <summary>
/// Demo only, right after the first opening: letters at every step, made the way people make them (through
/// the same commands, signed in as the demo accounts). "Vinger aan de pols" 2nd quarter is composed,
/// approved by its three aldermen, finalised and sent; the 3rd quarter is offered for approval and approved by
/// Jeroen Hoenderkamp, so Johan Pas and Hubert Mackus find it in "Ter goedkeuring" with the differences to
/// the 2nd quarter; the dashboards commitment's half year gets its values, and its draft waits for the drafter.
/// Runs once: a demo whose letters exist is left alone (and one process at a time, when several start on one demo).
/// </summary>
[Governance.Workflows.Scheduling.RunsAlone(timeoutInSeconds: 600)]
public sealed partial class DemoLetters(IServiceScopeFactory scopes, ILogger<DemoLetters> logger)
{
    private const string Griffie = "griffie@maastricht.demo";

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (await MakeSentAndInApprovalAsync(cancellationToken))
        {
            var halfYear = await OpenCyclesAsync("T-2024-031", cancellationToken);
            if (halfYear.Count > 0)
            {
                await SubmitValuesAsync(halfYear[0], 0, cancellationToken);
            }

            LogDone();
        }
    }

    /// <summary>"Vinger aan de pols": the older open quarter sent, the newer one in approval with Jeroen Hoenderkamp's approval. False when letters exist already.</summary>
    public async Task<bool> MakeSentAndInApprovalAsync(CancellationToken cancellationToken)
    {
        var quarters = await OpenCyclesAsync("M-2014-083", cancellationToken);
        if (quarters.Count < 2)
        {
            LogSkipped(quarters.Count);
            return false;
        }

        var sent = await ComposeAndSubmitAsync(quarters[0], 0, cancellationToken);
        foreach (var alderman in new[] { "wethouder.hoenderkamp@maastricht.demo", "wethouder.pas@maastricht.demo", "wethouder.mackus@maastricht.demo" })
        {
            await ApproveAsync(alderman, sent, cancellationToken);
        }

        await AsAsync(Griffie, async (sender, db) =>
        {
            var letter = await db.CouncilLetters.AsNoTracking().SingleAsync(l => l.Id == new Domain.Letters.CouncilLetterId(sent), cancellationToken);
            var griffie = await CurrentActorAsync(db, Griffie, cancellationToken);
            return Check(await sender.Send(new RecordLetterSentCommand(sent, MunicipalTime.Today(TimeProvider.System), "RIB-2026-0412", letter.Version, griffie), cancellationToken));
        });

        var inApproval = await ComposeAndSubmitAsync(quarters[1], 1, cancellationToken);
        await ApproveAsync("wethouder.hoenderkamp@maastricht.demo", inApproval, cancellationToken);
        return true;
    }

    /// <summary>The open cycles of an obligation, oldest period first; none when the demo has letters already (it ran before).</summary>
    private Task<List<Guid>> OpenCyclesAsync(string reference, CancellationToken cancellationToken) => AsAsync(Griffie, async (sender, db) =>
    {
        if (await db.CouncilLetters.AnyAsync(cancellationToken) && reference == "M-2014-083")
        {
            return new List<Guid>();
        }

        var open = await db.ReportingCycles.AsNoTracking().Where(c => c.Status == ReportingCycleStatus.Open)
            .Join(db.Obligations.Where(o => o.Reference == reference), c => c.ObligationId, o => o.Id, (c, o) => new { c.Id, c.Period }).ToListAsync(cancellationToken);
        return open.OrderBy(c => c.Period).Select(c => c.Id.Value).ToList();
    });

    private async Task<Guid> ComposeAndSubmitAsync(Guid cycleId, int step, CancellationToken cancellationToken)
    {
        await SubmitValuesAsync(cycleId, step, cancellationToken);
        const string staff = "medewerker@maastricht.demo";
        return await AsAsync(staff, async (sender, db) =>
        {
            var actor = await CurrentActorAsync(db, staff, cancellationToken);
            var composed = await sender.Send(new ComposeLetterCommand(cycleId, actor), cancellationToken);
            if (!composed.Succeeded)
            {
                // The background composition (started when the cycle completed) may have stored it first.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                composed = await sender.Send(new ComposeLetterCommand(cycleId, actor), cancellationToken);
            }

            var letterId = Check(composed);
            var letter = await db.CouncilLetters.AsNoTracking().Include(l => l.Versions).SingleAsync(l => l.Id == new Domain.Letters.CouncilLetterId(letterId), cancellationToken);
            // The drafter writes her full name and adds a caveat to the introduction, as a second version.
            var body = letter.Current.Body;
            var introduction = body.IndexOf("\n\n", StringComparison.Ordinal);
            body = body[..introduction] + " De cijfers van dit kwartaal zijn voorlopig; de definitieve cijfers volgen bij de jaarrekening." + body[introduction..];
            var edited = Check(await sender.Send(new EditLetterCommand(letterId, letter.Current.Subject, "S. (Sanne) Peeters", letter.Current.Phone,
                body, letter.Version, actor), cancellationToken));
            Check(await sender.Send(new SubmitLetterCommand(letterId, edited, actor), cancellationToken));
            return letterId;
        });
    }

    private Task ApproveAsync(string email, Guid letterId, CancellationToken cancellationToken) => AsAsync(email, async (sender, db) =>
    {
        var number = await db.LetterVersions.Where(v => v.LetterId == new Domain.Letters.CouncilLetterId(letterId)).MaxAsync(v => v.Number, cancellationToken);
        var outcome = Check(await sender.Send(new ApproveLettersCommand([new LetterToApprove(letterId, number)], await CurrentActorAsync(db, email, cancellationToken)), cancellationToken));
        return outcome.Count;
    });

    /// <summary>Every value of the cycle, as the data warehouse would send them; <paramref name="step"/> moves the figures a little per period.</summary>
    private Task SubmitValuesAsync(Guid cycleId, int step, CancellationToken cancellationToken) => AsAsync("medewerker@maastricht.demo", async (sender, db) =>
    {
        var cycle = await db.ReportingCycles.AsNoTracking().Include(c => c.Tasks).SingleAsync(c => c.Id == new ReportingCycleId(cycleId), cancellationToken);
        var indicatorIds = cycle.Tasks.Select(t => t.IndicatorId).ToList();
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Definitions).Where(i => indicatorIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var period = cycle.Period.Display(CultureInfo.GetCultureInfo("nl-NL"));
        var recorded = 0;
        foreach (var team in cycle.Tasks.GroupBy(t => t.TeamId))
        {
            var values = team.Select(t => indicators.Single(i => i.Id == t.IndicatorId)).Select(i => DemoFigures.For(i.Code, i.Current, period, step)).ToList();
            recorded += Check(await sender.Send(new SubmitCycleValuesCommand
            {
                CycleId = cycleId, Values = values, RecordedBy = "Datawarehouse sociaal domein", Principal = "demo", ActingTeamId = team.Key.Value,
            }, cancellationToken)).Recorded;
        }

        return recorded;
    });

    private static async Task<LetterActor> CurrentActorAsync(GovernanceDbContext db, string email, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email, cancellationToken);
        return new LetterActor(user.Id, user.DisplayName, user.TeamId?.Value, user.AldermanId?.Value);
    }

    /// <summary>Runs a step signed in as a demo account, so the database scope and the rules are theirs.</summary>
    private async Task<T> AsAsync<T>(string email, Func<ISender, GovernanceDbContext, Task<T>> step)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo user {email} is missing.");
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(principal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync();
        return await step(scope.ServiceProvider.GetRequiredService<ISender>(), db);
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Demo letters: {result.Error.Message} "
            + (result.Error is Invalid invalid ? string.Join("; ", invalid.Fields.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}")) : ""));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo letters: not made ({Cycles} open quarters of Vinger aan de pols, or letters exist already)")]
    private partial void LogSkipped(int cycles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo letters made: one sent, one in approval, one draft")]
    private partial void LogDone();
}
