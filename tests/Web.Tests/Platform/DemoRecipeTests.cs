using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Recipes;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>
/// The README's first command runs the whole demo recipe on a new database: it must apply (a failed step stops the
/// site), a rerun must change nothing, and the portal it composes must answer. Each step's content is tested elsewhere.
/// </summary>
public abstract class DemoRecipeTests<TApp>(TApp app)
    where TApp : AppFixture
{
    [Fact]
    public async Task DemoRecipe_WholeFileTwiceOnANewDatabase_AppliesAndThePortalAnswers()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recipes", "demo.recipe.json");
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Scope();
            await scope.ServiceProvider.GetRequiredService<IRecipeRunner>().RunAsync(path, CancellationToken.None);
        }

        var client = app.Client();
        foreach (var url in new[] { "/", "/news", "/policies", "/pages/about", "/Directory", "/Notices", "/sitemap.xml" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        // The accepted reports carry the demo's figures, so public finances show them (社会组织联合会, 2025: data/demo-annual-reports.json).
        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/open-data/directory.json", UriKind.Relative)));
        var federation = json.RootElement.GetProperty("organizations").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "宁波市海曙区社会组织联合会");
        (federation.GetProperty("finance_year").GetInt32(), federation.GetProperty("income_yuan").GetDecimal(), federation.GetProperty("net_assets_yuan").GetDecimal())
            .ShouldBe((2025, 116_500m, 274_200m));

        // The demo supervising unit has an annual report waiting for its 初审 (教育发展基金会 2025, annual-report-filings).
        var supervisor = await app.SignedInClientAsync(("supervisor@demo.local", "Demo-supervisor-2026"));
        var desk = await supervisor.GetDocumentAsync("/Inspections/Unit");
        desk.QuerySelector("[data-testid=unit-reports]")!.TextContent.ShouldContain("宁波市海曙区教育发展基金会");
    }
}

/// <summary>A database of its own: the demo adds organizations and accounts the shared fixtures do not expect.</summary>
public sealed class DemoSqliteApp() : AppFixture(DatabaseKind.Sqlite);

public sealed class DemoPostgreSqlApp() : AppFixture(DatabaseKind.PostgreSql);

public sealed class DemoRecipeTestsOnSqlite(DemoSqliteApp app) : DemoRecipeTests<DemoSqliteApp>(app), IClassFixture<DemoSqliteApp>;

public sealed class DemoRecipeTestsOnPostgreSql(DemoPostgreSqlApp app) : DemoRecipeTests<DemoPostgreSqlApp>(app), IClassFixture<DemoPostgreSqlApp>;
