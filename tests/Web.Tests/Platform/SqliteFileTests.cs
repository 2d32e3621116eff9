using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Data;
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

    [Fact]
    public async Task BulkWrite_WidensTheCacheAndKeepsJournalsInMemory_ThenRestoresBoth()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        async Task<(long Cache, long Temp)> SettingsAsync() =>
            (await db.Database.SqlQueryRaw<long>("SELECT cache_size AS Value FROM pragma_cache_size()").SingleAsync(),
             await db.Database.SqlQueryRaw<long>("SELECT temp_store AS Value FROM pragma_temp_store()").SingleAsync());
        await db.Database.OpenConnectionAsync();
        var before = await SettingsAsync();

        await using (await db.SqliteBulkWriteAsync(64, CancellationToken.None))
        {
            // The journals' place is taken when a transaction begins, so the settings come before it.
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await SettingsAsync()).ShouldBe((-64L * 1024, 2L));
            await transaction.CommitAsync();
        }

        (await SettingsAsync()).ShouldBe(before);
        await db.Database.CloseConnectionAsync();
    }

    [Fact]
    public async Task BulkWrite_InsideATransaction_IsRefused()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Should.ThrowAsync<InvalidOperationException>(() => db.SqliteBulkWriteAsync(64, CancellationToken.None));
    }
}
