using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Registry.Testing;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>Full-page screenshots as CI artifacts: <c>&lt;Artifacts&gt;/screenshots/&lt;TestName&gt;-&lt;step&gt;.png</c>.</summary>
public static class Screenshots
{
    /// <summary>Saves the whole page once its web fonts are ready (else CJK text may be captured in a fallback font); returns the file path.</summary>
    public static async Task<string> SaveAsync(IPage page, string step, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        var folder = Path.Combine(TestEnvironment.Artifacts, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{FileSafe(testName)}-{FileSafe(step)}.png");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string FileSafe(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c));
    }
}
