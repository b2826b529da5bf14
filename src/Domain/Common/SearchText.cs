using System.Collections.Frozen;

namespace Governance.Domain.Common;

/// <summary>
/// Search that does not care about accents or case, the same on both databases: "clienten" finds "cliënten", "ZORG"
/// finds "Zorg". A term is folded here in C#; a column is folded by the database through <see cref="Folded"/>, which
/// SQLite runs as this same code (a function registered on each connection) and PostgreSQL as <c>gov_fold</c>, a
/// <c>lower(translate(…))</c> over the same table of letters created by a migration: both fold exactly alike, without an
/// extension. A test folds the same words on both databases.
/// </summary>
public static class SearchText
{
    /// <summary>The letters with accents the folding knows, upper and lower case, each above its plain letter in <see cref="Plain"/>.</summary>
    public const string Accented = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÈÉÊËèéêëĒēĖėĘęĚěÌÍÎÏìíîïĪīÒÓÔÕÖØòóôõöøŌōÙÚÛÜùúûüŪūŮůÝýÿÇçĆćČčÑñŃńŠšŚśŽžŹźŻżŁł";

    public const string Plain = "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooouuuuuuuuuuuuyyyccccccnnnnsssszzzzzzll";

    /// <summary>The name both databases know the folding function by.</summary>
    public const string FunctionName = "gov_fold";

    private static readonly FrozenDictionary<char, char> Letters =
        Accented.Zip(Plain).ToFrozenDictionary(p => p.First, p => p.Second);

    /// <summary>The text without accents, in lower case; null stays null.</summary>
    public static string? Fold(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = Letters.TryGetValue(c, out var plain) ? plain : char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>The escape character of <see cref="Pattern"/>, to pass to LIKE.</summary>
    public const string Escape = "\\";

    /// <summary>A search term folded and wrapped for LIKE, its wildcards taken literally: "50%" finds "50%", not "50 …".</summary>
    public static string Pattern(string term) =>
        "%" + Fold(term.Trim())!.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>
    /// The column folded by the database, to compare with <see cref="Pattern"/>:
    /// <c>EF.Functions.Like(SearchText.Folded(o.Title), pattern, SearchText.Escape)</c>. Only inside a query.
    /// </summary>
    public static string Folded(string? column) => throw new NotSupportedException($"{nameof(Folded)} runs in the database only.");
}
