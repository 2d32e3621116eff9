using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Calendar;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;

namespace Registry.Web.Tests.Platform;

/// <summary>An administrator adds next year's holidays; bad data is refused and nothing is saved.</summary>
public sealed class CalendarAdminTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task AddYear_ValidNotice_MakesDeadlinesIntoThatYearComputable()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using var response = await admin.SubmitFormAsync("/Admin/Calendar/Add", new Dictionary<string, string>
        {
            ["Input.Year"] = "2027",
            ["Input.Source"] = "测试：2027年节假日安排",
            ["Input.Holidays"] = "元旦,2027-01-01,2027-01-03\n春节,2027-02-06,2027-02-12",
            ["Input.Workdays"] = "2027-02-14",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = app.Scope();
        var calendar = await scope.ServiceProvider.GetRequiredService<ICalendarProvider>().GetAsync(CancellationToken.None);
        calendar.IsWorkingDay(new DateOnly(2027, 2, 8)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2027, 2, 14)).ShouldBeTrue();
        (await admin.GetStringAsync(new Uri("/Admin/Calendar", UriKind.Relative))).ShouldContain("2027");
    }

    [Fact]
    public async Task AddYear_RangeEndingBeforeItStarts_IsRefusedAndNothingSaved()
    {
        var admin = await app.SignedInClientAsync(TestAccounts.Admin);
        using var response = await admin.SubmitFormAsync("/Admin/Calendar/Add", new Dictionary<string, string>
        {
            ["Input.Year"] = "2028",
            ["Input.Source"] = "错误数据",
            ["Input.Holidays"] = "春节,2028-02-10,2028-02-01",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("日历数据有误");

        await using var scope = app.Scope();
        var calendar = await scope.ServiceProvider.GetRequiredService<ICalendarProvider>().GetAsync(CancellationToken.None);
        calendar.Years.ShouldNotContain(2028);
    }
}
