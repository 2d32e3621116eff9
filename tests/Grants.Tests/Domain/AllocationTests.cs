using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class AllocationTests
{
    private static readonly RoundCategory[] Categories = [new("为老服务", 70), new("助残服务")];

    [Fact]
    public void Allocate_WithinBudget_EveryoneInRankOrderGetsTheRequest()
    {
        var result = Allocation.Allocate([new(1, "为老服务", 40, null), new(2, "助残服务", 30, null)], 100, Categories);

        result.Lines.Select(l => l.AmountFen).ShouldBe([40L, 30L]);
        (result.AllocatedFen, result.RemainingFen).ShouldBe((70L, 30L));
    }

    [Fact]
    public void Allocate_BudgetRunsOut_LaterSmallerProjectStillFits()
    {
        var result = Allocation.Allocate([new(1, "助残服务", 60, null), new(2, "助残服务", 50, null), new(3, "助残服务", 40, null)], 100, Categories);

        result.Lines.Select(l => (l.AmountFen, l.NotFundedKey)).ShouldBe([(60L, (string?)null), (0L, Allocation.BudgetExhausted), (40L, null)]);
        result.RemainingFen.ShouldBe(0);
    }

    [Fact]
    public void Allocate_CategoryQuotaReached_RefusedEvenWithBudgetLeft()
    {
        var result = Allocation.Allocate([new(1, "为老服务", 50, null), new(2, "为老服务", 30, null), new(3, "助残服务", 30, null)], 200, Categories);

        result.Lines.Select(l => (l.AmountFen, l.NotFundedKey)).ShouldBe([(50L, (string?)null), (0L, Allocation.QuotaExhausted), (30L, null)]);
        (result.RemainingFen, result.RemainingQuotaFen["为老服务"]).ShouldBe((120L, 20L));
    }

    [Fact]
    public void Allocate_OfficersCut_FundsTheCutAmountAndLeavesRoomForTheNext()
    {
        var result = Allocation.Allocate([new(1, "助残服务", 80, 50), new(2, "助残服务", 50, null)], 100, Categories);

        result.Lines.Select(l => l.AmountFen).ShouldBe([50L, 50L]);
    }

    [Fact]
    public void Allocate_CutToNothing_NotFundedAsCut() =>
        Allocation.Allocate([new(1, "助残服务", 80, 0)], 100, Categories).Lines.Single().NotFundedKey.ShouldBe("Grant.Allocation.Cut");

    [Fact]
    public void Allocate_AnyOrder_NeverBeyondBudgetOrQuota()
    {
        var candidates = Enumerable.Range(1, 50).Select(i => new AllocationCandidate(i, i % 2 == 0 ? "为老服务" : "助残服务", (i * 7) % 23 + 1, null)).ToList();

        var result = Allocation.Allocate(candidates, 150, Categories);

        result.Lines.Sum(l => l.AmountFen).ShouldBeLessThanOrEqualTo(150);
        result.Lines.Where(l => l.Category == "为老服务").Sum(l => l.AmountFen).ShouldBeLessThanOrEqualTo(70);
        result.AllocatedFen.ShouldBe(result.Lines.Sum(l => l.AmountFen));
    }
}
