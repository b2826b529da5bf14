namespace Governance.Web.Components.Shared;

/// <summary>Fields of the semicolon files Dutch spreadsheets open: quoted when they hold a separator, a quote or a line break.</summary>
public static class CsvText
{
    public static string Field(string value) =>
        value.IndexOfAny([';', ',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
