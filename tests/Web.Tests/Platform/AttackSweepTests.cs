using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Recipes;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.Web.Tests.Platform;

/// <summary>The demo portal with every demo account, for the sweep below.</summary>
public sealed class AttackSweepApp() : AppFixture(DatabaseKind.Sqlite)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "demo.recipe.json"), CancellationToken.None);
    }
}

/// <summary>
/// The outside attack of issue 26, repeated on every build: every page the demo portal links to or routes, as every kind
/// of account and anonymously (the authorization cells); then every form each account is shown, posted with hostile
/// values in every field, and every query string with hostile values in every parameter (the bad inputs). None may answer
/// 5xx, and no posted script may come back unencoded. The figures are written to the artifacts folder
/// (attack-sweep.json) for the closing note.
/// </summary>
public sealed class AttackSweepTests(AttackSweepApp app, ITestOutputHelper output) : IClassFixture<AttackSweepApp>
{
    private const string Script = "<script>alert('sweep')</script>";

    /// <summary>Most pages each account reaches by following links, so the sweep stays bounded on a large demo.</summary>
    private const int PagesPerAccount = 400;

    private static readonly HtmlParser Parser = new();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Name, string? Email, string? Password)[] Accounts =
    [
        ("admin", "admin@demo.local", "Demo-admin-2026"),
        ("anonymous", null, null),
        ("officer", "officer@demo.local", "Demo-officer-2026"),
        ("reviewer", "reviewer@demo.local", "Demo-reviewer-2026"),
        ("applicant", "applicant@demo.local", "Demo-applicant-2026"),
        ("editor", "editor@demo.local", "Demo-editor-2026"),
        ("disclosure", "disclosure@demo.local", "Demo-disclosure-2026"),
        ("supervisor", "supervisor@demo.local", "Demo-supervisor-2026"),
        ("street", "street@demo.local", "Demo-street-2026"),
        ("leader", "leader@demo.local", "Demo-leader-2026"),
    ];

    /// <summary>What the outside test sent: a NUL byte, script, an impossible date, numbers no field holds, a word where a boolean goes, 200 KB.</summary>
    private static readonly string[] HostileValues =
    [
        "a\0b",
        Script,
        "9999-12-31",
        "-99999999999999999999999",
        "maybe",
        "2147483648",
        new string('长', 200_000),
    ];

    [Fact]
    public async Task EveryPageAsEveryAccount_AndHostileValuesInEveryFormAndQuery_NoServerErrorAndNoScriptEchoed()
    {
        var failures = new List<string>();
        var cells = 0;
        var inputs = 0;
        var seeds = RouteSeeds();
        var forms = new List<(string Account, HttpClient Client, FormSnapshot Form)>();
        var formKeys = new HashSet<string>(StringComparer.Ordinal);
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var account in Accounts)
        {
            var client = app.Client();
            if (account.Email is not null)
            {
                await client.SignInAsync(account.Email, account.Password!);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
            var queue = new Queue<string>(seeds.Prepend("/"));
            while (queue.Count > 0 && seen.Count < PagesPerAccount)
            {
                var url = queue.Dequeue();
                if (!seen.Add(url))
                {
                    continue;
                }

                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                cells++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{account.Name} GET {url} → {(int)response.StatusCode}");
                    continue;
                }

                if (response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    continue;
                }

                var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
                foreach (var link in Links(document))
                {
                    // A few links of each shape (path and parameter names): pages 2…n of a list add nothing after the first.
                    var shape = Shape(link);
                    if (!seen.Contains(link) && shapes.GetValueOrDefault(shape) < 3)
                    {
                        shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                        queue.Enqueue(link);
                    }

                    if (link.Contains('?', StringComparison.Ordinal))
                    {
                        queries.TryAdd(shape, link);
                    }
                }

                foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
                {
                    var snapshot = Snapshot(form, url);
                    // Each form once, as the first account shown it (the admin before the roles that see less).
                    if (snapshot is not null && formKeys.Add(Shape(snapshot.Action) + "|" + string.Join(',', snapshot.Values.Keys.Order(StringComparer.Ordinal))))
                    {
                        forms.Add((account.Name, client, snapshot));
                    }
                }
            }
        }

        foreach (var (account, client, form) in forms)
        {
            foreach (var value in HostileValues)
            {
                var values = form.Values.ToDictionary(p => p.Key, p => p.Key == "__RequestVerificationToken" ? p.Value : value, StringComparer.Ordinal);
                using var content = new FormUrlEncodedContent(values);
                using var response = await client.PostAsync(new Uri(form.Action, UriKind.Relative), content);
                inputs += values.Count - 1;
                await CheckAsync(response, $"{account} POST {form.Action} with {Describe(value)}", failures);
            }
        }

        var anonymous = app.Client();
        foreach (var url in queries.Values)
        {
            var (path, query) = (url.Split('?')[0], url.Split('?', 2)[1]);
            var names = query.Split('&').Select(p => p.Split('=')[0]).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            foreach (var value in HostileValues.SkipLast(1))
            {
                var hostile = path + "?" + string.Join('&', names.Select(n => n + "=" + Uri.EscapeDataString(value)));
                using var response = await anonymous.GetAsync(new Uri(hostile, UriKind.Relative));
                inputs += names.Count;
                await CheckAsync(response, $"anonymous GET {path} with {Describe(value)} in {string.Join(',', names)}", failures);
            }
        }

        var figures = new { accounts = Accounts.Length, authorizationCells = cells, forms = forms.Count, queryStrings = queries.Count, hostileInputs = inputs, serverErrors = failures.Count, failures };
        var json = JsonSerializer.Serialize(figures, Json);
        System.IO.Directory.CreateDirectory(TestEnvironment.Artifacts);
        await File.WriteAllTextAsync(Path.Combine(TestEnvironment.Artifacts, "attack-sweep.json"), json);
        output.WriteLine(json);

        cells.ShouldBeGreaterThan(1000, "the sweep reached too few pages to mean anything");
        forms.Count.ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty();
    }

    private static async Task CheckAsync(HttpResponseMessage response, string what, List<string> failures)
    {
        if ((int)response.StatusCode >= 500)
        {
            failures.Add($"{what} → {(int)response.StatusCode}");
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType is "text/html" && (await response.Content.ReadAsStringAsync()).Contains(Script, StringComparison.Ordinal))
        {
            failures.Add($"{what} → script echoed unencoded");
        }
    }

    /// <summary>The path (ids and all) with the names of its query parameters, without their values.</summary>
    private static string Shape(string url) =>
        url.Split('?')[0] + "?" + string.Join('&', (url.Split('?', 2) is [_, var query] ? query.Split('&') : []).Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));

    private static string Describe(string value) => value.Length > 40 ? $"{value.Length:N0} characters" : value.Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>Every routed page with its parameters filled by a plausible id: pages no link leads to are swept too.</summary>
    private List<string> RouteSeeds() =>
    [
        .. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + string.Join('/', e.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true } => "",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1",
                _ => "",
            })))).TrimEnd('/'))
            .Select(url => url.Length == 0 ? "/" : url)
            .Where(Sweepable)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    private static IEnumerable<string> Links(IHtmlDocument document)
    {
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href")!.Split('#')[0];
            if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && Sweepable(href))
            {
                yield return href;
            }
        }
    }

    /// <summary>Not static files, and not signing out (the sweep keeps each account signed in).</summary>
    private static bool Sweepable(string url)
    {
        var path = url.Split('?')[0];
        return !path.Contains("Logout", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWith("/lib/", StringComparison.Ordinal)
            && !path.StartsWith("/_", StringComparison.Ordinal)
            && (!Path.HasExtension(path.Split('/')[^1]) || Path.GetExtension(path) is ".xml" or ".csv" or ".json");
    }

    /// <summary>
    /// The fields a browser would send when the form's first submit button is pressed (its formaction and its own
    /// name and value included), or null for a form that signs out.
    /// </summary>
    private static FormSnapshot? Snapshot(IHtmlFormElement form, string pageUrl)
    {
        var submitter = form.QuerySelector("button:not([type]), button[type=submit], input[type=submit]");
        var formAction = submitter?.GetAttribute("formaction") is { Length: > 0 } buttonAction ? buttonAction : form.GetAttribute("action");
        var action = string.IsNullOrEmpty(formAction) ? pageUrl : formAction;
        if (!action.StartsWith('/') || action.Contains("Logout", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            if (element is IHtmlInputElement { Type: "submit" or "button" or "file" or "image" or "reset" })
            {
                continue;
            }

            values[element.GetAttribute("name")!] = element is IHtmlInputElement input ? input.Value : "";
        }

        if (submitter?.GetAttribute("name") is { Length: > 0 } submitterName)
        {
            values[submitterName] = submitter.GetAttribute("value") ?? "";
        }

        return new FormSnapshot(action, values, form.GetAttribute("enctype") == "multipart/form-data");
    }
}
