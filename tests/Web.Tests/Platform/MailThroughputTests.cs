using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Mail;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Issue 26 item 12: a backlog of mail is not sent at 20 per poll; one pass takes a whole configured batch.</summary>
public abstract class MailThroughputTests<TApp>(TApp app)
    where TApp : SlowPollApp
{
    [Fact]
    public async Task SendDue_WithABacklogOf150_SendsTheConfiguredBatchOf100PerPass()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
            for (var i = 0; i < 150; i++)
            {
                outbox.Add($"bulk-{tag}-{i}@example.org", "ResetPassword", new Dictionary<string, string> { ["name"] = "批量", ["resetLink"] = "https://shzz.example.gov.cn/x" }, "zh-CN");
            }

            await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        }

        var dispatcher = app.Factory.Services.GetRequiredService<MailDispatcher>();
        (await dispatcher.SendDueAsync(CancellationToken.None)).ShouldBe(100);
        (await dispatcher.SendDueAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(50);

        await using var check = app.Scope();
        (await check.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<MailMessage>().CountAsync(m => m.To.StartsWith("bulk-" + tag) && m.Status == MailStatus.Sent)).ShouldBe(150);
    }
}

/// <summary>The app whose own mail dispatcher does not run, so a test's passes are the only ones (a background pass at start raced the test's first).</summary>
public abstract class SlowPollApp(DatabaseKind kind) : AppFixture(kind)
{
    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Mail:Dispatch"] = "false", ["Registry:Mail:BatchSize"] = "100" });
}

public sealed class SqliteSlowPollApp() : SlowPollApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlSlowPollApp() : SlowPollApp(DatabaseKind.PostgreSql);

public sealed class MailThroughputTestsOnSqlite(SqliteSlowPollApp app) : MailThroughputTests<SqliteSlowPollApp>(app), IClassFixture<SqliteSlowPollApp>;

public sealed class MailThroughputTestsOnPostgreSql(PostgreSqlSlowPollApp app) : MailThroughputTests<PostgreSqlSlowPollApp>(app), IClassFixture<PostgreSqlSlowPollApp>;
