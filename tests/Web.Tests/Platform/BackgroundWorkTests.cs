using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Files;
using Registry.Core.Mail;
using Registry.Core.Outbox;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>Records what the change feed delivered, to prove each event arrives exactly once.</summary>
public sealed class RecordingConsumer : IOutboxConsumer
{
    public ConcurrentQueue<long> Seen { get; } = new();

    /// <summary>When set, the consumer fails on this message id (a crash mid-batch).</summary>
    public long? FailOn { get; set; }

    /// <summary>How often the failing message was tried: a retry proves the dispatcher came back to it rather than skipping it.</summary>
    public int FailedAttempts => _failedAttempts;

    private int _failedAttempts;

    public string Name => "test-recorder";

    public bool PerNode => false;

    public bool Accepts(string topic) => topic.StartsWith("test.", StringComparison.Ordinal);

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Id == FailOn)
        {
            Interlocked.Increment(ref _failedAttempts);
            throw new InvalidOperationException("simulated crash");
        }

        Seen.Enqueue(message.Id);
        return Task.CompletedTask;
    }
}

public sealed class FeedApp() : AppFixture(DatabaseKind.Sqlite)
{
    public RecordingConsumer Consumer { get; } = new();

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, services: s => s.AddSingleton<IOutboxConsumer>(Consumer));
}

public sealed class ChangeFeedTests(FeedApp app) : IClassFixture<FeedApp>
{
    [Fact]
    public async Task Outbox_AfterCrashMidBatch_ResumesWithoutLosingOrRepeating()
    {
        var ids = await PublishAsync(20);
        app.Consumer.FailOn = ids[10];
        await WaitUntilAsync(() => app.Consumer.Seen.Count(ids.Contains) >= 10 && app.Consumer.FailedAttempts >= 2);
        app.Consumer.Seen.Count(ids.Contains).ShouldBe(10);

        app.Consumer.FailOn = null;
        await WaitUntilAsync(() => app.Consumer.Seen.Count(ids.Contains) >= 20);
        var delivered = app.Consumer.Seen.Where(ids.Contains).ToList();
        delivered.ShouldBe(ids);

        await using var scope = app.Scope();
        var checkpoint = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<OutboxCheckpoint>().SingleAsync(c => c.Consumer == "test-recorder");
        checkpoint.LastId.ShouldBeGreaterThanOrEqualTo(ids[^1]);
    }

    [Fact]
    public async Task Outbox_ManyMessagesOfOtherTopicsBetween_EachOfItsOwnDeliveredOnceInOrder()
    {
        // More of its own than one pass handles (200), among many more of other topics (one pass looks at 5,000).
        List<long> ids;
        await using (var scope = app.Scope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = 0; i < 6_000; i++)
            {
                outbox.Publish(i % 20 == 7 ? "test.mixed" : "other.event", new { i });
            }

            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.SaveChangesAsync();
            ids = await db.Set<OutboxMessage>().Where(m => m.Topic == "test.mixed").OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        }

        ids.Count.ShouldBe(300);
        await WaitUntilAsync(() => app.Consumer.Seen.Count(ids.Contains) >= ids.Count);
        app.Consumer.Seen.Where(ids.Contains).ToList().ShouldBe(ids);
    }

    private async Task<List<long>> PublishAsync(int count)
    {
        await using var scope = app.Scope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        for (var i = 0; i < count; i++)
        {
            outbox.Publish("test.event", new { i });
        }

        await db.SaveChangesAsync();
        return await db.Set<OutboxMessage>().Where(m => m.Topic == "test.event").OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    internal static Task WaitUntilAsync(Func<bool> condition) => Eventually.HoldsAsync(condition, "the change feed reaches the expected state");
}

/// <summary>An SMTP server that is down: mail must wait and retry, not vanish.</summary>
public sealed class MailDownApp() : AppFixture(DatabaseKind.Sqlite)
{
    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Mail:Port"] = "9" });
}

public sealed class MailRetryTests(MailDownApp app) : IClassFixture<MailDownApp>
{
    [Fact]
    public async Task Mail_WhenSmtpIsDown_StaysQueuedWithBackoff()
    {
        long id;
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<IMailOutbox>().Add("someone@example.org", "ConfirmEmail", new Dictionary<string, string> { ["name"] = "x", ["confirmLink"] = "http://localhost/" }, "zh-CN");
            var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
            await db.SaveChangesAsync();
            id = await db.Set<MailMessage>().MaxAsync(m => m.Id);
        }

        MailMessage mail = null!;
        await ChangeFeedTests.WaitUntilAsync(() =>
        {
            using var scope = app.Scope();
            mail = scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<MailMessage>().AsNoTracking().Single(m => m.Id == id);
            return mail.Attempts >= 1;
        });
        mail.Status.ShouldBe(MailStatus.Pending);
        mail.LastError.ShouldNotBeNullOrEmpty();
        mail.NextAttemptAt.ShouldBeGreaterThan(DateTime.UtcNow.AddSeconds(20));
        mail.SentAt.ShouldBeNull();
    }
}

public sealed class FileStoreTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task Upload_ValidPdf_IsStoredOutsideWwwroot_AndOnlyAuthorizedUsersDownloadIt()
    {
        var file = await SaveAsync(Pdf, "章程.pdf");
        file.File.ShouldNotBeNull();
        var root = Path.Combine(app.Factory.Database.Directory, "files");
        File.Exists(Path.Combine(root, file.File.Sha256[..2], file.File.Sha256)).ShouldBeTrue();

        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        using var allowed = await officer.GetAsync(new Uri($"/files/{file.File.Id}", UriKind.Relative));
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        allowed.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await allowed.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);

        var applicant = await app.SignedInClientAsync(TestAccounts.Applicant);
        using var refused = await applicant.GetAsync(new Uri($"/files/{file.File.Id}", UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_ExecutableRenamedToPdf_IsRefused()
    {
        var result = await SaveAsync([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "charter.pdf");
        result.Succeeded.ShouldBeFalse();
        result.ErrorKey.ShouldBe("Files.TypeNotAllowed");
    }

    [Fact]
    public async Task Upload_PdfNamedAsImage_IsRefused()
    {
        var result = await SaveAsync(Pdf, "photo.png");
        result.ErrorKey.ShouldBe("Files.ExtensionMismatch");
    }

    [Fact]
    public async Task Upload_TooLarge_IsRefusedAndLeavesNothingBehind()
    {
        var big = new byte[21 * 1024 * 1024];
        Pdf.CopyTo(big, 0);
        var result = await SaveAsync(big, "big.pdf");
        result.ErrorKey.ShouldBe("Files.TooLarge");
        System.IO.Directory.EnumerateFiles(Path.Combine(app.Factory.Database.Directory, "files"), "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    private async Task<FileUploadResult> SaveAsync(byte[] content, string name)
    {
        await using var scope = app.Scope();
        using var stream = new MemoryStream(content);
        var result = await scope.ServiceProvider.GetRequiredService<IFileStore>().SaveAsync(stream, name, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        return result;
    }
}

/// <summary>A tight sign-in rate limit, to see it answer 429.</summary>
public sealed class RateLimitedApp() : AppFixture(DatabaseKind.Sqlite)
{
    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:RateLimit:AuthPermitsPerMinute"] = "3" });
}

public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task SignIn_BeyondTheLimit_IsAnswered429()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "Wrong-password-1" });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(3).ShouldAllBe(s => s == HttpStatusCode.OK);
        statuses.Skip(3).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }
}
