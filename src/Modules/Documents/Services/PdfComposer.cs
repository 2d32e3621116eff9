using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Registry.Documents.Services;

/// <summary>What goes on the page besides the template's text.</summary>
internal sealed record PageExtras(string VerifyUrl, string Code, string VerifyCaption, string Bureau, DocumentOptions Options);

/// <summary>
/// Lays out a rendered template on A4 pages with PDFsharp (embedded, subset CJK font): the text blocks, the seal over the
/// issuer's line, and the QR code of the verification page with its short code on the last page.
/// </summary>
internal static class PdfComposer
{
    private const double Margin = 72; // ≈ 25 mm
    private const double BodySize = 14;
    private const double TitleSize = 22;
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public static PdfDocument Compose(string text, string title, PageExtras extras)
    {
        CjkFontResolver.EnsureInstalled();
        var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Registry";
        var body = Fonts.Of(BodySize, XFontStyleEx.Regular);
        var heading = Fonts.Of(TitleSize, XFontStyleEx.Bold);
        var small = Fonts.Of(9, XFontStyleEx.Regular);

        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        var width = page.Width.Point - (2 * Margin);
        var bottom = page.Height.Point - Margin - 90; // room for the QR code
        var y = Margin;
        XPoint? sealAt = null;

        void NewPageIfNeeded(double height)
        {
            if (y + height <= bottom)
            {
                return;
            }

            gfx.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }

        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                foreach (var part in Wrap(gfx, line[2..].Trim(), heading, width))
                {
                    NewPageIfNeeded(TitleSize * 1.6);
                    Draw(gfx, part, heading, XBrushes.Black, Margin + ((width - Width(gfx, part, heading)) / 2), y);
                    y += TitleSize * 1.6;
                }

                y += 6;
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                NewPageIfNeeded(BodySize * 2);
                var centred = line[3..].Trim();
                Draw(gfx, centred, body, XBrushes.Black, Margin + ((width - Width(gfx, centred, body)) / 2), y);
                y += BodySize * 2.2;
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                NewPageIfNeeded(BodySize * 1.8);
                if (sealAt is null)
                {
                    y += BodySize;
                }

                var content = line[2..].Trim();
                var contentWidth = Width(gfx, content, body);
                var right = Margin + width - (BodySize * 2);
                Draw(gfx, content, body, XBrushes.Black, right - contentWidth, y);
                if (sealAt is null)
                {
                    sealAt = new XPoint(right - (contentWidth / 2), y + (BodySize * 0.5));
                    DrawSeal(gfx, sealAt.Value, extras);
                }

                y += BodySize * 1.8;
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                foreach (var (part, index) in Wrap(gfx, line[2..].Trim(), body, width - (BodySize * 2)).Select((p, i) => (p, i)))
                {
                    NewPageIfNeeded(BodySize * 1.8);
                    Draw(gfx, part, body, XBrushes.Black, Margin + (BodySize * 2), y);
                    y += BodySize * 1.8;
                }
            }
            else
            {
                // Paragraphs start two characters in, as Chinese official documents do.
                var indent = BodySize * 2;
                var first = true;
                foreach (var part in Wrap(gfx, line, body, width, indent))
                {
                    NewPageIfNeeded(BodySize * 1.8);
                    var x = Margin + (first ? indent : 0);
                    Draw(gfx, part, body, XBrushes.Black, x, y);
                    y += BodySize * 1.8;
                    first = false;
                }
            }
        }

        DrawQr(gfx, page, extras, small);
        gfx.Dispose();
        return document;
    }

    /// <summary>Breaks a line where it would overflow: between any two CJK characters, and inside Latin runs where they exceed the width.</summary>
    private static List<string> Wrap(XGraphics gfx, string text, Fonts font, double width, double firstIndent = 0)
    {
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        var available = width - firstIndent;
        foreach (var element in System.Globalization.StringInfo.GetTextElementEnumerator(text).AsEnumerable())
        {
            var candidate = current + element;
            if (current.Length > 0 && Width(gfx, candidate, font) > available)
            {
                lines.Add(current.ToString());
                current.Clear();
                available = width;
            }

            current.Append(element);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>The two faces of one size: runs of Latin characters in DejaVu Sans, the rest in the CJK face.</summary>
    private sealed record Fonts(XFont Cjk, XFont Latin, double Size)
    {
        public static Fonts Of(double size, XFontStyleEx style) =>
            new(new XFont(CjkFontResolver.Face, size, style, Unicode), new XFont(CjkFontResolver.LatinFace, size, style, Unicode), size);
    }

    private static IEnumerable<(string Text, XFont Font)> Runs(string text, Fonts fonts)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || CjkFontResolver.IsLatin(text[i]) != CjkFontResolver.IsLatin(text[start]))
            {
                yield return (text[start..i], CjkFontResolver.IsLatin(text[start]) ? fonts.Latin : fonts.Cjk);
                start = i;
            }
        }
    }

    private static double Width(XGraphics gfx, string text, Fonts fonts) => Runs(text, fonts).Sum(r => gfx.MeasureString(r.Text, r.Font).Width);

    /// <summary>Draws <paramref name="text"/> with its top at <paramref name="top"/>, on one baseline across the faces.</summary>
    private static void Draw(XGraphics gfx, string text, Fonts fonts, XBrush brush, double x, double top)
    {
        var baseline = top + (fonts.Size * 1.1);
        foreach (var (run, font) in Runs(text, fonts))
        {
            gfx.DrawString(run, font, brush, x, baseline, XStringFormats.BaseLineLeft);
            x += gfx.MeasureString(run, font).Width;
        }
    }

    private static IEnumerable<string> AsEnumerable(this System.Globalization.TextElementEnumerator enumerator)
    {
        while (enumerator.MoveNext())
        {
            yield return enumerator.GetTextElement();
        }
    }

    private static void DrawSeal(XGraphics gfx, XPoint centre, PageExtras extras)
    {
        var options = extras.Options;
        var diameter = options.SealSizeMm / 25.4 * 72;
        var c = new XPoint(centre.X + (options.SealOffsetXMm / 25.4 * 72), centre.Y + (options.SealOffsetYMm / 25.4 * 72));
        var box = new XRect(c.X - (diameter / 2), c.Y - (diameter / 2), diameter, diameter);
        if (!string.IsNullOrWhiteSpace(options.SealImage) && File.Exists(options.SealImage))
        {
            using var image = XImage.FromFile(options.SealImage);
            gfx.DrawImage(image, box);
            return;
        }

        // Demo seal: a red ring, a star and the word 样章 (specimen), never mistaken for the bureau's real seal.
        var red = XColor.FromArgb(200, 210, 30, 30);
        gfx.DrawEllipse(new XPen(red, 2.5), box);
        var star = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? diameter * 0.16 : diameter * 0.065;
            var angle = (Math.PI / 2) + (i * Math.PI / 5);
            star[i] = new XPoint(c.X + (r * Math.Cos(angle)), c.Y - (r * Math.Sin(angle)));
        }

        gfx.DrawPolygon(new XSolidBrush(red), star, XFillMode.Winding);
        var font = Fonts.Of(Math.Min(diameter * 0.11, diameter * 0.8 / Math.Max(1, extras.Bureau.Length)), XFontStyleEx.Regular);
        var brush = new XSolidBrush(red);
        Draw(gfx, extras.Bureau, font, brush, c.X - (Width(gfx, extras.Bureau, font) / 2), box.Y + (diameter * 0.14));
        var specimen = Fonts.Of(diameter * 0.11, XFontStyleEx.Regular);
        Draw(gfx, "样章", specimen, brush, c.X - (Width(gfx, "样章", specimen) / 2), box.Y + (diameter * 0.68));
    }

    private static void DrawQr(XGraphics gfx, PdfPage page, PageExtras extras, Fonts small)
    {
        using var data = QRCodeGenerator.GenerateQrCode(extras.VerifyUrl, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        const double size = 72; // 1 inch
        var module = size / matrix.Count;
        var left = Margin;
        var top = page.Height.Point - Margin - size + 10;
        for (var row = 0; row < matrix.Count; row++)
        {
            for (var col = 0; col < matrix[row].Length; col++)
            {
                if (matrix[row][col])
                {
                    gfx.DrawRectangle(XBrushes.Black, left + (col * module), top + (row * module), module + 0.05, module + 0.05);
                }
            }
        }

        var textLeft = left + size + 8;
        Draw(gfx, extras.VerifyCaption, small, XBrushes.Black, textLeft, top + 12);
        Draw(gfx, extras.Code, small, XBrushes.Black, textLeft, top + 26);
        Draw(gfx, extras.VerifyUrl, small, XBrushes.Black, textLeft, top + 40);
    }
}
