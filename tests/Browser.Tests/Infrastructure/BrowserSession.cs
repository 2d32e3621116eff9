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
    private readonly HashSet<string> _downloads = new(StringComparer.Ordinal);
    private readonly List<string> _aborted = [];

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
        // A navigation that turns into a download (a form posting for a PDF) ends as net::ERR_ABORTED: that is the
        // download, not a failure; the two events come in either order, so aborted requests are matched when read.
        page.Download += (_, download) =>
        {
            lock (_problemsLock)
            {
                _downloads.Add(download.Url);
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.IsNavigationRequest && request.Failure == "net::ERR_ABORTED")
            {
                lock (_problemsLock)
                {
                    _aborted.Add(request.Url);
                }

                return;
            }

            AddProblem($"request failed: {request.Method} {request.Url} ({request.Failure})");
        };
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
                return [.. _problems, .. _aborted.Where(url => !_downloads.Contains(url)).Select(url => $"request failed: {url} (net::ERR_ABORTED)")];
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
