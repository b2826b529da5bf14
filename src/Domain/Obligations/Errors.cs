using Governance.Domain.Common;

namespace Governance.Domain.Obligations;

public sealed record ObligationReferenceTaken(string Reference)
    : Error("obligation_reference_taken", $"An obligation with reference {Reference} already exists.");

public sealed record ObligationClosed(string Reference)
    : Error("obligation_closed", $"Obligation {Reference} is fulfilled or lapsed and can no longer be changed.");

public sealed record TransitionNotAllowed(string From, string Trigger)
    : Error("transition_not_allowed", $"'{Trigger}' is not allowed from {From}.");
