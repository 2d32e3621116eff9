using Registry.Inspections.Contracts;
using Registry.Testing;

namespace Registry.Web.Tests.Inspections;

/// <summary>The seed's 2025 case (test-inspections recipe): 277 concluded, 242 合格, 18 基本合格, 17 不合格, 5 never filed.</summary>
public abstract class InspectionFiguresTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    [Fact]
    public async Task ForYear_SeedCase_CountsEachResult()
    {
        var figures = (await app.WithAsync<IInspectionFigures, InspectionFigures?>(f => f.ForYearAsync(2025, CancellationToken.None))).ShouldNotBeNull();

        (figures.Concluded, figures.Qualified, figures.BasicallyQualified, figures.Unqualified).ShouldBe((277, 242, 18, 17));
        (figures.Expected, figures.NotSubmitted, figures.Exempt, figures.RectificationsRequired).ShouldBe((282, 5, 0, 35));
    }

    [Fact]
    public async Task CampaignPage_SeedCase_ShowsTheFiguresLine()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync("/Inspections/Admin/Campaign/2025");

        page.QuerySelector("[data-testid=figures-line]")!.TextContent.Trim().ShouldBe("2025年度共277家参加年检，合格242家，基本合格18家，不合格17家；5家未报送。");
    }

    [Theory]
    [InlineData("Expected", 282)]
    [InlineData("Submitted", 277)]
    [InlineData("NotSubmitted", 5)]
    [InlineData("Concluded", 277)]
    [InlineData("Exempt", 0)]
    [InlineData("RectificationsRequired", 35)]
    public async Task CampaignList_FilteredByAGroup_StatesExactlyItsFigure(string group, int expected)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync($"/Inspections/Admin/Campaign/2025?group={group}");

        page.QuerySelector("[data-testid=list-total]").ShouldNotBeNull().GetAttribute("data-total").ShouldBe(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CampaignList_EveryGroup_AgreesWithTheFigures()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var f = (await app.WithAsync<IInspectionFigures, InspectionFigures?>(x => x.ForYearAsync(2025, CancellationToken.None))).ShouldNotBeNull();
        var figures = new Dictionary<string, int>
        {
            ["Expected"] = f.Expected, ["Submitted"] = f.Submitted, ["NotSubmitted"] = f.NotSubmitted, ["SubmittedLate"] = f.SubmittedLate, ["Exempt"] = f.Exempt,
            ["Concluded"] = f.Concluded, ["RectificationsRequired"] = f.RectificationsRequired, ["RectificationsVerified"] = f.RectificationsVerified,
        };

        var stated = new Dictionary<string, int>();
        foreach (var group in figures.Keys)
        {
            var page = await officer.GetDocumentAsync($"/Inspections/Admin/Campaign/2025?group={group}");
            stated[group] = int.Parse(page.QuerySelector("[data-testid=list-total]")!.GetAttribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);
        }

        stated.ShouldBe(figures);
    }

    [Theory]
    [InlineData("group=Late", "统计口径：无法识别“Late”")]
    [InlineData("state=0", "状态：无法识别“0”")]
    public async Task CampaignList_FilterNotUnderstood_SaysWhyAndListsNothing(string query, string message)
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync($"/Inspections/Admin/Campaign/2025?{query}");

        page.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain(message);
        (page.QuerySelector("[data-testid=filter-invalid]") is not null, page.QuerySelector("[data-testid=list-total]") is null).ShouldBe((true, true));
    }
}

public sealed class InspectionFiguresSqliteApp() : InspectionsApp(DatabaseKind.Sqlite, "test-inspections.recipe.json");

public sealed class InspectionFiguresPostgreSqlApp() : InspectionsApp(DatabaseKind.PostgreSql, "test-inspections.recipe.json");

public sealed class InspectionFiguresTestsOnSqlite(InspectionFiguresSqliteApp app) : InspectionFiguresTests<InspectionFiguresSqliteApp>(app), IClassFixture<InspectionFiguresSqliteApp>;

public sealed class InspectionFiguresTestsOnPostgreSql(InspectionFiguresPostgreSqlApp app) : InspectionFiguresTests<InspectionFiguresPostgreSqlApp>(app), IClassFixture<InspectionFiguresPostgreSqlApp>;
