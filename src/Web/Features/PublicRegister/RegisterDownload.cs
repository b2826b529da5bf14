using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Governance.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Governance.Web.Features.PublicRegister;

/// <summary>Everything public at once, for a spreadsheet: the same columns as CSV (semicolons, as Dutch Excel reads them) and as XLSX.</summary>
internal static class RegisterDownload
{
    private static readonly string[] Columns =
        ["Nummer", "Soort", "Titel", "Aangenomen of toegezegd", "Vergadering", "Wethouder(s)", "Status", "Uiterste datum", "Over de termijn", "Adres"];

    /// <summary>One line per item; dates as dates, so a spreadsheet sorts and filters them.</summary>
    public static IEnumerable<object?[]> Rows(PublicRegisterPage register, string origin, IStringLocalizer<SharedResource> l)
    {
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return register.Items.Items.Select(item => new object?[]
        {
            item.Reference, l.GetString($"ObligationKind.{item.Kind}", nl), item.Title, item.AdoptedOn, item.MeetingBody, string.Join(", ", item.Aldermen),
            l.GetString($"ObligationStatus.{item.Status}", nl), item.Deadline, item.Overdue ? "ja" : "nee", origin + register.Municipality.ItemAddress(item.Reference),
        });
    }

    public static byte[] Csv(IEnumerable<object?[]> rows) => Csv(Columns, rows);

    public static byte[] Csv(IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder(string.Join(';', columns.Select(Components.Shared.CsvText.Field))).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(';', row.Select(v => Components.Shared.CsvText.Field(v switch
            {
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal number => number.ToString(CultureInfo.GetCultureInfo("nl-NL")),
                null => "",
                _ => v.ToString()!,
            })))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One sheet with a bold header row that stays in view, a filter on every column and real dates.</summary>
    public static byte[] Xlsx(IEnumerable<object?[]> rows, string sheetName) => Xlsx(Columns, rows, sheetName);

    public static byte[] Xlsx(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string sheetName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Styles();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, columns.Cast<object?>(), header: true));
            var number = 1u;
            foreach (var row in rows)
            {
                data.Append(Row(++number, row, header: false));
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c is "Titel" or "Adres" or "Indicator" ? 60 : 20, CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{ColumnName(columns.Count - 1)}{number}" });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName }));
            workbook.Workbook.AppendChild(new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${ColumnName(columns.Count - 1)}${number}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true,
            }));
        }

        return stream.ToArray();
    }

    private static Row Row(uint number, IEnumerable<object?> values, bool header)
    {
        var row = new Row { RowIndex = number };
        var column = 0;
        foreach (var value in values)
        {
            var reference = $"{ColumnName(column++)}{number}";
            row.Append(value switch
            {
                DateOnly date => new Cell { CellReference = reference, CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = 2 },
                decimal figure => new Cell { CellReference = reference, CellValue = new CellValue(figure.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                int whole => new Cell { CellReference = reference, CellValue = new CellValue(whole.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                null => new Cell { CellReference = reference },
                _ => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Clean(value.ToString()!))), StyleIndex = header ? 1u : 0u },
            });
        }

        return row;
    }

    /// <summary>XML cannot carry control characters; text people typed might hold one.</summary>
    private static string Clean(string text) => string.Concat(text.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)));

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Three cell formats: plain, bold (the header), and a date (built-in format 14).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 3 });
}
