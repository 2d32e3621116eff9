using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Content;

/// <summary>The content app: the test recipe on a clock the tests move forward, with a configured public address.</summary>
public abstract class ContentApp(DatabaseKind kind)
    : ClockedApp(kind, null, new Dictionary<string, string?> { ["Registry:PublicBaseUrl"] = ContentClient.BaseUrl });

public sealed class ContentSqliteApp() : ContentApp(DatabaseKind.Sqlite);

public sealed class ContentPostgreSqlApp() : ContentApp(DatabaseKind.PostgreSql);

/// <summary>Back-office steps over HTTP, as editors and reviewers take them.</summary>
public static partial class ContentClient
{
    public const string BaseUrl = "https://shzz.example.gov.cn";

    private static int Counter;

    /// <summary>A slug no other test uses.</summary>
    public static string Slug(string stem) => $"{stem}-{Interlocked.Increment(ref Counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Creates an item through the edit form and returns its id.</summary>
    public static async Task<long> CreateAsync(this HttpClient client, string type, string title, string slug, string body, IReadOnlyDictionary<string, string>? more = null, string culture = "zh-CN", long? translationOf = null)
    {
        var url = $"/Content/Admin/Items/Edit?type={type}&culture={culture}" + (translationOf is { } t ? $"&translationOf={t}" : "");
        var fields = new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Slug"] = slug, ["Input.Body"] = body, ["Input.Culture"] = culture };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        using var response = await client.SubmitFormAsync(url, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        return long.Parse(IdPattern().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Saves the edit form of an item with some fields changed.</summary>
    public static Task<HttpResponseMessage> EditAsync(this HttpClient client, long id, IReadOnlyDictionary<string, string> fields) =>
        client.SubmitFormAsync($"/Content/Admin/Items/Edit/{id}", fields, "main form.stacked[method=post]");

    public static async Task SubmitAsync(this HttpClient client, long id)
    {
        using var response = await client.SubmitFormAsync($"/Content/Admin/Items/Edit/{id}", new Dictionary<string, string>(), "form[action*='handler=Submit']");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    public static Task<HttpResponseMessage> ReviewAsync(this HttpClient client, long id, string handler, string? reason = null) =>
        client.SubmitFormAsync($"/Content/Admin/Items/Review/{id}", reason is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Reason"] = reason }, $"form[action*='handler={handler}']");

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient client, long id, string handler, string? at = null) =>
        client.SubmitFormAsync($"/Content/Admin/Items/Publish/{id}", at is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["PublishAt"] = at }, $"form[action*='handler={handler}']");

    /// <summary>Submitted by its author, approved at every level by <paramref name="reviewer"/>, published now.</summary>
    public static async Task ThroughReviewAsync(this HttpClient author, HttpClient reviewer, long id, int levels, string publishHandler = "Publish", string? at = null)
    {
        await author.SubmitAsync(id);
        for (var level = 0; level < levels; level++)
        {
            using var approved = await reviewer.ReviewAsync(id, "Approve");
            approved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(approved));
        }

        using var published = await reviewer.PublishAsync(id, publishHandler, at);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(published));
    }

    public static async Task<ContentItem> ItemAsync(this AppFixture app, long id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<ContentItem>().AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public static async Task<List<ContentVersion>> VersionsAsync(this AppFixture app, long id)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<ContentVersion>().AsNoTracking().Where(v => v.ItemId == id).OrderBy(v => v.Number).ToListAsync();
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return response.StatusCode.ToString();
        }

        var document = await response.ParseAsync();
        return string.Join(" | ", document.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    [GeneratedRegex(@"/Edit/(\d+)")]
    private static partial Regex IdPattern();
}
