namespace Governance.Domain.Indicators;

/// <summary>The nulmeting: the value measured when the indicator was introduced, and when.</summary>
public sealed record Baseline(decimal Value, DateOnly MeasuredOn);

/// <summary>The streefwaarde: the value to reach by the end of a target year.</summary>
public sealed record Target(decimal Value, int Year);
