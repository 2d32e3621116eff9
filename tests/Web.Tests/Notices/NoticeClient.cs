using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Localization;
using Registry.Notices.Contracts;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Notices;

/// <summary>Drives the notices pages the way an officer's or a visitor's browser does, plus quick set-up through the contract.</summary>
internal static class NoticeClient
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A Windows executable's first bytes under a .pdf name.</summary>
    public static readonly byte[] FakePdf = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    public static string Unique(string title) => $"{title}{Guid.NewGuid().ToString("N")[..8]}";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Publishes a notice through <see cref="INoticePublisher"/> (as another module would) and returns its id.</summary>
    public static async Task<int> PublishAsync(this AppFixture app, NoticeDraft draft)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<INoticePublisher>().PublishAsync(draft, CancellationToken.None);
    }

    /// <summary>A published notice whose period runs from <paramref name="startOffset"/> to <paramref name="endOffset"/> days from today.</summary>
    public static Task<int> PublishWithPeriodAsync(this AppFixture app, string title, int startOffset, int endOffset, bool acceptsObjections = true) =>
        app.PublishAsync(new NoticeDraft("Tests", Guid.NewGuid().ToString("N"), title, NoticeKind.RatingResult, "拟评定等级如下，公示期内可提出异议。", Today.AddDays(startOffset), Today.AddDays(endOffset), acceptsObjections));

    /// <summary>Creates a notice through the back-office form; returns its id.</summary>
    public static async Task<int> CreateAsync(this HttpClient officer, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await officer.SubmitFormAsync("/Notices/Admin/Edit", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Notices/Admin/Edit/");
        return int.Parse(location.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    public static async Task PublishThroughPageAsync(this HttpClient officer, int id)
    {
        using var response = await officer.SubmitFormAsync($"/Notices/Admin/Status/{id}?to=Publish", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
    }

    public static Dictionary<string, string> Objection(string contact, string text = "该组织的评估材料中志愿者人数与实际不符，请核实。") => new()
    {
        ["Input.Name"] = "王某某",
        ["Input.Contact"] = contact,
        ["Input.Text"] = text,
    };

    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return "";
        }

        var document = await response.ParseAsync();
        return string.Join(" | ", document.QuerySelectorAll(".validation-summary-errors li, .field-validation-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0))
            + $" (HTTP {(int)response.StatusCode})";
    }

    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        return await response.ParseAsync();
    }
}
