using Governance.Domain.Common;

namespace Governance.Domain.Obligations;

/// <summary>A fulfilled or lapsed obligation is final: its details, deadlines and cycles no longer change.</summary>
public sealed record ObligationClosed(string Reference)
    : Error("obligation_closed", $"{Reference} is afgedaan of vervallen en verandert niet meer.");

/// <summary>
/// A step the obligation's flow does not allow from where it stands; <paramref name="From"/>, <paramref name="Step"/>
/// and <paramref name="UnmetConditions"/> in Dutch, as the screens name them.
/// </summary>
public sealed record TransitionNotAllowed(string From, string Step, IReadOnlyList<string> UnmetConditions)
    : Error("transition_not_allowed", Refusal.Say(Step, $"de motie of toezegging staat op '{From}'", UnmetConditions));
