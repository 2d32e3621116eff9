using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Registry.Core.Recipes;
using Registry.Directory.Search;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Directory;

/// <summary>
/// The app with the demo district register loaded and indexed; a tight API rate limit to see 429; the database contexts
/// that requests of the directory's pages build, counted.
/// </summary>
public sealed class DirectoryApp() : AppFixture(DatabaseKind.Sqlite)
{
    private int _directoryContexts;

    /// <summary>Database contexts built for requests of /Directory pages so far.</summary>
    public int DirectoryContexts => Volatile.Read(ref _directoryContexts);

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Directory:ApiPermitsPerMinute"] = "1000" }, services: CountDirectoryContexts);

    private void CountDirectoryContexts(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        var context = services.Single(d => d.ServiceType == typeof(RegistryDbContext));
        services.Remove(context);
        services.Add(ServiceDescriptor.Describe(typeof(RegistryDbContext), sp =>
        {
            if (sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Path.StartsWithSegments("/Directory") == true)
            {
                Interlocked.Increment(ref _directoryContexts);
            }

            return ActivatorUtilities.CreateInstance(sp, context.ImplementationType!);
        }, context.Lifetime));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-register.recipe.json"), CancellationToken.None);
        }

        await WaitForAsync(() => Search(new DirectoryQuery()).Total >= 37);
    }

    public DirectoryResult Search(DirectoryQuery query) => Factory.Services.GetRequiredService<DirectorySearch>().Search(query);

    /// <summary>Changes an organization through the register, as staff would (a revision, a change-feed event).</summary>
    public async Task ReviseAsync(string name, Action<Organization> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var organization = await db.Set<Organization>().SingleAsync(o => o.Name == name);
        var before = ApplicationForm.From(organization);
        change(organization);
        await scope.ServiceProvider.GetRequiredService<RegisterWriter>().ReviseAsync(organization, RegisterFields.Diff(before, ApplicationForm.From(organization)), "Org.Cause.Correction", null, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Changes what another module keeps on the register (standing, grade) through the register's contract, as the
    /// inspections and ratings modules do, and saves it.
    /// </summary>
    public async Task ThroughRegisterAsync(string name, Func<IOrganizationRegister, int, Task<bool>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var id = await db.Set<Organization>().Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
        (await change(scope.ServiceProvider.GetRequiredService<IOrganizationRegister>(), id)).ShouldBeTrue();
        await db.SaveChangesAsync();
    }

    public static Task WaitForAsync(Func<bool> condition) =>
        Eventually.HoldsAsync(condition, "the directory reaches the expected state");
}

public sealed class DirectoryTests(DirectoryApp app) : IClassFixture<DirectoryApp>
{
    public static TheoryData<string, string[]> Relevance()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "relevance.json"));
        using var json = JsonDocument.Parse(file);
        var data = new TheoryData<string, string[]>();
        foreach (var query in json.RootElement.GetProperty("queries").EnumerateArray())
        {
            data.Add(query.GetProperty("q").GetString()!, [.. query.GetProperty("top").EnumerateArray().Select(n => n.GetString()!)]);
        }

        return data;
    }

    [Fact]
    public void RelevanceSet_HasAtLeastThirtyQueries() => Relevance().Count.ShouldBeGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(Relevance))]
    public void Search_RelevanceSet_ExpectedOrganizationsComeFirst(string q, string[] top)
    {
        var result = app.Search(new DirectoryQuery { Text = q });
        result.Hits.Take(top.Length).Select(h => h.Name).ShouldBe(top, ignoreOrder: true);
    }

    [Fact]
    public void Search_TwoCharacterWord_MatchesExactlyTheOrganizationsContainingIt()
    {
        // Bigram phrases count substring matches exactly: no organization that merely has 养 and 老 apart.
        var result = app.Search(new DirectoryQuery { Text = "养老" });
        result.Hits.ShouldAllBe(h => h.Name.Contains("养老") || h.ScopeSnippet.Contains("养老"));
        result.Total.ShouldBe(2);
    }

    [Fact]
    public void Search_OneCharacter_FindsNamesContainingIt()
    {
        var result = app.Search(new DirectoryQuery { Text = "老" });
        result.Total.ShouldBeGreaterThan(0);
        result.Hits.ShouldAllBe(h => h.Name.Contains('老'));
    }

    [Fact]
    public void Search_FilterByType_CountsPerValueAndOnlyThatType()
    {
        var all = app.Search(new DirectoryQuery { Text = "协会" });
        var socialGroups = all.Facets[IndexFields.Type].Single(f => f.Key == "SocialGroup").Value;
        var filtered = app.Search(new DirectoryQuery { Text = "协会", Type = "SocialGroup" });
        filtered.Total.ShouldBe(socialGroups);
        filtered.Hits.ShouldAllBe(h => h.Type == "SocialGroup");
        all.Facets[IndexFields.Type].Sum(f => f.Value).ShouldBe(all.Total);
    }

    [Fact]
    public void Search_EmptyQuery_ListsEverythingByName_WithStreetAndFieldCounts()
    {
        var result = app.Search(new DirectoryQuery());
        result.Total.ShouldBeGreaterThanOrEqualTo(37);
        result.Facets[IndexFields.Street].ShouldContain(f => f.Key == "鼓楼街道");
        result.Facets[IndexFields.ServiceField].ShouldContain(f => f.Key == "养老");
        // Name order is Chinese collation order (pinyin), as in a printed register.
        var chinese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);
        result.Hits.Select(h => h.Name).ShouldBe(result.Hits.Select(h => h.Name).Order(chinese));
    }

    [Fact]
    public void Search_DeregisteredOrganization_StaysFindableAndMarked()
    {
        var hit = app.Search(new DirectoryQuery { Text = "电子商务" }).Hits.Single();
        hit.Status.ShouldBe("Deregistered");
        app.Search(new DirectoryQuery { Status = "Deregistered" }).Hits.ShouldContain(h => h.Name == "宁波市海曙区电子商务协会");
    }

    [Fact]
    public void Search_FoundedYearRange_Filters()
    {
        var result = app.Search(new DirectoryQuery { FoundedFrom = 2019, FoundedTo = 2020 });
        result.Total.ShouldBeGreaterThan(0);
        result.Hits.ShouldAllBe(h => string.CompareOrdinal(h.Founded, "2019-01-01") >= 0 && string.CompareOrdinal(h.Founded, "2020-12-31") <= 0);
    }

    [Theory]
    [InlineData("\"*?~:[]")]
    [InlineData("养老 AND OR NOT (")]
    [InlineData("\u0001\u0002养老\u0007")]
    [InlineData("a")]
    public async Task SearchPage_OddInput_AnswersWithoutError(string q)
    {
        using var response = await app.Client().GetAsync(new Uri($"/Directory?q={Uri.EscapeDataString(q)}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SearchPage_VeryLongQueryAndPageOutOfRange_AreHandled()
    {
        using var response = await app.Client().GetAsync(new Uri($"/Directory?q={Uri.EscapeDataString(new string('养', 5000))}&page=99999", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("只按前 60 个字查询");
        var paged = app.Search(new DirectoryQuery { Page = 99999 });
        paged.Page.ShouldBe(paged.PageCount);
        paged.Hits.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SearchPage_HighlightsMatchedWords_AndEncodesEverythingElse()
    {
        var html = await app.Client().GetStringAsync(new Uri("/Directory?q=%E5%85%BB%E8%80%81", UriKind.Relative));
        html.ShouldContain("<mark>养老</mark>");
        var escaped = await app.Client().GetStringAsync(new Uri("/Directory?q=%3Cscript%3Ealert(1)%3C/script%3E", UriKind.Relative));
        escaped.ShouldNotContain("<script>alert(1)");
    }

    [Fact]
    public async Task SearchPage_FilterLinks_KeepTheOtherParameters_EncodedForHtml()
    {
        var html = await app.Client().GetStringAsync(new Uri("/Directory?q=%E5%8D%8F%E4%BC%9A&type=SocialGroup&page=2&nocache=links", UriKind.Relative));

        // A status keeps the text and the type, starts at page 1 again, and never carries an unknown parameter.
        html.ShouldContain("href=\"/Directory?q=%E5%8D%8F%E4%BC%9A&amp;type=SocialGroup&amp;status=Active\"");
        // "All" of the chosen filter removes only it; a sort keeps both.
        html.ShouldContain("href=\"/Directory?q=%E5%8D%8F%E4%BC%9A\"");
        html.ShouldContain("href=\"/Directory?q=%E5%8D%8F%E4%BC%9A&amp;type=SocialGroup&amp;sort=Founded\"");
        html.ShouldNotContain("nocache=links&");
    }

    /// <summary>
    /// Issue 23: an anonymous visitor's search page needs no database context (the theme's menus and footer come from the
    /// cache, the account links only read the inbox for a signed-in user); building one was 2% of an uncached page.
    /// </summary>
    [Fact]
    public async Task SearchPage_AnonymousVisitor_BuildsNoDatabaseContext()
    {
        var client = app.Client();

        // A change-feed event may empty the theme's cache between two requests: one request with warm caches suffices.
        await Eventually.HoldsAsync(
            async () =>
            {
                var before = app.DirectoryContexts;
                using var response = await client.GetAsync(new Uri($"/Directory?q=%E5%85%BB%E8%80%81&nocache={Guid.NewGuid():N}", UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                (await response.Content.ReadAsStringAsync()).ShouldContain("<mark>养老</mark>");
                return app.DirectoryContexts == before;
            },
            "an anonymous search page is served without a database context");
    }

    [Fact]
    public async Task Api_SameParametersAsThePage_ReturnsJson()
    {
        using var response = await app.Client().GetAsync(new Uri("/api/directory/search?q=%E5%8D%8F%E4%BC%9A&type=SocialGroup", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        json.RootElement.GetProperty("hits").EnumerateArray().ShouldAllBe(h => h.GetProperty("type").GetString() == "SocialGroup");
    }

    [Fact]
    public async Task CertificateCheck_ValidCode_ShowsTheOrganization_InvalidCode_ExplainsWhy()
    {
        var found = await app.Client().GetStringAsync(new Uri("/Directory/Check?code=51330203500001018P", UriKind.Relative));
        found.ShouldContain("宁波市海曙区社会组织联合会");
        var invalid = await app.Client().GetStringAsync(new Uri("/Directory/Check?code=51330203500001018Q", UriKind.Relative));
        invalid.ShouldContain("校验位");
    }

    [Fact]
    public async Task ChangeFeed_CommittedChange_IsSearchableWithinTwoSeconds()
    {
        await app.ReviseAsync("宁波市海曙区篮球协会", o => o.BusinessScope += "，举办三人制篮球挑战赛");
        await DirectoryApp.WaitForAsync(() => app.Search(new DirectoryQuery { Text = "三人制" }).Total == 1);
    }

    [Fact]
    public async Task ChangeFeed_OrganizationPutOnTheAbnormalListThroughTheContract_IsFilterableWithinTwoSeconds()
    {
        const string Name = "宁波市海曙区摄影家协会";
        await ChangeAndFindAsync(Name, (register, id) => register.SetCreditStandingAsync(id, CreditStanding.Abnormal, CancellationToken.None), new DirectoryQuery { Status = "Abnormal" });

        var listed = app.Search(new DirectoryQuery { Text = "摄影", Status = "Abnormal" });
        listed.Hits.Single().Standing.ShouldBe("Abnormal");
        listed.Hits.Single().Status.ShouldBe("Active");
        listed.Facets[IndexFields.Standing].ShouldBe([new("Abnormal", 1)]);
        app.Search(new DirectoryQuery { Text = "摄影", Status = "Serious" }).Total.ShouldBe(0);

        // Moved to the serious list: out of the abnormal filter, into the serious one.
        await ChangeAndFindAsync(Name, (register, id) => register.SetCreditStandingAsync(id, CreditStanding.Serious, CancellationToken.None), new DirectoryQuery { Status = "Serious" });
        app.Search(new DirectoryQuery { Status = "Abnormal" }).Hits.ShouldNotContain(h => h.Name == Name);

        var html = await app.Client().GetStringAsync(new Uri("/Directory?q=%E6%91%84%E5%BD%B1", UriKind.Relative));
        html.ShouldContain("严重违法失信</span>");
        html.ShouldContain("status=Serious");
    }

    [Fact]
    public async Task ChangeFeed_GradeSetThroughTheContract_IsFilterableAndSortedWithinTwoSeconds()
    {
        const string Name = "宁波市海曙区篮球协会";
        await ChangeAndFindAsync(Name, (register, id) => register.SetGradeAsync(id, 4, CancellationToken.None), new DirectoryQuery { MinGrade = 4 });

        app.Search(new DirectoryQuery { MinGrade = 5 }).Hits.ShouldNotContain(h => h.Name == Name);
        var byGrade = app.Search(new DirectoryQuery { Text = "协会", Sort = DirectorySort.Grade });
        byGrade.Hits[0].Grade.ShouldBeGreaterThanOrEqualTo(4);
        byGrade.Hits.ShouldContain(h => h.Name == Name && h.Grade == 4);

        var html = await app.Client().GetStringAsync(new Uri("/Directory?q=%E7%AF%AE%E7%90%83", UriKind.Relative));
        html.ShouldContain("data-testid=\"hit-grade\" title=\"评估等级\">4A</span>");
    }

    [Fact]
    public async Task SearchPage_FilterForm_HasLabelledMinimumGradeAndYearControls()
    {
        var html = await app.Client().GetStringAsync(new Uri("/Directory?q=%E5%8D%8F%E4%BC%9A&grade=3&sort=Grade", UriKind.Relative));
        html.ShouldContain("<label for=\"grade\">最低等级</label>");
        html.ShouldContain("<select id=\"grade\" name=\"grade\"");
        html.ShouldContain("<option value=\"3\" selected=\"selected\">3A 及以上");
        html.ShouldContain("<label for=\"from\">从</label>");
        // The words and the sort are kept when the filter form is applied; the grade is its own control there (the search box keeps it).
        var start = html.IndexOf("data-testid=\"directory-filters\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        form.ShouldContain("<input type=\"hidden\" name=\"sort\" value=\"Grade\" />");
        form.ShouldContain("<input type=\"hidden\" name=\"q\" value=\"协会\" />");
        form.ShouldNotContain("<input type=\"hidden\" name=\"grade\"");
        html.ShouldContain("aria-current=\"true\">评估等级</a>");
    }

    [Fact]
    public async Task Api_StatusStandingGradeAndGradeSort_SameParametersAsThePage()
    {
        const string Name = "宁波市海曙区书法家协会";
        await ChangeAndFindAsync(Name, (register, id) => register.SetGradeAsync(id, 5, CancellationToken.None), new DirectoryQuery { MinGrade = 5 });

        using var response = await app.Client().GetAsync(new Uri("/api/directory/search?q=%E4%B9%A6%E6%B3%95&grade=5&status=Active&sort=grade", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var hit = json.RootElement.GetProperty("hits").EnumerateArray().Single();
        hit.GetProperty("name").GetString().ShouldBe(Name);
        hit.GetProperty("grade").GetInt32().ShouldBe(5);
        hit.GetProperty("standing").GetString().ShouldBe("Good");
        var facets = json.RootElement.GetProperty("facets");
        // "At least" counts: the one 5A hit is also at least 4A, 3A, 2A and 1A.
        facets.GetProperty("grade").EnumerateArray().Select(f => (f.GetProperty("key").GetString(), f.GetProperty("value").GetInt32()))
            .ShouldBe([("5", 1), ("4", 1), ("3", 1), ("2", 1), ("1", 1)]);
        facets.GetProperty("standing").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("grade=3", 3, null)]
    [InlineData("grade=0", null, null)]
    [InlineData("grade=6", null, null)]
    [InlineData("grade=3A", null, null)]
    [InlineData("sort=grade", null, DirectorySort.Grade)]
    [InlineData("sort=Grade&grade=5", 5, DirectorySort.Grade)]
    [InlineData("sort=3", null, null)]
    public void QueryBinder_GradeAndSort_BadValuesIgnored(string queryString, int? minGrade, DirectorySort? sort)
    {
        var query = DirectoryQueryBinder.From(new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)));
        query.MinGrade.ShouldBe(minGrade);
        query.Sort.ShouldBe(sort);
    }

    /// <summary>Changes an organization through the register's contract, then waits (two seconds at most) until the query finds it.</summary>
    private async Task ChangeAndFindAsync(string name, Func<IOrganizationRegister, int, Task<bool>> change, DirectoryQuery query)
    {
        await app.ThroughRegisterAsync(name, change);
        await DirectoryApp.WaitForAsync(() => app.Search(query).Hits.Any(h => h.Name == name));
    }

    [Fact]
    public async Task Index_DeletedWhileRunning_RebuildsItselfFromTheDatabase()
    {
        var index = app.Factory.Services.GetRequiredService<DirectoryIndex>();
        var before = app.Search(new DirectoryQuery()).Total;
        System.IO.Directory.Delete(index.IndexPath, recursive: true);
        // A full rebuild from the database: on a loaded 2-core machine it needs more than the usual wait.
        await DirectoryApp.WaitForAsync(() => !index.IsMissing && app.Search(new DirectoryQuery()).Total == before);
        app.Search(new DirectoryQuery { Text = "书法" }).Hits[0].Name.ShouldBe("宁波市海曙区书法家协会");
    }

    [Fact]
    public async Task OpenData_CsvAndJson_CarryTheDocumentedFields()
    {
        var csv = await app.Client().GetStringAsync(new Uri("/open-data/directory.csv", UriKind.Relative));
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Trim().ShouldBe(string.Join(',', Registry.Directory.OpenData.DirectoryExport.Fields.Select(f => f.Name)));
        lines.Length.ShouldBeGreaterThan(37);
        csv.ShouldContain("51330203500001018P");

        using var json = JsonDocument.Parse(await app.Client().GetStringAsync(new Uri("/open-data/directory.json", UriKind.Relative)));
        json.RootElement.GetProperty("licence").GetString()!.ShouldContain("CC BY 4.0");
        var first = json.RootElement.GetProperty("organizations")[0];
        foreach (var (name, _) in Registry.Directory.OpenData.DirectoryExport.Fields)
        {
            first.TryGetProperty(name, out _).ShouldBeTrue(name);
        }
    }

    [Fact]
    public async Task OpenData_GradeAndCreditStanding_AreInBothFormats()
    {
        const string Name = "宁波市海曙区物业管理协会";
        await app.ThroughRegisterAsync(Name, (register, id) => register.SetGradeAsync(id, 3, CancellationToken.None));
        await app.ThroughRegisterAsync(Name, (register, id) => register.SetCreditStandingAsync(id, CreditStanding.Abnormal, CancellationToken.None));
        // Indexed before the test ends, so that no update of this fixture's index is still pending when another test rebuilds it.
        await DirectoryApp.WaitForAsync(() => app.Search(new DirectoryQuery { Status = "Abnormal", MinGrade = 3 }).Hits.Any(h => h.Name == Name));

        using var csv = new MemoryStream(await app.Client().GetByteArrayAsync(new Uri("/open-data/directory.csv", UriKind.Relative)));
        var rows = MiniExcel.Query(csv, useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => (string?)r["name"] == Name);
        ((string?)row["grade"], (string?)row["credit_standing"]).ShouldBe(("3A", "Abnormal"));
        var ungraded = rows.Single(r => (string?)r["name"] == "宁波市海曙区阳光养老服务中心");
        ((string?)ungraded["grade"] ?? "", (string?)ungraded["credit_standing"]).ShouldBe(("", "Good"));

        using var json = JsonDocument.Parse(await app.Client().GetStringAsync(new Uri("/open-data/directory.json", UriKind.Relative)));
        var organizations = json.RootElement.GetProperty("organizations").EnumerateArray().ToList();
        var listed = organizations.Single(o => o.GetProperty("name").GetString() == Name);
        (listed.GetProperty("grade").GetString(), listed.GetProperty("credit_standing").GetString()).ShouldBe(("3A", "Abnormal"));
        organizations.Single(o => o.GetProperty("name").GetString() == "宁波市海曙区阳光养老服务中心").GetProperty("grade").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}

/// <summary>The search API under a tight per-client limit.</summary>
public sealed class LimitedDirectoryApp() : AppFixture(DatabaseKind.Sqlite)
{
    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Directory:ApiPermitsPerMinute"] = "3" });
}

public sealed class DirectoryRateLimitTests(LimitedDirectoryApp app) : IClassFixture<LimitedDirectoryApp>
{
    [Fact]
    public async Task Api_BeyondTheLimit_IsAnswered429()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/directory/search?q=x", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
