using System.Text;
using Governance.Domain.Letters;

namespace Governance.Web.Features.Letters;

/// <summary>A way to download a letter version: HTML, Word or PDF.</summary>
public sealed record LetterFormat(string Name, string Extension, string ContentType, string Description, Func<LetterVersion, LetterHtml.Header, byte[]> Write);

public static class LetterFormats
{
    public static readonly LetterFormat Html = new("Html", "html", "text/html; charset=utf-8", "an accessible HTML document",
        (version, header) => Encoding.UTF8.GetBytes(LetterHtml.Document(version, header)));

    public static readonly LetterFormat Docx = new("Docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document (DOCX)", LetterDocx.Create);

    public static readonly LetterFormat Pdf = new("Pdf", "pdf", "application/pdf", "a PDF with embedded fonts", LetterPdf.Create);

    public static IReadOnlyList<LetterFormat> All { get; } = [Html, Docx, Pdf];
}
