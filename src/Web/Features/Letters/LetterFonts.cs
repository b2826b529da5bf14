using PdfSharp.Fonts;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The fonts letters are written in: DejaVu Sans (Debian's fonts-dejavu-core, installed by the set-up), embedded
/// in every PDF. Italic faces come from fonts-dejavu-extra when present, else the upright face is used.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";

    public static string Regular => Path.Combine(Folder, "DejaVuSans.ttf");

    private static readonly Lock Gate = new();

    /// <summary>Sets the resolver PDFsharp uses for every document; safe to call more than once.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not LetterFonts)
            {
                GlobalFontSettings.FontResolver = new LetterFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[]? GetFont(string faceName)
    {
        var file = Path.Combine(Folder, faceName + ".ttf");
        if (!File.Exists(file))
        {
            file = faceName.StartsWith("DejaVuSans-Bold", StringComparison.Ordinal) ? Path.Combine(Folder, "DejaVuSans-Bold.ttf") : Regular;
        }

        return File.Exists(file)
            ? File.ReadAllBytes(file)
            : throw new InvalidOperationException($"The letter font {file} is missing: install Debian's fonts-dejavu-core.");
    }
}
