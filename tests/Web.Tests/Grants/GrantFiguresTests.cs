using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Recipes;
using Registry.Grants.Contracts;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Grants;

/// <summary>The app with Recipes/test-grants-figures.recipe.json: the seed's 2015 round as records.</summary>
public abstract class GrantFiguresApp(DatabaseKind kind) : ClockedApp(kind, "test-grants-figures.recipe.json", new Dictionary<string, string?>());

public sealed class GrantFiguresSqliteApp() : GrantFiguresApp(DatabaseKind.Sqlite);

public sealed class GrantFiguresPostgreSqlApp() : GrantFiguresApp(DatabaseKind.PostgreSql);

/// <summary>The fund's figures reproduce the seed's line "确定了267个入围项目,项目资金超过215万元" from records.</summary>
public abstract class GrantFiguresTests<TApp>(TApp app)
    where TApp : GrantFiguresApp
{
    private Task<IReadOnlyList<GrantRoundFigures>> YearAsync() => app.WithAsync<IGrantFigures, IReadOnlyList<GrantRoundFigures>>(f => f.ForYearAsync(2015, CancellationToken.None));

    [Fact]
    public async Task ForYear_TheSeedsRound_CountsAndAmounts()
    {
        var round = (await YearAsync()).ShouldHaveSingleItem();

        (round.Applications, round.PassedScreening, round.Shortlisted, round.Funded, round.ShortlistedFen, round.AwardedFen).ShouldBe((300, 287, 267, 267, 215_340_000L, 215_340_000L));
        round.ByCategory.Select(c => c.Category).ShouldBe(["为老服务", "助残服务", "扶贫济困", "社区治理", "青少年服务"], ignoreOrder: true);
        round.ByCategory.Sum(c => c.Shortlisted).ShouldBe(267);
    }

    [Fact]
    public async Task Line_TheSeedsRound_TheSeedsSentenceInBothLanguages()
    {
        var round = (await YearAsync()).Single();

        round.Line(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("确定了267个入围项目,项目资金超过215万元");
        round.Line(CultureInfo.GetCultureInfo("en")).ShouldBe("267 projects shortlisted, with project funding of over ¥2.15 million");
    }

    [Fact]
    public async Task ApplicationsList_SecondPage_KeepsTheFiltersAndStatesTheWholeTotalAndSum()
    {
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);

        var page = await officer.GetDocumentAsync("/Grants/Admin/Applications?year=2015&stage=Shortlisted&amount=Shortlisted&p=2");

        (page.StatedTotal(), page.QuerySelector("[data-testid=list-sum]")!.GetAttribute("data-sum-fen")).ShouldBe((267, "215340000"));
        page.QuerySelectorAll("[data-testid=grant-application]").Length.ShouldBe(50);
        (page.QuerySelector("a[rel=prev]")!.GetAttribute("href"), page.QuerySelector("a[rel=next]")!.GetAttribute("href"))
            .ShouldBe(("?year=2015&stage=Shortlisted&amount=Shortlisted&p=1", "?year=2015&stage=Shortlisted&amount=Shortlisted&p=3"));
    }

    [Fact]
    public async Task Recipe_RunAgain_NothingAddedTwice()
    {
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "test-grants-figures.recipe.json"), CancellationToken.None);
        }

        var round = (await YearAsync()).ShouldHaveSingleItem();
        round.Applications.ShouldBe(300);
    }
}

public sealed class GrantFiguresTestsOnSqlite(GrantFiguresSqliteApp app) : GrantFiguresTests<GrantFiguresSqliteApp>(app), IClassFixture<GrantFiguresSqliteApp>;

public sealed class GrantFiguresTestsOnPostgreSql(GrantFiguresPostgreSqlApp app) : GrantFiguresTests<GrantFiguresPostgreSqlApp>(app), IClassFixture<GrantFiguresPostgreSqlApp>;
