using System.Globalization;
using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

/// <summary>
/// Reads numbers as people type them. In Dutch: "2.834" is two thousand eight hundred and thirty-four,
/// "12,5" twelve and a half, "2.834,5" both; in English the separators swap. A separator that could mean
/// either ("12.5" in Dutch) is refused with a hint rather than guessed. A leading "€" and a trailing "%"
/// are allowed, as are spaces between thousands.
/// </summary>
public static class NumberNotation
{
    public static Result<decimal> Parse(string? input, CultureInfo culture)
    {
        var text = (input ?? "").Trim().Replace("\u00a0", " ", StringComparison.Ordinal);
        if (text.StartsWith('€'))
        {
            text = text[1..].TrimStart();
        }

        if (text.EndsWith('%'))
        {
            text = text[..^1].TrimEnd();
        }

        text = text.Replace(" ", "", StringComparison.Ordinal);
        if (text.Length == 0)
        {
            return Failure("Vul een getal in.");
        }

        var dutch = culture.NumberFormat.NumberDecimalSeparator == ",";
        var (decimalMark, groupMark) = dutch ? (',', '.') : ('.', ',');
        var negative = text.StartsWith('-') || text.StartsWith('\u2212');
        var body = negative ? text[1..] : text;
        var parts = body.Split(decimalMark);
        if (parts.Length > 2)
        {
            return Failure($"'{input}' heeft meer dan één decimaalteken.");
        }

        var whole = parts[0];
        var fraction = parts.Length == 2 ? parts[1] : null;
        if (fraction is not null && (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit)))
        {
            return Failure($"'{input}' is geen getal.");
        }

        if (whole.Contains(groupMark))
        {
            var groups = whole.Split(groupMark);
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return Failure(dutch
                    ? $"'{input}' is geen getal in Nederlandse notatie: gebruik een komma voor decimalen (12,5) en punten alleen tussen duizendtallen (2.834)."
                    : $"'{input}' is not a number: use a point for decimals (12.5) and commas only between thousands (2,834).");
            }

            whole = string.Concat(groups);
        }

        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || whole.Length > 20)
        {
            return Failure($"'{input}' is geen getal.");
        }

        var invariant = (negative ? "-" : "") + whole + (fraction is null ? "" : "." + fraction);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : Failure($"'{input}' is geen getal.");
    }

    private static Result<decimal> Failure(string message) => new InvalidNumber(message);
}

public sealed record InvalidNumber(string Detail) : Error("invalid_number", Detail);
