using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class TrancheRulesTests
{
    private static GrantAgreement Signed(long agreedFen, params int[] plan)
    {
        var agreement = new GrantAgreement { AgreedFen = agreedFen, State = AgreementState.Signed, SignedOn = new DateOnly(2026, 7, 1) };
        agreement.Tranches = [.. TrancheSplit.Split(agreedFen, plan).Select(s => new GrantTranche { Id = s.Index, Index = s.Index, Percent = s.Percent, DueFen = s.DueFen, Condition = s.Condition })];
        return agreement;
    }

    private static readonly DateOnly Today = new(2026, 8, 1);

    [Theory]
    [InlineData(1L, new[] { 50, 30, 20 })]
    [InlineData(99_999L, new[] { 50, 30, 20 })]
    [InlineData(99_999L, new[] { 33, 33, 34 })]
    [InlineData(3_000_001L, new[] { 50, 30, 20 })]
    [InlineData(7L, new[] { 60, 40 })]
    [InlineData(0L, new[] { 50, 50 })]
    public void Split_AnyAmount_TranchesSumExactlyToTheAgreedAmount(long agreedFen, int[] plan)
    {
        var tranches = TrancheSplit.Split(agreedFen, plan);

        tranches.Sum(t => t.DueFen).ShouldBe(agreedFen);
        tranches.Select(t => t.Percent).ShouldBe(plan);
    }

    [Fact]
    public void Split_OddAmountFiftyThirtyTwenty_LeftoverFenToTheLargestRemainder()
    {
        TrancheSplit.Split(99_999, [50, 30, 20]).Select(t => t.DueFen).ShouldBe([49_999L, 30_000L, 20_000L]);
    }

    [Fact]
    public void Split_OneFen_GoesToTheFirstTranche()
    {
        TrancheSplit.Split(1, [50, 30, 20]).Select(t => t.DueFen).ShouldBe([1L, 0L, 0L]);
    }

    [Fact]
    public void Split_ThirtyThreeThirtyThreeThirtyFour_Exact()
    {
        TrancheSplit.Split(99_999, [33, 33, 34]).Select(t => t.DueFen).ShouldBe([33_000L, 33_000L, 33_999L]);
    }

    [Fact]
    public void Split_ThreeTranches_SigningMidTermFinal()
    {
        TrancheSplit.Split(100, [50, 30, 20]).Select(t => t.Condition).ShouldBe([TrancheCondition.OnSigning, TrancheCondition.MidTermPassed, TrancheCondition.FinalPassed]);
    }

    [Fact]
    public void Split_EmptyPlan_OneTrancheOnSigning()
    {
        TrancheSplit.Split(500, []).ShouldBe([new TrancheShare(1, 100, 500, TrancheCondition.OnSigning)]);
    }

    [Theory]
    [InlineData(new[] { 50, 30, 20 }, true)]
    [InlineData(new[] { 50, 30 }, false)]
    [InlineData(new[] { 100, 0 }, false)]
    [InlineData(new int[0], false)]
    public void IsValidPlan_Percentages_MustBePositiveAndAddUpToAHundred(int[] plan, bool valid)
    {
        TrancheSplit.IsValidPlan(plan).ShouldBe(valid);
    }

    [Theory]
    [InlineData(TrancheCondition.OnSigning, null, null, TrancheStatus.Payable)]
    [InlineData(TrancheCondition.MidTermPassed, null, null, TrancheStatus.Waiting)]
    [InlineData(TrancheCondition.MidTermPassed, EvaluationOutcome.PassWithConditions, null, TrancheStatus.Payable)]
    [InlineData(TrancheCondition.MidTermPassed, EvaluationOutcome.Fail, null, TrancheStatus.Blocked)]
    [InlineData(TrancheCondition.FinalPassed, EvaluationOutcome.Pass, null, TrancheStatus.Waiting)]
    [InlineData(TrancheCondition.FinalPassed, EvaluationOutcome.Pass, EvaluationOutcome.Pass, TrancheStatus.Payable)]
    [InlineData(TrancheCondition.FinalPassed, EvaluationOutcome.Pass, EvaluationOutcome.Fail, TrancheStatus.Blocked)]
    public void Status_SignedAgreement_FollowsTheEvaluationItWaitsOn(TrancheCondition condition, EvaluationOutcome? midTerm, EvaluationOutcome? final, TrancheStatus expected)
    {
        TranchePayability.Status(condition, AgreementState.Signed, midTerm, final).ShouldBe(expected);
    }

    [Fact]
    public void Status_UnsignedAgreement_NothingPayable()
    {
        TranchePayability.Status(TrancheCondition.OnSigning, AgreementState.Drafting, null, null).ShouldBe(TrancheStatus.Waiting);
    }

    [Fact]
    public void CheckPayment_WithinTheTranche_NoErrors()
    {
        var agreement = Signed(100_001, 50, 30, 20);

        PaymentRules.CheckPayment(agreement, agreement.Tranches[0], TrancheStatus.Payable, 50_001, Today, "拨付-001", Today).ShouldBeEmpty();
    }

    [Fact]
    public void CheckPayment_OneFenBeyondTheTranche_Refused()
    {
        var agreement = Signed(100_001, 50, 30, 20);
        agreement.Tranches[0].Payments.Add(new GrantPayment { AmountFen = 50_000 });

        PaymentRules.CheckPayment(agreement, agreement.Tranches[0], TrancheStatus.Payable, 2, Today, "拨付-002", Today)
            .Select(e => e.Key).ShouldBe(["Grant.Project.Error.OverTranche"]);
    }

    [Fact]
    public void CheckPayment_BeyondTheCommittedTotal_Refused()
    {
        // Tranches out of step with the agreed amount (e.g. a data repair): the committed total still holds.
        var agreement = Signed(100, 100);
        agreement.Tranches[0].DueFen = 150;

        PaymentRules.CheckPayment(agreement, agreement.Tranches[0], TrancheStatus.Payable, 120, Today, "拨付-003", Today)
            .Select(e => e.Key).ShouldBe(["Grant.Project.Error.OverCommitted"]);
    }

    [Fact]
    public void CheckPayment_BlockedTranche_Refused()
    {
        var agreement = Signed(100_000, 50, 30, 20);

        PaymentRules.CheckPayment(agreement, agreement.Tranches[1], TrancheStatus.Blocked, 1_000, Today, "拨付-004", Today)
            .Select(e => e.Key).ShouldBe(["Grant.Project.Error.TrancheBlocked"]);
    }

    [Fact]
    public void CheckPayment_ZeroFutureDateNoReference_EachNamed()
    {
        var agreement = Signed(100_000, 50, 30, 20);

        PaymentRules.CheckPayment(agreement, agreement.Tranches[0], TrancheStatus.Payable, 0, Today.AddDays(1), " ", Today)
            .Select(e => e.Key).ShouldBe(["Grant.Project.Error.AmountPositive", "Grant.Project.Error.FutureDate", "Validation.Required"]);
    }

    [Fact]
    public void CheckRefund_MoreThanPaid_Refused()
    {
        PaymentRules.CheckRefund(paidFen: 50_000, alreadyRequiredFen: 10_000, amountFen: 40_001, "结项评估不通过").Select(e => e.Key).ShouldBe(["Grant.Project.Error.OverPaid"]);
    }

    [Fact]
    public void CheckRepayment_BeyondOutstanding_Refused()
    {
        var refund = new GrantRefund { RequiredFen = 1_000, RequiredOn = Today, Repayments = [new GrantRepayment { AmountFen = 600 }] };

        PaymentRules.CheckRepayment(Signed(10_000, 100), refund, 401, Today, "退款-1", Today).Select(e => e.Key).ShouldBe(["Grant.Project.Error.OverRefund"]);
    }

    [Fact]
    public void Closure_FinalPassedAllPaidNoRefund_Closable()
    {
        var agreement = Signed(100_000, 50, 30, 20);
        foreach (var t in agreement.Tranches)
        {
            t.Payments.Add(new GrantPayment { AmountFen = t.DueFen });
        }

        ClosureRules.Check(agreement, EvaluationOutcome.Pass, EvaluationOutcome.PassWithConditions, 0).ShouldBeEmpty();
    }

    [Fact]
    public void Closure_MidTermFailed_BlockedTrancheNeedNotBePaid()
    {
        var agreement = Signed(100_000, 50, 30, 20);
        agreement.Tranches[0].Payments.Add(new GrantPayment { AmountFen = 50_000 });
        agreement.Tranches[2].Payments.Add(new GrantPayment { AmountFen = 20_000 });

        ClosureRules.Check(agreement, EvaluationOutcome.Fail, EvaluationOutcome.Pass, 0).ShouldBeEmpty();
    }

    [Fact]
    public void Closure_FinalNotPassedUnpaidAndRefundOwed_EveryReasonNamed()
    {
        var agreement = Signed(100_000, 50, 30, 20);

        ClosureRules.Check(agreement, EvaluationOutcome.Pass, EvaluationOutcome.Fail, 5_000).Select(e => e.Key)
            .ShouldBe(["Grant.Project.Error.FinalNotPassed", "Grant.Project.Error.TrancheUnpaid", "Grant.Project.Error.TrancheUnpaid", "Grant.Project.Error.RefundOutstanding"]);
    }

    [Fact]
    public void Diff_RevisedBudgetAndDates_FieldLevelChanges()
    {
        var before = new AgreementPlan("目标", "计划", [new ProjectIndicator("Output", "探访次数", "1200次")], new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30),
            [new PlanLine(BudgetCategory.SocialWork, "社工服务", 3_000_000, 0), new PlanLine(BudgetCategory.Activities, "探访活动", 0, 2_000_000)]);
        var after = before with
        {
            EndOn = new DateOnly(2027, 5, 31),
            Lines = [new PlanLine(BudgetCategory.SocialWork, "社工服务", 2_500_000, 0), new PlanLine(BudgetCategory.Activities, "探访活动", 500_000, 2_000_000), new PlanLine(BudgetCategory.Materials, "物料", 0, 100_000)],
        };

        PlanDiff.Between(before, after).Select(c => (c.FieldKey, c.Row)).ShouldBe(
        [
            ("Grant.Field.EndOn", 0), ("Grant.Field.Requested", 1), ("Grant.Field.Requested", 2), ("Grant.Project.Diff.Line", 3), ("Grant.Project.Diff.MatchingTotal", 0),
        ]);
    }

    [Fact]
    public void Diff_SamePlan_NoChanges()
    {
        var plan = new AgreementPlan("目标", "计划", [], new DateOnly(2026, 7, 1), new DateOnly(2027, 6, 30), [new PlanLine(BudgetCategory.Other, "其他", 1, 1)]);

        PlanDiff.Between(plan, plan with { }).ShouldBeEmpty();
    }
}
