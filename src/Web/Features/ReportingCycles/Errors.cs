using Governance.Domain.Common;
using Governance.Workflows.ReportingCycles;

namespace Governance.Web.Features.ReportingCycles;

/// <summary>The letter's steps are taken on the letter, so its approvals and seal go with them.</summary>
public sealed record LetterStep(ReportingCycleWorkflow.Trigger Step)
    : Error("letter_step", $"De stap '{ReportingCycleWorkflow.Dutch(Step)}' loopt via de brief van deze rapportage (samenstellen, ter goedkeuring aanbieden, goedkeuren of terugsturen, verzending vastleggen: /api/cycles/{{id}}/letter en /api/letters/...).");
