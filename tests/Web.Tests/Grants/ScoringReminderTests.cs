using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Grants.Domain;
using Registry.Grants.Services;
using Registry.Web.Tests.Ratings;
using static Registry.Web.Tests.Grants.GrantSteps;
using static Registry.Web.Tests.Grants.GrantsApp;

namespace Registry.Web.Tests.Grants;

/// <summary>
/// The scoring reminder job on the fixture's clock, on each provider (one timeline per class): a reviewer whose sheet is
/// unfinished is reminded two working days before the round's scoring deadline, once; one who submitted is not.
/// </summary>
public abstract class ScoringReminderTests<TApp>(TApp app)
    where TApp : GrantsApp
{
    private Task<int?> RunAsync() => app.WithAsync<ScoringReminders, int?>(j => j.RunOnceAsync(CancellationToken.None));

    [Fact]
    public async Task Reminders_BeforeTheScoringDeadline_OncePerReviewerWithAnUnfinishedSheet()
    {
        var due = app.Today.AddDays(28);
        var roundId = await app.OpenRoundAsync(closesIn: TimeSpan.FromDays(2), configure: r => r.ScoringDueOn = due);
        var id = await app.PassedAsync(roundId, MemberServiceCentre, Project("评分提醒"));
        var (slow, done) = (await app.UserIdAsync(Reviewers[0]), await app.UserIdAsync(Reviewers[1]));
        (await app.OnApplicationAsync(id, (s, a) => s.GetRequiredService<ReviewService>().AssignAsync(a, [slow, done], CancellationToken.None))).ShouldSucceed();
        (await app.ScoreAsync(id, Reviewers[1], 0.8m)).ShouldSucceed();
        var remindOn = ScoringReminderRules.RemindOn(await app.WithAsync<ICalendarProvider, WorkingDayCalendar>(c => c.GetAsync(CancellationToken.None)), due, 2);
        var (slowBefore, doneBefore) = (await app.NoticesAsync(Reviewers[0], "Grant.ScoringDue"), await app.NoticesAsync(Reviewers[1], "Grant.ScoringDue"));

        app.MoveTo(remindOn.AddDays(-1));
        (await RunAsync()).ShouldBe(0);
        app.MoveTo(remindOn);
        (await RunAsync()).ShouldBe(1);
        (await RunAsync()).ShouldBe(0);
        app.MoveTo(due);
        (await RunAsync()).ShouldBe(0);

        (await app.NoticesAsync(Reviewers[0], "Grant.ScoringDue")).ShouldBe(slowBefore + 1);
        (await app.NoticesAsync(Reviewers[1], "Grant.ScoringDue")).ShouldBe(doneBefore);
    }
}

public sealed class ScoringReminderTestsOnSqlite(GrantsSqliteApp app) : ScoringReminderTests<GrantsSqliteApp>(app), IClassFixture<GrantsSqliteApp>;

public sealed class ScoringReminderTestsOnPostgreSql(GrantsPostgreSqlApp app) : ScoringReminderTests<GrantsPostgreSqlApp>(app), IClassFixture<GrantsPostgreSqlApp>;
