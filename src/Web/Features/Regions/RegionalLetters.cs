using System.Globalization;
using System.Text;
using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.Regions;
using Governance.Web.Components.Shared;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Governance.Workflows.Letters;
using Governance.Workflows.Regions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Regions;

/// <summary>A regional letter in a list: subject, cooperation, where it stands, and this municipality's sending.</summary>
public sealed record RegionalLetterLine(Guid Id, string Subject, string Cooperation, RegionalLetterStatus Status, DateTime ComposedAtUtc, string? YourReference, DateOnly? YourSentOn);

/// <summary>A regional letter as a member reads it, with what the signed-in person may do with it now.</summary>
public sealed record RegionalLetterView(
    Guid Id, Guid CooperationId, string Cooperation, string LeadMunicipality, string Subject, string Body, int TextVersion, RegionalLetterStatus Status,
    DateTime ComposedAtUtc, string ComposedBy, DateOnly? ApprovalsDue, DateOnly? SendingDue, string? SentBackReason,
    IReadOnlyList<RegionalApproverLine> Approvers, IReadOnlyList<RegionalSendingLine> Councils, RegionalLetterActions Actions, int Version);

/// <summary>An approver: for which municipality, who, and whether they approved the current text.</summary>
public sealed record RegionalApproverLine(string Municipality, string Alderman, bool Approved, DateTime? ApprovedAtUtc);

/// <summary>A council the letter is for, and its sending when recorded: its own reference number.</summary>
public sealed record RegionalSendingLine(string Municipality, string? Reference, DateOnly? SentOn, string? DocumentNumber);

/// <summary>What the signed-in person may do now; the page shows only these.</summary>
public sealed record RegionalLetterActions(bool Edit, bool Offer, bool Approve, bool SendBack, bool RecordSending);

/// <summary>The regional letters of the cooperations this municipality is in; a council member sees those sent to its own council.</summary>
public sealed record ListRegionalLettersQuery : IQuery<Result<IReadOnlyList<RegionalLetterLine>>>;

public sealed record GetRegionalLetterQuery(Guid Id) : IQuery<Result<RegionalLetterView>>;

/// <summary>The lead municipality's griffie composes a letter from the regional monitor as it stands.</summary>
public sealed record ComposeRegionalLetterCommand(Guid? CooperationId) : ICommand<Result<RegionalLetterView>>;

/// <summary>The lead's griffie edits the draft (subject and Markdown text); an edit asks every approval again.</summary>
public sealed record EditRegionalLetterCommand(Guid Id, string? Subject, string? Body, int? Version) : ICommand<Result<RegionalLetterView>>;

/// <summary>
/// A step on a regional letter: Offer (the lead's griffie, naming the lead's responsible alderman), Approve or SendBack
/// (an approver, a reason with the send-back), RecordSending (a member's griffie: the day it went to its council).
/// </summary>
public sealed record RegionalLetterStepCommand(
    Guid Id, RegionalLetterStep? Step, Guid? AldermanId, string? Reason, DateOnly? SentOn, string? DocumentNumber, int? Version)
    : ICommand<Result<RegionalLetterView>>;

public enum RegionalLetterStep
{
    Offer,
    Approve,
    SendBack,
    RecordSending,
}

public sealed class ComposeRegionalLetterValidator : AbstractValidator<ComposeRegionalLetterCommand>
{
    public ComposeRegionalLetterValidator() => RuleFor(c => c.CooperationId).NotNull().WithMessage("Kies het samenwerkingsverband waarvoor u de brief opstelt.");
}

