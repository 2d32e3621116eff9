using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Reports;

/// <summary>The app with the test-reports recipe (the seed's figures as raw records) loaded on top of the test recipe.</summary>
public abstract class ReportsApp(DatabaseKind kind) : ClockedApp(kind, "test-reports.recipe.json", new Dictionary<string, string?>())
{
    /// <summary>The year the recipe's figures are reported in (its 2025 inspection is carried out in 2026).</summary>
    public const int Year = 2026;
}

public sealed class ReportsSqliteApp() : ReportsApp(DatabaseKind.Sqlite);

public sealed class ReportsPostgreSqlApp() : ReportsApp(DatabaseKind.PostgreSql);
