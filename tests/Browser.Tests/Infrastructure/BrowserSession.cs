using Microsoft.Playwright;

namespace Registry.Browser.Tests.Infrastructure;

/// <summary>
/// One isolated browser context with one page. Records what a user would not see but a defect shows:
/// script errors, console errors, failed and 4xx/5xx responses.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _problems = [];
    private readonly Lock _problemsLock = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => AddProblem($"script error: {error}");

        // Chromium asks for /favicon.ico on its own and the app serves none: that 404 is not a journey's problem.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsFavicon(message.Location))
            {
                AddProblem($"console error: {message.Text} ({message.Location})");
            }
        };
        page.RequestFailed += (_, request) => AddProblem($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsFavicon(response.Url))
            {
                AddProblem($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Problems seen so far; a green journey leaves this empty.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problemsLock)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>How long an action or assertion waits for the page (a click under a starved CPU once needed more than 15 s).</summary>
    internal const int WaitMilliseconds = 30_000;

    internal static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(WaitMilliseconds);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        await _context.DisposeAsync();
    }

    private static bool IsFavicon(string url) =>
        url.Contains("/favicon.ico", StringComparison.Ordinal);

    private void AddProblem(string problem)
    {
        lock (_problemsLock)
        {
            _problems.Add(problem);
        }
    }
}