public sealed class EditRegionalLetterValidator : AbstractValidator<EditRegionalLetterCommand>
{
    public EditRegionalLetterValidator()
    {
        RuleFor(c => c.Subject).NotEmpty().WithMessage("Vul het onderwerp in.")
            .MaximumLength(RegionalLetter.SubjectMaxLength).WithMessage($"Het onderwerp is hooguit {RegionalLetter.SubjectMaxLength} tekens.");
        RuleFor(c => c.Body).NotEmpty().WithMessage("De brief heeft tekst nodig.")
            .MaximumLength(RegionalLetter.BodyMaxLength).WithMessage($"De tekst is hooguit {RegionalLetter.BodyMaxLength:N0} tekens.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
    }
}

public sealed class RegionalLetterStepValidator : AbstractValidator<RegionalLetterStepCommand>
{
    public RegionalLetterStepValidator()
    {
        RuleFor(c => c.Step).NotNull().WithMessage("Kies een stap: Offer, Approve, SendBack of RecordSending.");
        RuleFor(c => c.Version).NotNull().WithMessage("De versie die u las is verplicht (voor gelijktijdige wijzigingen).");
        RuleFor(c => c.AldermanId).NotNull().When(c => c.Step == RegionalLetterStep.Offer)
            .WithMessage("Kies de verantwoordelijke wethouder van uw gemeente.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Step == RegionalLetterStep.SendBack)
            .WithMessage("Zeg waarom u de brief terugstuurt, zodat de griffie weet wat er moet veranderen.");
        RuleFor(c => c.Reason).MaximumLength(RegionalLetter.ReasonMaxLength).WithMessage($"De toelichting is hooguit {RegionalLetter.ReasonMaxLength} tekens.");
        RuleFor(c => c.SentOn).NotNull().When(c => c.Step == RegionalLetterStep.RecordSending)
            .WithMessage("Vul de datum in waarop de brief aan uw raad is verzonden.");
        RuleFor(c => c.DocumentNumber).MaximumLength(RegionalSending.DocumentNumberMaxLength)
            .WithMessage($"Het documentnummer is hooguit {RegionalSending.DocumentNumberMaxLength} tekens.");
    }
}

/// <summary>
/// The regional letters: read and changed only by the councils they are for, through the system's scope (a letter spans
/// municipalities), each step checked here against who the person is and for which municipality.
/// </summary>
public sealed class RegionalLettersHandler(ISystemDatabase systemDatabase, CurrentUser user, AuditTrail audit, TimeProvider time, ISender sender, LetterRules rules)
    : IQueryHandler<ListRegionalLettersQuery, Result<IReadOnlyList<RegionalLetterLine>>>,
      IQueryHandler<GetRegionalLetterQuery, Result<RegionalLetterView>>,
      ICommandHandler<ComposeRegionalLetterCommand, Result<RegionalLetterView>>,
      ICommandHandler<EditRegionalLetterCommand, Result<RegionalLetterView>>,
      ICommandHandler<RegionalLetterStepCommand, Result<RegionalLetterView>>
{
    /// <summary>How long the approvers have, and when the councils should have it, counted from the offer.</summary>
    public static readonly int ApprovalDays = 10, SendingDays = 14;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask<Result<IReadOnlyList<RegionalLetterLine>>> Handle(ListRegionalLettersQuery query, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you)
        {
            return new Forbidden("Alleen iemand van een gemeente ziet de regionale brieven.");
        }

        await using var db = systemDatabase.CreateContext();
        var cooperations = await db.Cooperations.AsNoTracking().Where(c => c.Members.Any(m => m.MunicipalityId == you)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var ids = cooperations.Keys.ToList();
        var letters = await db.RegionalLetters.AsNoTracking().Where(l => ids.Contains(l.CooperationId)).OrderByDescending(l => l.ComposedAtUtc).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<RegionalLetterLine>>.Success([.. letters.Where(l => MayRead(l, you)).Select(l =>
        {
            var sending = l.Sendings.SingleOrDefault(s => s.MunicipalityId == you);
            return new RegionalLetterLine(l.Id.Value, l.Subject, cooperations[l.CooperationId], l.Status, l.ComposedAtUtc, sending?.Reference, sending?.SentOn);
        })]);
    }

    public async ValueTask<Result<RegionalLetterView>> Handle(GetRegionalLetterQuery query, CancellationToken cancellationToken)
    {
        await using var db = systemDatabase.CreateContext();
        var letter = await ReadableAsync(db, query.Id, tracked: false, cancellationToken);
        return letter is null ? new NotFound("Regionale brief") : await ViewAsync(db, letter, cancellationToken);
    }

    public async ValueTask<Result<RegionalLetterView>> Handle(ComposeRegionalLetterCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you || !user.IsInRole(Roles.Griffie))
        {
            return new Forbidden("Alleen de griffie van de gemeente die het samenwerkingsverband leidt, stelt een regionale brief op.");
        }

        await using var db = systemDatabase.CreateContext();
        var id = new CooperationId(command.CooperationId!.Value);
        var cooperation = await db.Cooperations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cooperation is null || !cooperation.IsMember(you))
        {
            return new NotFound("Samenwerkingsverband");
        }

