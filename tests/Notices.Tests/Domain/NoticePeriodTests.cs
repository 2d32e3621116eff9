using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Tests.Domain;

public sealed class NoticePeriodTests
{
    private static readonly DateOnly Start = new(2026, 11, 20);
    private static readonly DateOnly End = new(2026, 11, 26);

    [Theory]
    [InlineData("2026-11-19", PeriodState.NotStarted)]
    [InlineData("2026-11-20", PeriodState.Open)]
    [InlineData("2026-11-23", PeriodState.Open)]
    [InlineData("2026-11-26", PeriodState.Open)]
    [InlineData("2026-11-27", PeriodState.Ended)]
    public void StateOn_DayAroundThePeriod_BothEndsInclusive(string today, PeriodState expected) =>
        NoticePeriod.StateOn(Start, End, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    [Fact]
    public void StateOn_NoPeriod_IsNone() => NoticePeriod.StateOn(null, null, Start).ShouldBe(PeriodState.None);

    [Theory]
    [InlineData(NoticeStatus.Published, true, "2026-11-23", true)]
    [InlineData(NoticeStatus.Published, true, "2026-11-27", false)]
    [InlineData(NoticeStatus.Published, true, "2026-11-19", false)]
    [InlineData(NoticeStatus.Published, false, "2026-11-23", false)]
    [InlineData(NoticeStatus.Draft, true, "2026-11-23", false)]
    [InlineData(NoticeStatus.Withdrawn, true, "2026-11-23", false)]
    public void IsOpenForObjections_StatusSwitchAndDay_OnlyPublishedAcceptingAndOpen(NoticeStatus status, bool accepts, string today, bool expected)
    {
        var notice = new Notice { Status = status, AcceptsObjections = accepts, PeriodStart = Start, PeriodEnd = End };

        notice.IsOpenForObjections(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    [Fact]
    public void Check_ObjectionsWithoutPeriod_AreRefused() =>
        new NoticeFields("标题", NoticeKind.RatingResult, "正文", null, null, AcceptsObjections: true).Check()
            .Select(e => e.Key).ShouldBe(["Notices.Error.ObjectionsNeedPeriod"]);

    [Fact]
    public void Check_PeriodEndingBeforeItStarts_IsRefused() =>
        new NoticeFields("标题", NoticeKind.RatingResult, "正文", End, Start, AcceptsObjections: false).Check()
            .Select(e => e.Key).ShouldBe(["Notices.Error.PeriodReversed"]);

    [Fact]
    public void Check_HalfAPeriod_IsRefused() =>
        new NoticeFields("标题", NoticeKind.Policy, "正文", Start, null, AcceptsObjections: false).Check()
            .Select(e => e.Key).ShouldBe(["Notices.Error.PeriodIncomplete"]);

    [Theory]
    [InlineData("someone@example.cn", true)]
    [InlineData(" someone@example.cn ", true)]
    [InlineData("0574-87654321", false)]
    [InlineData("13800000000", false)]
    [InlineData("张三 zhang@", false)]
    [InlineData("", false)]
    public void IsEmail_Contact_RecognizesAddressesOnly(string contact, bool expected) =>
        NoticeService.IsEmail(contact).ShouldBe(expected);
}
