using Governance.Domain.Common;

namespace Governance.Web.Features.Organisation;

/// <summary>A team with active members is not retired: their tasks would have nowhere to go.</summary>
public sealed record TeamHasMembers(int Members)
    : Error("team_has_members", Members == 1
        ? "Er hoort nog 1 actieve medewerker bij dit team. Geef die eerst een ander team."
        : $"Er horen nog {Members} actieve medewerkers bij dit team. Geef hen eerst een ander team.");
