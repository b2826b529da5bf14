using Governance.Domain.Common;
using Governance.Domain.Letters;
using Governance.Domain.ReportingCycles;

namespace Governance.Workflows.Letters;

/// <summary>A template that does not parse or render, with what went wrong and where, in Dutch.</summary>
public sealed record LetterTemplateFailed(string Detail, int? Line)
    : Error("letter_template_failed", Line is { } l ? $"Het briefsjabloon klopt niet (regel {l}): {Detail}" : $"Het briefsjabloon klopt niet: {Detail}");

/// <summary>A step the letter's flow does not allow from where it stands, said as the griffie would.</summary>
public sealed record LetterStepRefused(string Detail) : Error("letter_step_refused", Detail);

/// <summary>A letter is offered only with the contact details its footer needs; <paramref name="Missing"/> names them.</summary>
public sealed record LetterContactMissing(string Missing)
    : Error("letter_contact_missing", $"De brief mist {Missing}. Vul dit in bij de briefgegevens van het team (Organisatie › Teams) of van de gemeente (Instellingen) en stel de brief opnieuw samen; een telefoonnummer kunt u ook in de brief zelf invullen.");

public sealed record NoLettersChosen() : Error("no_letters", "Kies ten minste één brief.");

public sealed record LetterNotInApproval(CouncilLetterStatus Status)
    : Error("letter_not_in_approval", $"Deze brief staat op {CouncilLetterWorkflow.Dutch(Status)} en ligt niet ter goedkeuring.");

/// <summary>Only a draft is edited or composed again; <paramref name="Detail"/> says why this one is not.</summary>
public sealed record LetterNotDraft(string Detail) : Error("letter_not_draft", Detail)
{
    public LetterNotDraft(CouncilLetterStatus status)
        : this($"De brief staat op {CouncilLetterWorkflow.Dutch(status)}: alleen een concept wordt bewerkt.")
    {
    }
}

/// <summary>A letter is composed once every value is in, until it is offered for approval.</summary>
public sealed record CycleNotComplete(ReportingCycleStatus Status)
    : Error("cycle_not_complete", $"Deze rapportage staat op '{Workflows.ReportingCycles.ReportingCycleWorkflow.Dutch(Status)}': een brief wordt samengesteld als alle waarden binnen zijn, en tot hij ter goedkeuring ligt.");

/// <summary>The letter waits for a value that is neither handed in nor reported as not available.</summary>
public sealed record ValueMissing(string? Indicator)
    : Error("value_missing", $"De waarde van '{Indicator}' is nog niet ingediend of als niet beschikbaar gemeld; de brief wacht daarop.");

/// <summary>An approval that did not go through, with the reason the approval step gave.</summary>
public sealed record LetterNotApproved(string Detail) : Error("not_approved", Detail);
