using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FluentValidation;
using Governance.Domain.Common;
using Governance.Domain.Obligations;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;
using Governance.Web.Components.Shared;
using Governance.Web.Features.Obligations;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Cockpit;

public enum ListFormat
{
    Csv,
    Docx,
}

/// <summary>
/// The "lijst van toezeggingen en moties" for a committee's meeting: the open items of that committee
/// with their status, deadline and latest report, as the griffie puts it on the agenda. CSV for
/// spreadsheets, DOCX for the meeting papers.
/// </summary>
public sealed record ObligationListQuery(string? Committee = null, ListFormat Format = ListFormat.Docx, DateOnly? MeetingDate = null) : IQuery<Result<ListFile>>;

public sealed record ListFile(string FileName, string ContentType, byte[] Content);

public sealed class ObligationListValidator : AbstractValidator<ObligationListQuery>
{
    public ObligationListValidator()
    {
        RuleFor(q => q.Committee).NotEmpty().WithMessage("Kies de commissie of de raad waarvoor de lijst is.").MaximumLength(Meeting.BodyMaxLength);
        RuleFor(q => q.Format).IsInEnum().WithMessage("Kies csv of docx.");
    }
}

public sealed class ObligationListHandler(IDbContextFactory<GovernanceDbContext> dbFactory, TimeProvider time) : IQueryHandler<ObligationListQuery, Result<ListFile>>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private sealed record Line(string Reference, string Kind, string Title, DateOnly AdoptedOn, string Aldermen, string Status, string Deadline, string LatestReport);

    public async ValueTask<Result<ListFile>> Handle(ObligationListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var committee = query.Committee!.Trim();
        var obligations = await db.Obligations.AsNoTracking()
            .Where(o => o.Meeting.Body == committee && (o.Status == ObligationStatus.Registered || o.Status == ObligationStatus.InProgress || o.Status == ObligationStatus.Reported))
            .OrderBy(o => o.AdoptedOn).ThenBy(o => o.Reference)
            .ToListAsync(cancellationToken);
        var ids = obligations.Select(o => o.Id).ToList();
        var reports = (await db.ReportingCycles.AsNoTracking()
                .Where(c => ids.Contains(c.ObligationId) && (c.Status == ReportingCycleStatus.Sent || c.Status == ReportingCycleStatus.Closed))
                .Select(c => new { c.ObligationId, c.Period, c.Deadlines.SendToCouncil })
                .ToListAsync(cancellationToken))
            .GroupBy(c => c.ObligationId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Period)!);
        var sentLetters = (await (from letter in db.CouncilLetters.AsNoTracking()
                                  join cycle in db.ReportingCycles on letter.CycleId equals cycle.Id
                                  where ids.Contains(cycle.ObligationId) && letter.Status == Domain.Letters.CouncilLetterStatus.Sent
                                  select new { cycle.ObligationId, cycle.Period, letter.Reference, letter.SentOn }).ToListAsync(cancellationToken))
            .GroupBy(l => l.ObligationId).ToDictionary(g => g.Key, g => g.MaxBy(l => l.Period)!);
        var running = (await db.ReportingCycles.AsNoTracking()
                .Where(c => ids.Contains(c.ObligationId) && c.Status != ReportingCycleStatus.Sent && c.Status != ReportingCycleStatus.Closed && c.Status != ReportingCycleStatus.Cancelled)
                .Select(c => new { c.ObligationId, c.Period, c.Status, c.Deadlines })
                .ToListAsync(cancellationToken))
            .Select(c => new RunningReport(c.ObligationId, c.Period, ReportingCycleWorkflow.DeadlineOf(c.Status, c.Deadlines)))
            .GroupBy(c => c.ObligationId).ToDictionary(g => g.Key, g => g.MinBy(c => c.Deadline)!);
        var today = MunicipalTime.Today(time);
        var aldermen = await db.Aldermen.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var lines = obligations.Select(o => new Line(
            o.Reference,
            o.Kind == ObligationKind.Motion ? "Motie" : "Toezegging",
            o.Title,
            o.AdoptedOn,
            string.Join(", ", o.ResponsibleAldermen.Select(a => aldermen.GetValueOrDefault(a, "?"))),
            ObligationStatusText.Dutch(o.Status),
            Deadline(o, running.GetValueOrDefault(o.Id), today),
            o.ReportedInLetter is { } letter ? $"brief {letter}"
                : sentLetters.TryGetValue(o.Id, out var sent) ? $"brief {sent.Reference} ({sent.Period.Display(Dutch)}, verzonden {(sent.SentOn is { } on ? Day(on) : "")})"
                : reports.TryGetValue(o.Id, out var report) ? $"{report.Period.Display(Dutch)} (raad {Day(report.SendToCouncil)})"
                : "nog geen")).ToList();

        var stamp = (query.MeetingDate ?? today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = $"lijst-toezeggingen-en-moties-{Slug(committee)}-{stamp}";
        return query.Format == ListFormat.Csv
            ? new ListFile(name + ".csv", "text/csv; charset=utf-8", Csv(lines))
            : new ListFile(name + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Docx(committee, query.MeetingDate, today, lines));
    }

    private sealed record RunningReport(ObligationId ObligationId, ReportingPeriod Period, DateOnly Deadline);

    /// <summary>One way to write a date in both files: "12 maart 2019".</summary>
    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", Dutch);

    /// <summary>
    /// When it is due, with a mark when it is late: a one-off by its due date; a recurring one by its running report's
    /// step ("rapportage 1e halfjaar 2026 te laat (uiterlijk 20 augustus 2026)"), then by how long it runs.
    /// </summary>
    private static string Deadline(Obligation o, RunningReport? report, DateOnly today)
    {
        if (o.Cadence == Cadence.Once)
        {
            return o.DueDate is { } due ? due < today && o.Status != ObligationStatus.Reported ? $"{Day(due)} (te laat)" : Day(due) : "geen datum";
        }

        var runs = o.EndDate is { } end ? end < today && o.Status != ObligationStatus.Reported ? $"tot {Day(end)} (te laat)" : $"tot {Day(end)}" : "doorlopend";
        var cadence = o.Cadence switch
        {
            Cadence.Quarterly => "elk kwartaal",
            Cadence.HalfYearly => "halfjaarlijks",
            _ => "jaarlijks",
        };
        return report is null
            ? $"{cadence}, {runs}"
            : report.Deadline < today
                ? $"{cadence}, {runs}, rapportage {report.Period.Display(Dutch)} te laat (uiterlijk {Day(report.Deadline)})"
                : $"{cadence}, {runs}, rapportage {report.Period.Display(Dutch)} uiterlijk {Day(report.Deadline)}";
    }

    /// <summary>Semicolons and a byte order mark, so Dutch Excel opens it as columns with the accents intact.</summary>
    private static byte[] Csv(IReadOnlyList<Line> lines)
    {
        var text = new StringBuilder();
        text.AppendLine("Nummer;Soort;Titel;Datum;Wethouder(s);Status;Termijn;Laatste rapportage");
        foreach (var l in lines)
        {
            text.AppendLine(string.Join(';', new[] { l.Reference, l.Kind, l.Title, Day(l.AdoptedOn), l.Aldermen, l.Status, l.Deadline, l.LatestReport }.Select(CsvText.Field)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static byte[] Docx(string committee, DateOnly? meeting, DateOnly today, IReadOnlyList<Line> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body(
                Paragraph("Title", "Lijst van toezeggingen en moties"),
                Paragraph(null, meeting is { } m
                    ? $"{committee}, vergadering van {Day(m)}"
                    : $"{committee}, stand van {Day(today)}"),
                Paragraph(null, $"{lines.Count} openstaande moties en toezeggingen."));
            var table = new Table(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            // Column widths in twentieths of a point over a landscape A4 text width (about 14,570).
            table.Append(new TableGrid([.. new[] { 1700, 3900, 1200, 2000, 2100, 1500, 2170 }.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })]));
            table.Append(Row(header: true, "Nummer", "Titel", "Datum", "Wethouder(s)", "Status", "Termijn", "Laatste rapportage"));
            foreach (var l in lines)
            {
                table.Append(Row(header: false, $"{l.Reference} ({l.Kind.ToLowerInvariant()})", l.Title, Day(l.AdoptedOn), l.Aldermen, l.Status, l.Deadline, l.LatestReport));
            }

            body.Append(table);
            body.Append(new SectionProperties(new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string? style, string text) =>
        new(new ParagraphProperties(style is null ? new ParagraphStyleId { Val = "Normal" } : new ParagraphStyleId { Val = style }), new Run(new Text(PrintableText.Of(text))));

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var run = new Run(new Text(PrintableText.Of(cell)) { Space = SpaceProcessingModeValues.Preserve });
            if (header)
            {
                run.RunProperties = new RunProperties(new Bold());
            }

            row.Append(new TableCell(new Paragraph(run)));
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" }, new FontSize { Val = "20" }, new Languages { Val = "nl-NL" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" }, new PrimaryStyle(),
                new StyleRunProperties(new Bold(), new FontSize { Val = "32" })) { Type = StyleValues.Paragraph, StyleId = "Title" });
        styles.Styles.Save();
    }

    private static string Slug(string text) =>
        new string([.. text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
}
