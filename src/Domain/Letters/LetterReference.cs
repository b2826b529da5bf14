using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Letters;

/// <summary>
/// The last reference number given to a municipality's letters in a year. Finalising a letter takes the
/// next one in the same transaction, so numbers are unique and without gaps; two finalisations at once
/// collide on this row's version and one of them retries.
/// </summary>
public sealed class LetterReferenceCounter : AggregateRoot, IMunicipalityOwned
{
    private LetterReferenceCounter()
    {
    }

    public LetterReferenceCounter(MunicipalityId municipalityId, int year)
    {
        MunicipalityId = municipalityId;
        Year = year;
    }

    public MunicipalityId MunicipalityId { get; private set; }

    public int Year { get; private set; }

    public int Last { get; private set; }

    public int Next() => ++Last;
}

/// <summary>
/// The pattern of reference numbers, e.g. "{year}.{number:00000}" → "2025.03355". A pattern must contain
/// {number} (with an optional zero-padding format) and may contain {year}.
/// </summary>
public static partial class LetterReference
{
    public const string DefaultPattern = "{year}.{number:00000}";

    public static bool IsValidPattern(string? pattern) =>
        !string.IsNullOrWhiteSpace(pattern) && NumberPlaceholder().Matches(pattern).Count == 1 && pattern.Length <= 60;

    public static string Format(string pattern, int year, int number)
    {
        if (!IsValidPattern(pattern))
        {
            throw new DomainRuleException($"Reference pattern '{pattern}' needs exactly one {{number}}.");
        }

        var text = pattern.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return NumberPlaceholder().Replace(text, m => number.ToString(m.Groups["format"].Success ? m.Groups["format"].Value : "0", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\{number(?::(?<format>0+))?\}")]
    private static partial Regex NumberPlaceholder();
}
