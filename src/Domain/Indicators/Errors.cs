using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

public sealed record ValueDoesNotFit(string Indicator, string Detail)
    : Error("value_does_not_fit", $"{Indicator}: {Detail}");

public sealed record IndicatorCodeTaken(string Code)
    : Error("indicator_code_taken", $"An indicator with code {Code} already exists.");
