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

    // The plain letter of each accented one, by code point (all of them lie below U+0180); 0 where there is none.
    private static readonly char[] Letters = Table();

    /// <summary>The text without accents, in lower case; null stays null.</summary>
    public static string? Fold(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Most text is plain ASCII: lowered in one vectorised pass (the same string when it has no capitals).
        if (System.Text.Ascii.IsValid(text))
        {
            return text.ToLowerInvariant();
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < Letters.Length && Letters[c] != 0 ? Letters[c] : char.ToLowerInvariant(c);
            }
        });
    }

    private static char[] Table()
    {
        var table = new char[Accented.Max() + 1];
        foreach (var (accented, plain) in Accented.Zip(Plain))
        {
            table[accented] = plain;
        }

        return table;
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
