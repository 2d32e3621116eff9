using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class RoundWorkflowTests
{
    // The round's stages as issue 25 item 3 states them, written out by hand so the test does not read the machine it
    // checks: screening may start at any time (it ends submissions), the shortlist only once the call has closed, the
    // awards only after the shortlist.
    private static readonly (RoundStage From, RoundTrigger Trigger, bool CallClosed, RoundStage To)[] Allowed =
    [
        (RoundStage.Open, RoundTrigger.StartScreening, false, RoundStage.Screening),
        (RoundStage.Open, RoundTrigger.StartScreening, true, RoundStage.Screening),
        (RoundStage.Screening, RoundTrigger.PublishShortlist, true, RoundStage.Shortlisted),
        (RoundStage.Shortlisted, RoundTrigger.Award, false, RoundStage.Awarded),
        (RoundStage.Shortlisted, RoundTrigger.Award, true, RoundStage.Awarded),
    ];

    private static readonly DateTime Closes = TestRounds.ClosesAt;

    public static TheoryData<RoundStage, RoundTrigger, bool, RoundStage> AllowedTransitions()
    {
        var data = new TheoryData<RoundStage, RoundTrigger, bool, RoundStage>();
        foreach (var (from, trigger, closed, to) in Allowed)
        {
            data.Add(from, trigger, closed, to);
        }

        return data;
    }

    /// <summary>Every (stage, trigger, call closed) not in <see cref="Allowed"/>: generated, so a new enum member is covered at once.</summary>
    public static TheoryData<RoundStage, RoundTrigger, bool> RefusedTransitions()
    {
        var data = new TheoryData<RoundStage, RoundTrigger, bool>();
        foreach (var stage in Enum.GetValues<RoundStage>())
        {
            foreach (var trigger in Enum.GetValues<RoundTrigger>())
            {
                foreach (var closed in new[] { false, true })
                {
                    if (!Allowed.Any(a => a.From == stage && a.Trigger == trigger && a.CallClosed == closed))
                    {
                        data.Add(stage, trigger, closed);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Next_AllowedTransition_ReturnsTargetStage(RoundStage from, RoundTrigger trigger, bool callClosed, RoundStage to)
    {
        RoundWorkflow.Next(from, trigger, callClosed).ShouldBe(to);
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Next_TransitionNotInTable_ReturnsNull(RoundStage from, RoundTrigger trigger, bool callClosed)
    {
        RoundWorkflow.Next(from, trigger, callClosed).ShouldBeNull();
    }

    [Fact]
    public void RefusedTransitions_WithAllowedTable_CoverTheWholeCrossProduct()
    {
        // 4 stages × 3 triggers × call open/closed = 24; 5 allowed, so 19 refused.
        var cases = Enum.GetValues<RoundStage>().Length * Enum.GetValues<RoundTrigger>().Length * 2;

        (RefusedTransitions().Count + Allowed.Length).ShouldBe(cases);
    }

    [Fact]
    public void Next_ShortlistWhileTheCallIsOpen_Refused()
    {
        RoundWorkflow.Next(RoundStage.Screening, RoundTrigger.PublishShortlist, callClosed: false).ShouldBeNull();
    }

    [Theory]
    [InlineData(RoundStage.Open, false)]
    [InlineData(RoundStage.Open, true)]
    [InlineData(RoundStage.Screening, false)]
    [InlineData(RoundStage.Screening, true)]
    [InlineData(RoundStage.Shortlisted, false)]
    [InlineData(RoundStage.Awarded, true)]
    public void Permitted_AnyStage_ListsExactlyTheTableTriggers(RoundStage stage, bool callClosed)
    {
        var expected = Allowed.Where(a => a.From == stage && a.CallClosed == callClosed).Select(a => a.Trigger).Order();

        RoundWorkflow.Permitted(stage, callClosed).Order().ShouldBe(expected);
    }

    [Fact]
    public void CallClosed_OneTickBeforeAndAtTheClosingInstant_OpenThenClosed()
    {
        var round = TestRounds.Haishu();

        (RoundWorkflow.CallClosed(round, Closes.AddTicks(-1)), RoundWorkflow.CallClosed(round, Closes)).ShouldBe((false, true));
    }

    [Fact]
    public void AcceptsSubmissions_OpenStageOneTickBeforeAndAtTheClosingInstant_AcceptedThenRefused()
    {
        var round = TestRounds.Haishu();

        (RoundWorkflow.AcceptsSubmissions(round, Closes.AddTicks(-1)), RoundWorkflow.AcceptsSubmissions(round, Closes)).ShouldBe((true, false));
    }

    [Fact]
    public void AcceptsSubmissions_AtTheOpeningInstantAndOneTickBefore_AcceptedAndRefused()
    {
        var round = TestRounds.Haishu();

        (RoundWorkflow.AcceptsSubmissions(round, round.OpensAt.AddTicks(-1)), RoundWorkflow.AcceptsSubmissions(round, round.OpensAt)).ShouldBe((false, true));
    }

    [Theory]
    [InlineData(RoundStage.Screening)]
    [InlineData(RoundStage.Shortlisted)]
    [InlineData(RoundStage.Awarded)]
    public void AcceptsSubmissions_ScreeningStartedBeforeTheClosingInstant_Refused(RoundStage stage)
    {
        var round = TestRounds.Haishu();
        round.Stage = stage;

        RoundWorkflow.AcceptsSubmissions(round, Closes.AddDays(-10)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(RoundStage.Open, -70, RoundPhase.Upcoming)]
    [InlineData(RoundStage.Open, -10, RoundPhase.Accepting)]
    [InlineData(RoundStage.Open, 1, RoundPhase.Reviewing)]
    [InlineData(RoundStage.Screening, -10, RoundPhase.Reviewing)]
    [InlineData(RoundStage.Screening, 1, RoundPhase.Reviewing)]
    [InlineData(RoundStage.Shortlisted, -10, RoundPhase.Publicity)]
    [InlineData(RoundStage.Shortlisted, 5, RoundPhase.Publicity)]
    [InlineData(RoundStage.Awarded, 400, RoundPhase.Awarded)]
    public void Phase_StageAndDayRelativeToTheClose_WhatThePublicIsTold(RoundStage stage, int daysAfterClose, RoundPhase expected)
    {
        var round = TestRounds.Haishu();
        round.Stage = stage;

        RoundWorkflow.Phase(round, Closes.AddDays(daysAfterClose)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(RoundStage.Open, true)]
    [InlineData(RoundStage.Screening, true)]
    [InlineData(RoundStage.Shortlisted, false)]
    [InlineData(RoundStage.Awarded, false)]
    public void BeforeShortlist_Stage_OnlyOpenAndScreening(RoundStage stage, bool expected)
    {
        RoundWorkflow.BeforeShortlist(stage).ShouldBe(expected);
    }
}