        if (cooperation.LeadMunicipalityId != you)
        {
            return new Forbidden("Alleen de griffie van de gemeente die het samenwerkingsverband leidt, stelt een regionale brief op.");
        }

        var monitor = await sender.Send(new GetRegionalMonitorQuery(id.Value, 3), cancellationToken);
        if (!monitor.Succeeded)
        {
            return monitor.Error;
        }

        if (monitor.Value.Indicators.Count == 0)
        {
            return new Invalid(new Dictionary<string, string[]> { ["cooperationId"] = ["Er is nog niets gedeeld met dit samenwerkingsverband: de brief zou geen cijfers hebben."] });
        }

        var lead = await db.Municipalities.AsNoTracking().Where(m => m.Id == you).Select(m => m.Name).SingleAsync(cancellationToken);
        var (subject, body) = RegionalLetterText.Compose(monitor.Value, lead);
        var letter = new RegionalLetter(cooperation, subject, body, user.DisplayName, time.GetUtcNow().UtcDateTime);
        db.RegionalLetters.Add(letter);
        audit.Record(db, AuditAction.RegionalLetterChanged, $"{cooperation.Name}: regionale brief opgesteld");
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, letter, cancellationToken);
    }

    public async ValueTask<Result<RegionalLetterView>> Handle(EditRegionalLetterCommand command, CancellationToken cancellationToken)
    {
        await using var db = systemDatabase.CreateContext();
        var found = await ChangeableAsync(db, command.Id, command.Version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var letter = found.Value;
        if (!IsLeadGriffie(letter))
        {
            return new Forbidden("Alleen de griffie van de gemeente die het samenwerkingsverband leidt, past de regionale brief aan.");
        }

        if (letter.Status != RegionalLetterStatus.Draft)
        {
            return new Conflict(letter.Status == RegionalLetterStatus.Approved
                ? "Deze brief is goedgekeurd en verandert niet meer."
                : "Deze brief ligt ter goedkeuring; hij verandert pas weer als een wethouder hem terugstuurt.");
        }

        letter.Edit(command.Subject!.Trim(), command.Body!);
        audit.Record(db, AuditAction.RegionalLetterChanged, $"Regionale brief aangepast: {letter.Subject}");
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(db, letter, cancellationToken);
    }

    public async ValueTask<Result<RegionalLetterView>> Handle(RegionalLetterStepCommand command, CancellationToken cancellationToken)
    {
        await using var db = systemDatabase.CreateContext();
        var found = await ChangeableAsync(db, command.Id, command.Version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var letter = found.Value;

        var you = user.MunicipalityId!.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var today = MunicipalTime.Today(time);
        var cooperation = await db.Cooperations.AsNoTracking().SingleAsync(c => c.Id == letter.CooperationId, cancellationToken);
        RegionalHandover? handover;
        switch (command.Step!.Value)
        {
            case RegionalLetterStep.Offer:
                if (!IsLeadGriffie(letter))
                {
                    return new Forbidden("Alleen de griffie van de gemeente die het samenwerkingsverband leidt, biedt de brief ter goedkeuring aan.");
                }

                if (letter.Status != RegionalLetterStatus.Draft)
                {
                    return new Conflict("Deze brief is al aangeboden.");
                }

                var leadAlderman = new AldermanId(command.AldermanId!.Value);
                if (!await db.Aldermen.AsNoTracking().AnyAsync(a => a.Id == leadAlderman && a.MunicipalityId == you, cancellationToken))
                {
                    return new NotFound("Wethouder");
                }

                var approvers = new List<(MunicipalityId, AldermanId)> { (you, leadAlderman) };
                if (cooperation.EachPortfolioHolderApproves)
                {
                    var others = letter.Members.Where(m => m != you && cooperation.IsMember(m)).ToList();
                    var unnamed = others.Where(m => cooperation.PortfolioHolderOf(m) is null).ToList();
                    if (unnamed.Count > 0)
                    {
                        var names = await db.Municipalities.AsNoTracking().Where(m => unnamed.Contains(m.Id)).Select(m => m.Name).OrderBy(n => n).ToListAsync(cancellationToken);
                        return new Invalid(new Dictionary<string, string[]>
                        {
                            ["aldermanId"] = [$"Dit samenwerkingsverband vraagt de goedkeuring van de portefeuillehouder van elke gemeente, en {string.Join(", ", names)} {(names.Count == 1 ? "heeft" : "hebben")} er nog geen aangewezen."],
                        });
                    }

                    approvers.AddRange(others.Select(m => (m, cooperation.PortfolioHolderOf(m)!.Value)));
                }

                letter.Offer(approvers, today.AddDays(ApprovalDays), today.AddDays(SendingDays));
                handover = RegionalHandover.Offered;
                break;

            case RegionalLetterStep.Approve or RegionalLetterStep.SendBack:
                var approver = user.AldermanId is { } alderman && user.IsInRole(Roles.Wethouder)
                    ? letter.Approvers.SingleOrDefault(a => a.AldermanId == alderman && a.MunicipalityId == you)
                    : null;
                if (approver is null)
                {
                    return new Forbidden("Alleen een wethouder die deze regionale brief moet goedkeuren, keurt hem goed of stuurt hem terug.");
                }

                if (letter.Status != RegionalLetterStatus.InApproval)
                {
                    return new Conflict("Deze brief ligt niet (meer) ter goedkeuring.");
                }

                if (command.Step == RegionalLetterStep.Approve)
                {
                    letter.Approve(approver.AldermanId, user.UserId!, now);
                    handover = letter.Status == RegionalLetterStatus.Approved ? RegionalHandover.Approved : null;
                }
                else
                {
                    letter.SendBack(approver.AldermanId, $"{user.DisplayName}: {command.Reason!.Trim()}");
                    handover = RegionalHandover.SentBack;
                }

                break;

            default:
                if (!user.IsInRole(Roles.Griffie))
                {
                    return new Forbidden("Alleen de griffie legt vast dat de brief aan de raad is verzonden.");
                }

                if (letter.Status != RegionalLetterStatus.Approved)
                {
                    return new Conflict("Alleen een goedgekeurde brief wordt verzonden.");
                }

                if (letter.Sendings.Any(s => s.MunicipalityId == you))
                {
                    return new Conflict("De verzending aan uw raad is al vastgelegd.");
                }

                if (command.SentOn!.Value > today || command.SentOn.Value < DateOnly.FromDateTime(MunicipalTime.ToLocal(letter.ApprovedAtUtc!.Value)))
                {
                    return new Invalid(new Dictionary<string, string[]> { ["sentOn"] = ["De verzenddatum ligt tussen de goedkeuring en vandaag."] });
                }

                letter.RecordSending(you, await LetterReferences.NextAsync(db, you, now, rules.ReferencePattern, cancellationToken), command.SentOn.Value, command.DocumentNumber?.Trim(), user.DisplayName, now);
                handover = null;
                break;
        }

        audit.Record(db, AuditAction.RegionalLetterChanged, $"Regionale brief '{letter.Subject}': {StepName(command.Step.Value)}");
        await db.SaveChangesAsync(cancellationToken);
        if (handover is { } h)
        {
            await RegionalLetterNotices.SendAsync(db, letter, h, DateOnly.MinValue, time, cancellationToken);
        }

        return await ViewAsync(db, letter, cancellationToken);
    }

    private static string StepName(RegionalLetterStep step) => step switch
    {
        RegionalLetterStep.Offer => "ter goedkeuring aangeboden",
        RegionalLetterStep.Approve => "goedgekeurd",
        RegionalLetterStep.SendBack => "teruggestuurd",
        _ => "verzending aan de raad vastgelegd",
    };

    private bool IsLeadGriffie(RegionalLetter letter) => user.IsInRole(Roles.Griffie) && letter.LeadMunicipalityId == user.MunicipalityId;

    /// <summary>
    /// A letter is there for the councils it is for: their griffie, aldermen and beheerder from its composition on, their
    /// council members once their own griffie has sent it to them. For anyone else it does not exist.
    /// </summary>
    private bool MayRead(RegionalLetter letter, MunicipalityId you) =>
        letter.Members.Contains(you)
        && (user.IsInRole(Roles.Griffie) || user.IsInRole(Roles.Wethouder) || user.IsInRole(Roles.Beheerder) || letter.Sendings.Any(s => s.MunicipalityId == you));

    /// <summary>A letter the person may read, tracked for a change, as it was when they read it (else a conflict).</summary>
    private async Task<Result<RegionalLetter>> ChangeableAsync(GovernanceDbContext db, Guid id, int? version, CancellationToken cancellationToken) =>
        await ReadableAsync(db, id, tracked: true, cancellationToken) switch
        {
            null => new NotFound("Regionale brief"),
            { } letter when letter.Version != version => new Conflict("Iemand anders heeft deze brief intussen gewijzigd. Laad de brief opnieuw; wat u invulde staat nog in het veld."),
            { } letter => letter,
        };

    private async Task<RegionalLetter?> ReadableAsync(GovernanceDbContext db, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } you)
        {
            return null;
        }

        var letterId = new RegionalLetterId(id);
        var query = tracked ? db.RegionalLetters : db.RegionalLetters.AsNoTracking();
        var letter = await query.SingleOrDefaultAsync(l => l.Id == letterId, cancellationToken);
        return letter is not null && MayRead(letter, you) ? letter : null;
    }

    private async Task<RegionalLetterView> ViewAsync(GovernanceDbContext db, RegionalLetter letter, CancellationToken cancellationToken)
    {
        var you = user.MunicipalityId!.Value;
        var members = letter.Members;
        var names = await db.Municipalities.AsNoTracking().Where(m => members.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        var aldermanIds = letter.Approvers.Select(a => a.AldermanId).ToList();
        var aldermen = await db.Aldermen.AsNoTracking().Where(a => aldermanIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var cooperation = await db.Cooperations.AsNoTracking().Where(c => c.Id == letter.CooperationId).Select(c => c.Name).SingleAsync(cancellationToken);
        var order = members.OrderBy(m => m == letter.LeadMunicipalityId ? 0 : 1).ThenBy(m => names.GetValueOrDefault(m, ""), StringComparer.Create(Dutch, true)).ToList();
        var approver = user.IsInRole(Roles.Wethouder) && user.AldermanId is { } alderman && letter.Approvers.Any(a => a.AldermanId == alderman && a.MunicipalityId == you);
        var approvedByYou = letter.Approvers.Any(a => a.AldermanId == user.AldermanId && a.ApprovedHash == letter.Hash);
        var actions = new RegionalLetterActions(
            Edit: IsLeadGriffie(letter) && letter.Status == RegionalLetterStatus.Draft,
            Offer: IsLeadGriffie(letter) && letter.Status == RegionalLetterStatus.Draft,
            Approve: approver && letter.Status == RegionalLetterStatus.InApproval && !approvedByYou,
            SendBack: approver && letter.Status == RegionalLetterStatus.InApproval,
            RecordSending: user.IsInRole(Roles.Griffie) && letter.Status == RegionalLetterStatus.Approved && letter.Sendings.All(s => s.MunicipalityId != you));
        return new RegionalLetterView(
            letter.Id.Value, letter.CooperationId.Value, cooperation, names.GetValueOrDefault(letter.LeadMunicipalityId, "?"), letter.Subject, letter.Body, letter.TextVersion,
            letter.Status, letter.ComposedAtUtc, letter.ComposedBy, letter.ApprovalsDue, letter.SendingDue, letter.SentBackReason,
            [.. letter.Approvers.OrderBy(a => order.IndexOf(a.MunicipalityId)).Select(a => new RegionalApproverLine(
                names.GetValueOrDefault(a.MunicipalityId, "?"), aldermen.GetValueOrDefault(a.AldermanId, "?"), a.ApprovedHash == letter.Hash, a.ApprovedHash == letter.Hash ? a.ApprovedAtUtc : null))],
            [.. order.Select(m => letter.Sendings.SingleOrDefault(s => s.MunicipalityId == m) is { } s
                ? new RegionalSendingLine(names.GetValueOrDefault(m, "?"), s.Reference, s.SentOn, s.DocumentNumber)
                : new RegionalSendingLine(names.GetValueOrDefault(m, "?"), null, null, null))],
            actions, letter.Version);
    }
}

/// <summary>The text of a composed regional letter: per shared indicator the councils side by side, in the letters' Markdown.</summary>
public static class RegionalLetterText
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The letter in Dutch, whatever the language of the person (or job) composing it: a council letter is Dutch.</summary>
    public static (string Subject, string Body) Compose(RegionalMonitor monitor, string lead)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Dutch;
        try
        {
            return ComposeDutch(monitor, lead);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static (string Subject, string Body) ComposeDutch(RegionalMonitor monitor, string lead)
    {
        var latest = monitor.Indicators.SelectMany(i => i.Periods.TakeLast(1)).FirstOrDefault();
        var subject = Fit($"Regionale monitor {monitor.Name}" + (latest is null ? "" : $", stand {latest}"), RegionalLetter.SubjectMaxLength);
        var councils = Enumerate(monitor.Municipalities);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Aan de gemeenteraden van {Escape(councils)}").AppendLine();
        text.AppendLine("Geachte raadsleden,").AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"Met deze brief informeren de colleges van de gemeenten in {Escape(monitor.Name)} u over de regionale monitor, zodat de raden van alle samenwerkende gemeenten over dezelfde monitoringinformatie beschikken. ");
        text.AppendLine("Elke gemeente deelt haar eigen, vastgestelde cijfers; waar een gemeente een cijfer niet deelt of er nog geen heeft, staat dat erbij.").AppendLine();
        foreach (var indicator in monitor.Indicators)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"## {Escape(indicator.Name)}").AppendLine();
            if (indicator.NationalSource is { } source)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Landelijke bron: {Escape(source)}.").AppendLine();
            }

            text.AppendLine("| Gemeente | " + string.Join(" | ", indicator.Periods.Select(Escape)) + " | Ontwikkeling |");
            text.AppendLine("|---|" + string.Concat(indicator.Periods.Select(_ => "---:|")) + "---|");
            foreach (var row in indicator.Rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Escape(row.Municipality)} | {string.Join(" | ", row.Values.Select(v => v is { } value ? Show(indicator, value) : "–"))} | {Escape(row.Shared ? row.Trend ?? "–" : "niet gedeeld")} |");
            }

            if (indicator.Total is { } total)
            {
                var label = total.Kind == RegionalTotalKind.Sum ? "Regio totaal" : "Regio gewogen gemiddelde";
                text.AppendLine(CultureInfo.InvariantCulture, $"| **{label}** | {string.Join(" | ", total.Values.Select(v => v is { } value ? Show(indicator, value) : "–"))} | |");
            }

            text.AppendLine();
            var notes = new List<string>();
            notes.AddRange(indicator.Rows.Where(r => r.Shared && r.Missing is not null).Select(r => $"{r.Municipality}: {char.ToLower(r.Missing![0], Dutch)}{r.Missing[1..]}."));
            if (indicator.Total is { } counted && counted.Counted.Any(c => c < counted.Members))
            {
                notes.Add($"Het regiocijfer telt alleen de gemeenten met een cijfer in die periode mee.");
            }

            if (indicator.NoTotal is { } reason)
            {
                notes.Add(reason);
            }

            foreach (var note in notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(note)}");
            }

            if (notes.Count > 0)
            {
                text.AppendLine();
            }
        }

        text.AppendLine("Met vriendelijke groet,").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"namens de colleges van burgemeester en wethouders van {Escape(councils)},").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"het college van {Escape(lead)}");
        return (subject, text.ToString());
    }

    private static string Show(RegionalIndicator indicator, decimal value) =>
        Format.Measure(value, indicator.Kind == Domain.Indicators.IndicatorKind.Breakdown ? Domain.Indicators.IndicatorKind.Count : indicator.Kind, indicator.Unit, indicator.Decimals);

    private static string Enumerate(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} en {names[^1]}";

    /// <summary>Text typed by people (names, sources) as literal text in Markdown: no table breaks, no emphasis, no links.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '|' or '*' or '_' or '[' or ']' or '`' or '#' or '<' or '>' or '!')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Fit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
