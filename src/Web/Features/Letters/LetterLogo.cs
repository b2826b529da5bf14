using SkiaSharp;

namespace Governance.Web.Features.Letters;

/// <summary>
/// The municipality's logo as the letter outputs place it: the image (PNG or JPEG, checked when it was set), its size
/// in pixels, and the height it is shown at, the width following the image's proportions within the text width.
/// </summary>
internal sealed record LetterLogo(byte[] Image, string Type, int Width, int Height)
{
    /// <summary>The height in points the logo heads a letter with, about the 4rem of the HTML letter.</summary>
    public const double HeightPoints = 48;

    /// <summary>The text alternative of the logo, the same in every output.</summary>
    public static string Description(string municipality) => $"Logo gemeente {municipality}";

    /// <summary>The logo of a letter header, or none when the header has none or its image cannot be read.</summary>
    public static LetterLogo? Of(LetterHtml.Header header)
    {
        if (header.Logo is not { } uri || !uri.StartsWith("data:image/", StringComparison.Ordinal))
        {
            return null;
        }

        var comma = uri.IndexOf(";base64,", StringComparison.Ordinal);
        if (comma < 0)
        {
            return null;
        }

        var image = Convert.FromBase64String(uri[(comma + ";base64,".Length)..]);
        using var codec = SKCodec.Create(new MemoryStream(image));
        return codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0
            ? null
            : new LetterLogo(image, uri[5..comma], codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The size shown in points: <see cref="HeightPoints"/> high unless that would be wider than <paramref name="maxWidth"/>.</summary>
    public (double Width, double Height) Size(double maxWidth)
    {
        var width = HeightPoints * Width / Height;
        return width <= maxWidth ? (width, HeightPoints) : (maxWidth, maxWidth * Height / Width);
    }
}
