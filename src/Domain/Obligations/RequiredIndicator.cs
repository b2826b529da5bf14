using Governance.Domain.Indicators;

namespace Governance.Domain.Obligations;

/// <summary>An indicator an obligation's reports must contain, in the order the council listed them ("a", "b"…).</summary>
public sealed record RequiredIndicator(IndicatorId IndicatorId, int Position, string? Label);
