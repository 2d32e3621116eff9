using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>
/// Screenshots of issued PDFs (decisions, certificates) as a reader shows them: every page drawn by Mozilla's pdf.js
/// (vendored under Vendor/pdfjs by build/vendor-pdfjs.sh) in its own browser context on a made-up origin, so the app's pages
/// and the journey's session are untouched.
/// </summary>
public static class PdfScreenshots
{
    private const string Origin = "http://pdf-render.test/";

    private const string Viewer = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>PDF</title></head>
        <body style="margin:0;background:#6b6b6b">
        <script type="module">
        import * as pdfjs from './pdf.min.mjs';
        pdfjs.GlobalWorkerOptions.workerSrc = './pdf.worker.min.mjs';
        try {
          const pdf = await pdfjs.getDocument({ url: './document.pdf' }).promise;
          for (let number = 1; number <= pdf.numPages; number++) {
            const page = await pdf.getPage(number);
            const viewport = page.getViewport({ scale: 1.5 });
            const canvas = document.createElement('canvas');
            canvas.width = Math.ceil(viewport.width);
            canvas.height = Math.ceil(viewport.height);
            canvas.style.cssText = 'display:block;margin:12px auto;background:#fff';
            document.body.append(canvas);
            await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise;
          }
          window.pdfPages = pdf.numPages;
        } catch (error) {
          window.pdfError = String(error);
        }
        </script></body></html>
        """;

    /// <summary>Renders <paramref name="pdf"/> and saves it beside the journey's other screenshots; returns the PNG's path.</summary>
    public static async Task<string> SaveAsync(IBrowser browser, byte[] pdf, string step, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(pdf);
        var vendor = Path.Combine(AppContext.BaseDirectory, "Vendor", "pdfjs");
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 960, Height = 1300 } });
        await context.RouteAsync(Origin + "**", route =>
        {
            var name = new Uri(route.Request.Url).AbsolutePath.TrimStart('/');
            return name switch
            {
                "viewer.html" => route.FulfillAsync(new RouteFulfillOptions { Body = Viewer, ContentType = "text/html; charset=utf-8" }),
                "document.pdf" => route.FulfillAsync(new RouteFulfillOptions { BodyBytes = pdf, ContentType = "application/pdf" }),
                "pdf.min.mjs" or "pdf.worker.min.mjs" => route.FulfillAsync(new RouteFulfillOptions { Path = Path.Combine(vendor, name), ContentType = "text/javascript" }),
                _ => route.FulfillAsync(new RouteFulfillOptions { Status = 404 }),
            };
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Origin + "viewer.html");
        await page.WaitForFunctionAsync("() => window.pdfPages !== undefined || window.pdfError !== undefined");
        if (await page.EvaluateAsync<string?>("() => window.pdfError ?? null") is { } error)
        {
            throw new InvalidOperationException($"pdf.js could not draw the document: {error}");
        }

        var path = await Screenshots.SaveAsync(page, step, testName);
        await context.CloseAsync();
        return path;
    }
}
