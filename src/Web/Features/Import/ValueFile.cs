using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Governance.Domain.Indicators;
using Governance.Web.Components.Shared;
using Governance.Workflows.ReportingCycles;

namespace Governance.Web.Features.Import;

public enum Notation
{
    /// <summary>Decide from the file: semicolons go with Dutch numbers (12,5), commas with international ones (12.5).</summary>
    Auto,
    Dutch,
    Invariant,
}

/// <summary>One line of an imported file: where it was, what it says, and what is wrong with it.</summary>
public sealed record ImportLine(int Line, string Code, string Shown, CycleValueInput? Value, string? Error);

public sealed record ImportFile(IReadOnlyList<ImportLine> Lines, string? Error)
{
    public bool IsValid => Error is null && Lines.Count > 0 && Lines.All(l => l.Error is null);
}

/// <summary>
/// Reads a file of indicator values (CSV with semicolons or commas, UTF-8 with or without byte order
/// mark, or XLSX) with the columns of the template: code, indicator (ignored), value, explanation,
/// source, reason not available. A breakdown's value is written "category: number | category: number".
/// </summary>
public static class ValueFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private static readonly string[] Columns = ["code", "indicator", "waarde", "toelichting", "bron", "niet beschikbaar (reden)"];

    public static string Template(IEnumerable<(string Code, string Name)> indicators)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', Columns));
        foreach (var (code, name) in indicators)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{code};{CsvText.Field(name)};;;;");
        }

        return text.ToString();
    }

    public static async Task<ImportFile> ReadAsync(Stream stream, string fileName, Notation notation, IReadOnlyDictionary<string, IndicatorKind> kinds, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return new ImportFile([], "Het bestand is leeg.");
        }

        if (buffer.Length > MaxBytes)
        {
            return new ImportFile([], "Het bestand is groter dan 10 MB.");
        }

        buffer.Position = 0;
        List<string[]> rows;
        var culture = CultureInfo.GetCultureInfo("nl-NL");
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                rows = Sheet(buffer);
            }
            catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException)
            {
                return new ImportFile([], "Dit is geen leesbaar Excel-bestand (.xlsx).");
            }

            culture = CultureInfo.InvariantCulture;
        }
        else
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true);
            string content;
            try
            {
                content = text.GetString(buffer.ToArray()).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                return new ImportFile([], "Het bestand is geen UTF-8-tekst. Sla het op als 'CSV UTF-8'.");
            }

            var first = content.Split('\n')[0];
            var separator = first.Count(c => c == ';') >= first.Count(c => c == ',') ? ';' : ',';
            culture = (notation, separator) switch
            {
                (Notation.Dutch, _) or (Notation.Auto, ';') => CultureInfo.GetCultureInfo("nl-NL"),
                _ => CultureInfo.InvariantCulture,
            };
            rows = Parse(content, separator);
        }

        rows = [.. rows.Where(r => r.Any(c => !string.IsNullOrWhiteSpace(c)))];
        if (rows.Count == 0)
        {
            return new ImportFile([], "Het bestand is leeg.");
        }

        var header = rows[0].Select(c => c.Trim().ToLowerInvariant()).ToArray();
        if (header.Length < 3 || header[0] != "code" || header[2] != "waarde")
        {
            return new ImportFile([], $"De kolommen kloppen niet. Verwacht: {string.Join("; ", Columns)}. Download het sjabloon van deze rapportage.");
        }

        if (rows.Count == 1)
        {
            return new ImportFile([], "Het bestand heeft een kopregel maar geen waarden.");
        }

        var lines = new List<ImportLine>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < rows.Count; i++)
        {
            lines.Add(Line(i + 1, rows[i], culture, kinds, seen));
        }

        return new ImportFile(lines, null);
    }

    private static ImportLine Line(int number, string[] cells, CultureInfo culture, IReadOnlyDictionary<string, IndicatorKind> kinds, HashSet<string> seen)
    {
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        var (code, value, explanation, source, reason) = (Cell(0), Cell(2), Cell(3), Cell(4), Cell(5));
        ImportLine Fail(string error) => new(number, code, string.IsNullOrEmpty(reason) ? value : $"niet beschikbaar: {reason}", null, error);
        if (code.Length == 0)
        {
            return Fail("De code ontbreekt.");
        }

        if (!kinds.TryGetValue(code, out var kind))
        {
            return Fail($"'{code}' is geen indicator van deze rapportage.");
        }

        if (!seen.Add(code))
        {
            return Fail($"'{code}' staat meer dan eens in het bestand.");
        }

        var input = new CycleValueInput(code.ToUpperInvariant(), Explanation: Blank(explanation), Source: Blank(source));
        if (reason.Length > 0)
        {
            return value.Length > 0 ? Fail("Geef een waarde of een reden waarom zij niet beschikbaar is, niet allebei.") : new(number, code, $"niet beschikbaar: {reason}", input with { NotAvailableReason = reason }, null);
        }

        if (value.Length == 0)
        {
            return Fail("De waarde ontbreekt (of vul de reden in waarom zij niet beschikbaar is).");
        }

        switch (kind)
        {
            case IndicatorKind.Narrative:
                return new(number, code, value, input with { Text = value }, null);
            case IndicatorKind.Breakdown:
                var parts = new List<CategoryValue>();
                foreach (var part in value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var split = part.Split(':', 2, StringSplitOptions.TrimEntries);
                    var n = split.Length == 2 ? NumberNotation.Parse(split[1], culture) : default;
                    if (split.Length != 2 || !n.Succeeded)
                    {
                        return Fail($"'{part}' is geen 'categorie: getal'.");
                    }

                    parts.Add(new CategoryValue(split[0], n.Value));
                }

                return new(number, code, value, input with { Breakdown = parts }, null);
            default:
                var parsed = NumberNotation.Parse(value, culture);
                // Words where a number belongs are a value of the wrong kind: the value rules say so, as the form and the API do.
                return parsed.Succeeded ? new(number, code, value, input with { Number = parsed.Value }, null)
                    : value.Any(char.IsDigit) ? Fail(parsed.Error.Message)
                    : new(number, code, value, input with { Text = value }, null);
        }
    }

    /// <summary>RFC 4180 fields: quotes around fields with separators, quotes or line breaks; doubled quotes inside.</summary>
    private static List<string[]> Parse(string content, char separator)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>The first sheet's cells as text; numbers in invariant notation, as Excel stores them.</summary>
    private static List<string[]> Sheet(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.FirstOrDefault() ?? throw new InvalidDataException("No sheet.");
        var rows = new List<string[]>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = Column(cell.CellReference?.Value);
                while (column >= 0 && cells.Count < column)
                {
                    cells.Add("");
                }

                var raw = cell.CellValue?.InnerText ?? cell.InnerText;
                cells.Add(cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, CultureInfo.InvariantCulture, out var index) && index < strings.Count
                    ? strings[index]
                    : raw);
            }

            rows.Add([.. cells]);
        }

        return rows;
    }

    private static int Column(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return -1;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}
