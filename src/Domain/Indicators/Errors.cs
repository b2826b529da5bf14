using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

public sealed record ValueDoesNotFit(string Indicator, string Detail)
    : Error("value_does_not_fit", $"{Indicator}: {Detail}");

/// <summary>A computed indicator's formula that cannot be read or refers to what it may not.</summary>
public sealed record FormulaInvalid(string Detail) : Error("formula_invalid", Detail);

/// <summary>An indicator another indicator's formula or comparison still reads cannot be retired.</summary>
public sealed record IndicatorInFormula(string Code, string Reader)
    : Error("indicator_in_formula", $"Indicator {Code} kan niet buiten gebruik: {Reader} wordt ermee berekend of ermee vergeleken. Pas eerst die indicator aan.");
