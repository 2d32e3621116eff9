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
}

public sealed class InspectionFiguresSqliteApp() : InspectionsApp(DatabaseKind.Sqlite, "test-inspections.recipe.json");

public sealed class InspectionFiguresPostgreSqlApp() : InspectionsApp(DatabaseKind.PostgreSql, "test-inspections.recipe.json");

public sealed class InspectionFiguresTestsOnSqlite(InspectionFiguresSqliteApp app) : InspectionFiguresTests<InspectionFiguresSqliteApp>(app), IClassFixture<InspectionFiguresSqliteApp>;

public sealed class InspectionFiguresTestsOnPostgreSql(InspectionFiguresPostgreSqlApp app) : InspectionFiguresTests<InspectionFiguresPostgreSqlApp>(app), IClassFixture<InspectionFiguresPostgreSqlApp>;
