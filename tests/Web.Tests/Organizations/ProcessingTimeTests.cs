using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Core.Localization;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;
using Registry.Testing;
using Registry.Web.Data;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Organizations;

/// <summary>
/// The test recipe plus decided applications of September to November 2025 whose working days are counted by hand (the
/// 2025 notice: 国庆节 1–8 October, Sunday 28 September worked), and one of 2024, a year without a holiday notice.
/// </summary>
public abstract class ProcessingTimeApp(DatabaseKind kind) : ClockedApp(kind, null, new Dictionary<string, string?>())
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        db.AddRange(
            // 4: decided at 00:00 on Friday in Beijing (still Thursday in UTC).
            Decided("处理时限测试北京时间零点", new(2025, 9, 1), Utc(2025, 9, 4, 16, 0, 0)),
            // 3: a second earlier, Thursday in Beijing.
            Decided("处理时限测试北京时间午夜前", new(2025, 9, 1), Utc(2025, 9, 4, 15, 59, 59)),
            // 5: across 国庆节, with the Sunday worked before it.
            Decided("处理时限测试跨国庆", new(2025, 9, 26), Utc(2025, 10, 10, 2, 0, 0)),
            // 2 + 2 + 1: two corrections stop the clock twice.
            Decided("处理时限测试两次补正", new(2025, 11, 3), Utc(2025, 11, 14, 2, 0, 0), (new(2025, 11, 5), new(2025, 11, 10)), (new(2025, 11, 12), new(2025, 11, 13))),
            // 4: a correction requested before acceptance does not stop the clock.
            Decided("处理时限测试受理前补正", new(2025, 11, 3), Utc(2025, 11, 7, 2, 0, 0), (new(2025, 10, 27), new(2025, 10, 31))),
            // 0: dated before its acceptance (not written by the app): no negative days.
            Decided("处理时限测试决定早于受理", new(2025, 11, 20), Utc(2025, 11, 18, 2, 0, 0)),
            // 2: accepted the same day as the one above, Thursday to Monday.
            Decided("处理时限测试同日受理", new(2025, 11, 20), Utc(2025, 11, 24, 2, 0, 0)),
            // 3: refused while a correction was outstanding; the clock stood still from Thursday.
            Decided("处理时限测试补正未回", new(2025, 11, 3), Utc(2025, 11, 21, 2, 0, 0), (new(2025, 11, 6), null)),
            // Outside the figure: not decided, decided without acceptance, decided just outside the months.
            Application("处理时限测试在办", ApplicationState.Accepted, new(2025, 9, 1), null),
            Application("处理时限测试未受理即决定", ApplicationState.Approved, null, Utc(2025, 10, 15, 2, 0, 0)),
            Decided("处理时限测试八月末", new(2025, 8, 25), Utc(2025, 8, 31, 15, 59, 59)),
            Decided("处理时限测试十二月初", new(2025, 11, 24), Utc(2025, 11, 30, 16, 0, 0)),
            // A year without a holiday notice.
            Decided("处理时限测试2024", new(2024, 6, 3), Utc(2024, 6, 7, 2, 0, 0)));
        await db.SaveChangesAsync();
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second) => new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    private static RegistrationApplication Decided(string title, DateOnly acceptedOn, DateTime decidedAt, params (DateOnly From, DateOnly? To)[] corrections)
    {
        var application = Application(title, ApplicationState.Rejected, acceptedOn, decidedAt);
        foreach (var (from, to) in corrections)
        {
            application.Corrections.Add(new CorrectionRequest { RequestedOn = from, ResubmittedOn = to, RequestedBy = "processing-test", Deficiencies = "补正测试" });
        }

        return application;
    }

    private static RegistrationApplication Application(string title, ApplicationState state, DateOnly? acceptedOn, DateTime? decidedAt) => new()
    {
        Kind = ApplicationKind.NameApproval, State = state, OrganizationType = OrganizationType.SocialGroup, ApplicantUserId = "processing-test",
        Title = title, CreatedAt = decidedAt ?? DateTime.UnixEpoch, UpdatedAt = decidedAt ?? DateTime.UnixEpoch, AcceptedOn = acceptedOn, DecidedAt = decidedAt,
    };
}

public sealed class ProcessingTimeSqliteApp() : ProcessingTimeApp(DatabaseKind.Sqlite);

public sealed class ProcessingTimePostgreSqlApp() : ProcessingTimeApp(DatabaseKind.PostgreSql);

/// <summary>The average processing time of the reports and the annual report: working days from acceptance to the decision's day in Beijing, pauses not counted.</summary>
public abstract class ProcessingTimeTests<TApp>(TApp app)
    where TApp : ProcessingTimeApp
{
    [Fact]
    public async Task ProcessingTime_CountedByHand_AveragesTheDecisionsOfThePeriod()
    {
        var time = await TimeAsync(new DateOnly(2025, 9, 1), new DateOnly(2025, 11, 30));

        // 4 + 3 + 5 + 5 + 4 + 0 + 2 + 3 = 26 working days over 8 decisions.
        time.ShouldBe(new ProcessingTime(8, 3.25));
    }

    [Fact]
    public async Task ProcessingTime_OneDecisionAtATime_AgreesWithTheDeadlineRules()
    {
        var (from, to) = (new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var expected = await app.InScopeAsync(async services =>
        {
            var calendar = await services.GetRequiredService<ICalendarProvider>().GetAsync(CancellationToken.None);
            var applications = await services.GetRequiredService<RegistryDbContext>().Set<RegistrationApplication>().Include(a => a.Corrections)
                .Where(a => (a.State == ApplicationState.Approved || a.State == ApplicationState.Rejected) && a.AcceptedOn != null
                    && a.DecidedAt >= ChinaTime.StartUtc(from) && a.DecidedAt < ChinaTime.StartUtc(to.AddDays(1)))
                .ToListAsync();
            var days = applications.Select(a => Deadline.Elapsed(calendar, a.AcceptedOn!.Value, a.Pauses, ChinaTime.Date(a.DecidedAt!.Value))).ToList();
            return new ProcessingTime(days.Count, days.Average());
        });

        var time = await TimeAsync(from, to);

        time.Decided.ShouldBe(expected.Decided);
        time.AverageWorkingDays.ShouldNotBeNull().ShouldBe(expected.AverageWorkingDays!.Value, tolerance: 1e-9);
    }

    [Fact]
    public async Task ProcessingTime_YearWithoutAHolidayNotice_CountsTheDecisionsButStatesNoAverage() =>
        (await TimeAsync(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))).ShouldBe(new ProcessingTime(1, null));

    [Fact]
    public async Task ProcessingTime_NoDecisions_IsZeroWithoutAnAverage() =>
        (await TimeAsync(new DateOnly(2025, 12, 2), new DateOnly(2025, 12, 31))).ShouldBe(new ProcessingTime(0, null));

    private Task<ProcessingTime> TimeAsync(DateOnly first, DateOnly last) =>
        app.WithAsync<IRegistrationFigures, ProcessingTime>(f => f.ProcessingTimeAsync(ChinaTime.StartUtc(first), ChinaTime.StartUtc(last.AddDays(1)), CancellationToken.None));
}

public sealed class ProcessingTimeTestsOnSqlite(ProcessingTimeSqliteApp app) : ProcessingTimeTests<ProcessingTimeSqliteApp>(app), IClassFixture<ProcessingTimeSqliteApp>;

public sealed class ProcessingTimeTestsOnPostgreSql(ProcessingTimePostgreSqlApp app) : ProcessingTimeTests<ProcessingTimePostgreSqlApp>(app), IClassFixture<ProcessingTimePostgreSqlApp>;
