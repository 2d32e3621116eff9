using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Recipes;
using Registry.Cultivation.Contracts;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Cultivation;

/// <summary>The demo recipe on a database of its own (real clock: its history reaches into late 2026).</summary>
public abstract class CultivationDemoApp(DatabaseKind kind) : AppFixture(kind)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "demo.recipe.json"), CancellationToken.None);
    }
}

public sealed class SqliteCultivationDemoApp() : CultivationDemoApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlCultivationDemoApp() : CultivationDemoApp(DatabaseKind.PostgreSql);

/// <summary>What the demo's cultivation step shows the public: the 2026 recommended list with its contracts, and the incubation bases.</summary>
public abstract class CultivationDemoTests<TApp>(TApp app)
    where TApp : CultivationDemoApp
{
    [Fact]
    public async Task ServiceList_Demo_SevenListedAndFourContracts()
    {
        var page = await app.Client().GetDocumentAsync(CultivationLinks.ServiceList);

        page.QuerySelector("[data-testid=current-list]")!.GetAttribute("data-year").ShouldBe("2026");
        // 4 社会团体 and 3 民办非企业单位, as the bureau's 2015 list; 春晖 was not approved.
        page.QuerySelectorAll("[data-testid=listed]").Length.ShouldBe(7);
        page.QuerySelectorAll("[data-testid=listed]").Select(l => l.TextContent).ShouldNotContain(t => t.Contains("春晖", StringComparison.Ordinal));
        var year = page.QuerySelector("[data-testid=contract-year][data-year='2026']")!;
        year.GetAttribute("data-fen").ShouldBe("101000000");
    }

    [Fact]
    public async Task Incubation_Demo_BasesFiguresAndGraduates()
    {
        var page = await app.Client().GetDocumentAsync(CultivationLinks.Incubation);

        page.QuerySelectorAll("[data-testid=public-base]").Length.ShouldBe(2);
        page.QuerySelectorAll("[data-testid=public-graduate]").Length.ShouldBe(4);
        var year2021 = page.QuerySelector("[data-testid=incubation-year][data-year='2021']")!;
        (year2021.GetAttribute("data-entered"), year2021.GetAttribute("data-graduated"), year2021.GetAttribute("data-registered")).ShouldBe(("2", "1", "1"));
        page.QuerySelector("[data-testid=incubation-year][data-year='2025']")!.GetAttribute("data-left").ShouldBe("1");
    }
}

public sealed class CultivationDemoTestsOnSqlite(SqliteCultivationDemoApp app) : CultivationDemoTests<SqliteCultivationDemoApp>(app), IClassFixture<SqliteCultivationDemoApp>;

public sealed class CultivationDemoTestsOnPostgreSql(PostgreSqlCultivationDemoApp app) : CultivationDemoTests<PostgreSqlCultivationDemoApp>(app), IClassFixture<PostgreSqlCultivationDemoApp>;
