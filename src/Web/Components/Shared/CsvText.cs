namespace Governance.Web.Components.Shared;

/// <summary>
/// Fields of the semicolon files Dutch spreadsheets open: quoted when they hold a separator, a quote or a line
/// break, and never read as a formula: a field that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or
/// a carriage return gets a leading apostrophe, as OWASP advises against CSV injection; control characters are left out.
/// </summary>
public static class CsvText
{
    public static string Field(string value)
    {
        var printable = PrintableText.Of(value);
        var text = StartsLikeAFormula(printable) ? "'" + printable : printable;
        return text.IndexOfAny([';', ',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    public static bool StartsLikeAFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
