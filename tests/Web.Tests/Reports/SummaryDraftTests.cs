using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Auditing;
using Registry.Core.Outbox;
using Registry.Disclosure.Domain;
using Registry.Testing;
using Registry.Web.Data;

namespace Registry.Web.Tests.Reports;

/// <summary>
/// The one-click 计划总结 (#18): an officer with the disclosure permission turns /Reports/Summary into a draft work summary
/// holding the day's figures, which the catalogue lists under 计划总结 once published; the report stays live.
/// </summary>
public abstract class SummaryDraftTests<TApp>(TApp app)
    where TApp : ReportsApp
{
    private static readonly string SummaryUrl = $"/Reports/Summary?year={ReportsApp.Year}";

    [Fact]
    public async Task Draft_OfficerOneClick_MakesADraftWorkSummaryWithTheDaysFiguresAndTheReportStaysLive()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        using var response = await officer.SubmitFormAsync(SummaryUrl, new Dictionary<string, string>(), "form[data-testid=draft-form]");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Content/Admin/Items/Edit/");
        var id = long.Parse(location.Split('/')[^1], CultureInfo.InvariantCulture);
        var (item, body) = await InScopeAsync(async db =>
        {
            var found = await db.Set<ContentItem>().AsNoTracking().SingleAsync(i => i.Id == id);
            var version = await db.Set<ContentVersion>().AsNoTracking().SingleAsync(v => v.ItemId == id && v.Number == found.LatestVersion);
            return (found, version.BodyHtml);
        });
        (item.Type, item.Category, item.Culture, item.State).ShouldBe((ContentSummaries.Type, ContentSummaries.Category, "zh-CN", ContentState.Draft));
        item.Title.ShouldContain($"{ReportsApp.Year}年度工作总结");
        body.ShouldContain("共有277家社会组织参加年检，合格242家，基本合格18家，不合格17家");
        body.ShouldContain($"截至{app.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        (await officer.GetAsync(new Uri(location, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "the maker edits and submits the draft");
        (await InScopeAsync(db => db.Set<AuditEntry>().Where(e => e.Action == "disclosure.draft.created" && e.Summary.Contains($"#{id}")).CountAsync())).ShouldBe(1);
        var live = await app.OfficerPageAsync(SummaryUrl);
        live.QuerySelector("[data-testid=summary-zh-CN]")!.TextContent.ShouldContain("合格242家");
        live.QuerySelector("[data-testid=draft-form]").ShouldNotBeNull("the report stays live and can be drafted again");
    }

    [Fact]
    public async Task Draft_Published_IsListedInTheCatalogueUnder计划总结()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var response = await officer.SubmitFormAsync(SummaryUrl, new Dictionary<string, string>(), "form[data-testid=draft-form]");
        var id = long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var title = await InScopeAsync(db => db.Set<ContentItem>().Where(i => i.Id == id).Select(i => i.Title).SingleAsync());

        // What the content store announces when the reviewed draft is published (its review is the content module's, tested there).
        await using (var scope = app.Scope())
        {
            var consumer = scope.ServiceProvider.GetServices<IOutboxConsumer>().Single(c => c.Name == "disclosure-catalogue-policies");
            var changed = new ContentChanged(id, ContentSummaries.Type, ContentSummaries.Category, "zh-CN", title, "……", $"/news/{ReportsApp.Year}/summary", app.Clock.GetUtcNow().UtcDateTime);
            await consumer.HandleAsync(new OutboxMessage { Topic = ContentTopics.Published, Payload = System.Text.Json.JsonSerializer.Serialize(changed) }, CancellationToken.None);
        }

        var entry = await InScopeAsync(db => db.Set<CatalogueItem>().AsNoTracking().SingleAsync(i => i.SourceModule == "Content" && i.SourceKey == id.ToString(CultureInfo.InvariantCulture)));
        (entry.Category, entry.Title, entry.Withdrawn).ShouldBe(("计划总结", title, false));
        entry.IndexNumber.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Draft_WithoutTheDisclosurePermission_HiddenAndForbidden()
    {
        var leader = await app.SignedInClientAsync(TestAccounts.Leader);
        var page = await leader.GetDocumentAsync(SummaryUrl);
        page.QuerySelector("[data-testid=draft-form]").ShouldBeNull();
        page.QuerySelector("[data-testid=summary-zh-CN]").ShouldNotBeNull("the leader still reads the summary");
        var form = await (await app.SignedInClientAsync(TestAccounts.Officer)).ReadFormAsync(SummaryUrl, "form[data-testid=draft-form]");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await InScopeAsync(db => db.Set<ContentItem>().CountAsync());

        using var refused = await leader.PostFormAsync(form with { Values = new Dictionary<string, string>(form.Values) { ["__RequestVerificationToken"] = token } }, new Dictionary<string, string>());

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = await app.Client().PostAsync(new Uri(form.Action, UriKind.Relative), new FormUrlEncodedContent(form.Values));
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
        (await InScopeAsync(db => db.Set<ContentItem>().CountAsync())).ShouldBe(before);
    }

    private Task<T> InScopeAsync<T>(Func<RegistryDbContext, Task<T>> query) => app.InScopeAsync(s => query(s.GetRequiredService<RegistryDbContext>()));
}

public sealed class SummaryDraftTestsOnSqlite(ReportsSqliteApp app) : SummaryDraftTests<ReportsSqliteApp>(app), IClassFixture<ReportsSqliteApp>;

public sealed class SummaryDraftTestsOnPostgreSql(ReportsPostgreSqlApp app) : SummaryDraftTests<ReportsPostgreSqlApp>(app), IClassFixture<ReportsPostgreSqlApp>;
