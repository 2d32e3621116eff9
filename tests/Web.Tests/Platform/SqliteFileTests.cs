using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>How the site lays out a new SQLite file (the embedded default).</summary>
public sealed class SqliteFileTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task NewDatabase_Has16KiBPages_AndWriteAheadLog()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        (await db.Database.SqlQueryRaw<long>("SELECT page_size AS Value FROM pragma_page_size()").SingleAsync()).ShouldBe(16384);
        (await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode()").SingleAsync()).ShouldBe("wal");
    }
}
