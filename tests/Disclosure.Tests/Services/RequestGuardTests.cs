using Registry.Core.Calendar;
using Registry.Disclosure.Domain;
using Registry.Disclosure.Services;

namespace Registry.Disclosure.Tests.Services;

/// <summary>The guards that need the clock, on a request received Monday 2 March 2026 (due 30 March).</summary>
public sealed class RequestGuardTests
{
    private static readonly DateOnly Received = new(2026, 3, 2);

    private readonly WorkingDayCalendar _calendar = new(HolidayCalendarJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"))));

    [Theory]
    [InlineData(11, true)]
    [InlineData(12, false)]
    public void Guard_Art30CorrectionNotice_OnlyWithinSevenWorkingDaysOfReceipt(int day, bool allowed)
    {
        var request = Request(RequestState.Received);

        var refusal = Guard(request, RequestTrigger.RequestCorrection, new StepInput(10, null, "请写明所需文件的年份"), new DateOnly(2026, 3, day));

        (refusal is null).ShouldBe(allowed);
        if (!allowed)
        {
            refusal!.Errors.Single().Key.ShouldBe("Disclosure.Error.CorrectionTooLate");
        }
    }

    [Fact]
    public void Guard_Art30SecondCorrectionNotice_IsRefused()
    {
        var request = Request(RequestState.Received, (RequestEventKind.CorrectionRequested, new DateOnly(2026, 3, 3), 5), (RequestEventKind.Corrected, new DateOnly(2026, 3, 4), null));

        Guard(request, RequestTrigger.RequestCorrection, new StepInput(5, null, "再次补正"), new DateOnly(2026, 3, 5))!.Errors.Single().Key.ShouldBe("Disclosure.Error.CorrectionOnce");
    }

    [Theory]
    [InlineData(0, "Disclosure.Error.ExtensionDays")]
    [InlineData(21, "Disclosure.Error.ExtensionDays")]
    [InlineData(20, null)]
    public void Guard_Art33Extension_AtMostTwentyWorkingDays(int days, string? error)
    {
        var refusal = Guard(Request(RequestState.Received), RequestTrigger.Extend, new StepInput(days, "办公室主任 李某", "涉及档案调阅"), new DateOnly(2026, 3, 20));

        refusal?.Errors.Single().Key.ShouldBe(error);
        if (error is null)
        {
            refusal.ShouldBeNull();
        }
    }

    [Fact]
    public void Guard_Art33Extension_NeedsTheApprovingHead() =>
        Guard(Request(RequestState.Received), RequestTrigger.Extend, new StepInput(10, " ", "理由"), new DateOnly(2026, 3, 20))!.Errors.Single().Key.ShouldBe("Disclosure.Error.ApproverRequired");

    [Fact]
    public void Guard_Art33SecondExtension_IsRefused()
    {
        var request = Request(RequestState.Received, (RequestEventKind.Extended, new DateOnly(2026, 3, 20), 5));

        Guard(request, RequestTrigger.Extend, new StepInput(5, "主任", "再延"), new DateOnly(2026, 3, 23))!.Errors.Single().Key.ShouldBe("Disclosure.Error.ExtensionOnce");
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Guard_Art33Extension_OnlyUntilTheDueDay(int day, bool allowed) =>
        (Guard(Request(RequestState.Received), RequestTrigger.Extend, new StepInput(10, "主任", "理由"), new DateOnly(2026, 3, day)) is null).ShouldBe(allowed);

    [Theory]
    [InlineData(19, false)]
    [InlineData(20, true)]
    public void Guard_Art30Abandon_OnlyAfterTheCorrectionPeriodEnded(int day, bool allowed)
    {
        // Asked on 5 March for 10 working days: the period ends on 19 March.
        var request = Request(RequestState.AwaitingCorrection, (RequestEventKind.CorrectionRequested, new DateOnly(2026, 3, 5), 10));

        (Guard(request, RequestTrigger.Abandon, new StepInput(), new DateOnly(2026, 3, day)) is null).ShouldBe(allowed);
    }

    [Fact]
    public void Guard_TriggerNotInTheTable_IsRefusedWithTheStateNamed() =>
        Guard(Request(RequestState.Answered), RequestTrigger.Extend, new StepInput(5, "主任", "理由"), new DateOnly(2026, 3, 5))!.Errors.Single()
            .Args.ShouldBe(["Disclosure.Trigger.Extend", "Disclosure.State.Answered"]);

    private Core.Forms.OperationResult? Guard(DisclosureRequest request, RequestTrigger trigger, StepInput input, DateOnly today) =>
        RequestService.Guard(request, trigger, input, RequestClock.Compute(_calendar, request.ReceivedOn, request.Events, today), today);

    private static DisclosureRequest Request(RequestState state, params (RequestEventKind Kind, DateOnly On, int? Days)[] events)
    {
        var request = new DisclosureRequest { ReceiptNumber = "YSQ-2026-000001", ReceivedOn = Received, State = state };
        request.Events.Add(new RequestEvent { Id = 1, Kind = RequestEventKind.Received, On = Received, At = Received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc) });
        var id = 2;
        foreach (var (kind, on, days) in events)
        {
            request.Events.Add(new RequestEvent { Id = id++, Kind = kind, On = on, At = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), Days = days });
        }

        return request;
    }
}
