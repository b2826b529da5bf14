using System.IO.Compression;
using System.Text;

namespace Governance.Domain.ReportingCycles;

/// <summary>
/// Whether a file's content is what its extension says, read from the content itself (its signature), so that a
/// web page or a program renamed to .png or .pdf is not kept as one. Office documents are zip packages with the
/// part that names their kind; OpenDocument files start with their mimetype; text is text (no NUL bytes).
/// </summary>
public static class FileSignatures
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static bool Matches(string extension, ReadOnlySpan<byte> content) => extension.ToLowerInvariant() switch
    {
        ".pdf" => content.StartsWith(Pdf),
        ".png" => content.StartsWith(Png),
        ".jpg" or ".jpeg" => content.StartsWith(Jpeg),
        ".docx" => IsOfficePackage(content, "word/"),
        ".xlsx" => IsOfficePackage(content, "xl/"),
        ".odt" => IsOpenDocument(content, "application/vnd.oasis.opendocument.text"),
        ".ods" => IsOpenDocument(content, "application/vnd.oasis.opendocument.spreadsheet"),
        ".csv" or ".txt" => IsText(content),
        _ => false,
    };

    private static bool IsOfficePackage(ReadOnlySpan<byte> content, string mainFolder)
    {
        if (!content.StartsWith(Zip))
        {
            return false;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(mainFolder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>An OpenDocument package stores the entry "mimetype" first and uncompressed, right after the zip header (30 bytes).</summary>
    private static bool IsOpenDocument(ReadOnlySpan<byte> content, string mimetype)
    {
        var expected = Encoding.ASCII.GetBytes("mimetype" + mimetype);
        return content.StartsWith(Zip) && content.Length >= 30 + expected.Length && content.Slice(30, expected.Length).SequenceEqual(expected);
    }

    /// <summary>Text in any 8-bit encoding or in UTF-16 with its byte order mark: no NUL bytes otherwise.</summary>
    private static bool IsText(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || !content.Contains((byte)0);
}
