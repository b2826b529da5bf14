using SkiaSharp;

namespace Governance.Web.Features.Letters;

/// <summary>The letter's chart as a PNG (for the DOCX), drawn with SkiaSharp from the same geometry as the SVG.</summary>
public static class LetterChartImage
{
    private const float Scale = 2;

    private static readonly Lazy<SKTypeface> Typeface = new(() =>
        File.Exists(LetterFonts.Regular) ? SKTypeface.FromFile(LetterFonts.Regular) : SKTypeface.Default);

    public static byte[] Png(LetterChart chart)
    {
        var info = new SKImageInfo((int)(LetterChart.Width * Scale), (int)(LetterChart.Height * Scale));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        using var font = new SKFont(Typeface.Value, (float)LetterChart.FontSize);
        using var paint = new SKPaint { IsAntialias = true, StrokeWidth = 1, Style = SKPaintStyle.Stroke };

        foreach (var grid in chart.GridLines)
        {
            paint.Color = SKColor.Parse(LetterChart.GridColour);
            canvas.DrawLine((float)chart.PlotLeft, (float)grid.Y, (float)chart.PlotRight, (float)grid.Y, paint);
            Text(canvas, grid.Label, (float)chart.PlotLeft - 6, (float)grid.Y + 4, SKTextAlign.Right, LetterChart.TextColour, font);
        }

        foreach (var line in chart.ReferenceLines)
        {
            using var dashed = new SKPaint { IsAntialias = true, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke, Color = SKColor.Parse(line.Colour),
                PathEffect = SKPathEffect.CreateDash([.. line.Dash.Select(d => (float)d)], 0) };
            canvas.DrawLine((float)chart.PlotLeft, (float)line.Y, (float)chart.PlotRight, (float)line.Y, dashed);
            Text(canvas, line.Label, (float)chart.PlotRight, (float)line.Y - 4, SKTextAlign.Right, line.Colour, font);
        }

        if (chart.UnitLabel is { } unit)
        {
            Text(canvas, unit, 4, (float)chart.PlotTop - 12, SKTextAlign.Left, LetterChart.TextColour, font);
        }

        foreach (var segment in chart.Segments)
        {
            using var dashed = new SKPaint { IsAntialias = true, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke, Color = SKColor.Parse(segment.Colour),
                PathEffect = SKPathEffect.CreateDash([.. segment.Dash.Select(d => (float)d)], 0) };
            canvas.DrawLine((float)segment.X1, (float)segment.Y1, (float)segment.X2, (float)segment.Y2, dashed);
        }

        foreach (var mark in chart.Marks)
        {
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = SKColors.White };
            using var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = SKColor.Parse(mark.Colour) };
            canvas.DrawCircle((float)mark.X, (float)mark.Y, 4.5f, fill);
            canvas.DrawCircle((float)mark.X, (float)mark.Y, 4.5f, ring);
            var align = mark.X < (chart.PlotLeft + chart.PlotRight) / 2 ? SKTextAlign.Left : SKTextAlign.Right;
            Text(canvas, mark.Label, (float)mark.X, (float)mark.Y - 8, align, mark.Colour, font);
        }

        paint.Color = SKColor.Parse(LetterChart.LineColour);
        paint.StrokeWidth = 2;
        foreach (var run in chart.Lines.Where(r => r.Count > 1))
        {
            using var path = new SKPath();
            path.AddPoly([.. run.Select(p => new SKPoint((float)p.X, (float)p.Y))], close: false);
            canvas.DrawPath(path, paint);
        }

        paint.Style = SKPaintStyle.Fill;
        foreach (var point in chart.Points.Where(p => p.Y is not null))
        {
            canvas.DrawCircle((float)point.X, (float)point.Y!.Value, 3.5f, paint);
        }

        foreach (var point in chart.Points.Where(p => p.Labelled))
        {
            Text(canvas, point.Label, (float)point.X, (float)chart.LabelBaseline, SKTextAlign.Center, LetterChart.TextColour, font);
        }

        // A fast zlib level: a chart of flat colours compresses well anyway, and a letter has a dozen of them.
        using var pixels = surface.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 2));
        return data?.ToArray() ?? throw new InvalidOperationException("The chart could not be encoded as PNG.");
    }

    private static void Text(SKCanvas canvas, string text, float x, float y, SKTextAlign align, string colour, SKFont font)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = SKColor.Parse(colour) };
        canvas.DrawText(text, x, y, align, font, paint);
    }
}
