using System.Globalization;
using Governance.Domain.Indicators;

namespace Governance.Web.Components.Shared;

/// <summary>Dutch (or English) display of dates, numbers and indicator values: "5 maart 2024", "2.834", "93,9 %", "€ 126.570.000".</summary>
public static class Format
{
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "–";

    public static string DateTime(System.DateTime utc) =>
        Domain.Planning.MunicipalTime.ToLocal(utc).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>A file size as people read it: 850 bytes, 12,4 kB, 3,1 MB (decimals in the current culture).</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => (bytes / 1024m).ToString("N1", CultureInfo.CurrentCulture) + " kB",
        _ => (bytes / (1024m * 1024m)).ToString("N1", CultureInfo.CurrentCulture) + " MB",
    };

    public static string Number(decimal value, int decimals) => value.ToString("N" + decimals, CultureInfo.CurrentCulture);

    /// <summary>A figure with its unit, joined by a no-break space so that "€ 1.234" and "12,5 %" never break across lines.</summary>
    public static string Measure(decimal value, IndicatorKind kind, string? unit, int decimals) => kind switch
    {
        IndicatorKind.Percentage => Number(value, decimals) + "\u00a0%",
        IndicatorKind.Amount => "€\u00a0" + Number(value, decimals),
        _ when unit == "EUR" => "€\u00a0" + Number(value, decimals),
        _ => string.IsNullOrEmpty(unit) ? Number(value, decimals) : $"{Number(value, decimals)}\u00a0{unit}",
    };

    /// <summary>A value as it reads in a list; "not available" is said, never shown as zero.</summary>
    public static string Value(IndicatorValue value, IndicatorKind kind, string? unit, int decimals, string notAvailable)
    {
        if (value.IsNotAvailable)
        {
            return notAvailable;
        }

        if (value.Breakdown is { } breakdown)
        {
            return string.Join("; ", breakdown.Select(b => $"{b.Category}: {Measure(b.Value, kind == IndicatorKind.Breakdown ? IndicatorKind.Count : kind, unit, decimals)}"));
        }

        if (value.Number is { } number)
        {
            return Measure(number, kind, unit, decimals);
        }

        return value.Text ?? "";
    }
}
