using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Registry.Core.Notifications;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>The app on a clock the test moves: Monday 2026-11-23, 10:00 in Beijing.</summary>
public sealed class FakeClockApp() : AppFixture(DatabaseKind.Sqlite)
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Registry:Organizations:DueReminders"] = "false" }, services: s => s.AddSingleton<TimeProvider>(Clock));
}

public sealed class ReminderTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task DueSoon_WarnsOfficersOnceADay_AndAgainTheNextDay()
    {
        // Name approval: promised 5 working days. Accepted Wed 11-18 → due Wed 11-25; on Mon 11-23 two working days are left.
        var id = await AcceptedApplicationAsync(new DateOnly(2026, 11, 18));

        (await RunAsync()).ShouldBe(1);
        (await OfficerNoticesAsync(id)).ShouldBe(1);
        (await RunAsync()).ShouldBe(0);
        (await OfficerNoticesAsync(id)).ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromDays(1));
        (await RunAsync()).ShouldBe(1);
        (await OfficerNoticesAsync(id)).ShouldBe(2);
    }

    [Fact]
    public async Task FarFromDue_NoWarning()
    {
        var id = await AcceptedApplicationAsync(ChinaToday());
        await RunAsync();
        (await OfficerNoticesAsync(id)).ShouldBe(0);
    }

    private DateOnly ChinaToday() => Core.Localization.ChinaTime.Today(app.Clock);

    private async Task<int> AcceptedApplicationAsync(DateOnly acceptedOn)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var application = new RegistrationApplication
        {
            Kind = ApplicationKind.NameApproval,
            State = ApplicationState.Accepted,
            ApplicantUserId = "nobody",
            Title = "宁波市海曙区提醒测试" + Guid.NewGuid().ToString("N")[..6],
            ReceiptNumber = "DJ-2026-9" + Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            AcceptedOn = acceptedOn,
            CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
            UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        db.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<DueSoonReminders>().RunOnceAsync(CancellationToken.None);
    }

    private async Task<int> OfficerNoticesAsync(int applicationId)
    {
        await using var scope = app.Scope();
        var link = $"/Organizations/Admin/Applications/{applicationId}";
        var officerId = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Users.Where(u => u.Email == TestAccounts.Officer.Email).Select(u => u.Id).SingleAsync();
        return await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Set<Notification>().CountAsync(n => n.UserId == officerId && n.Link == link);
    }
}
