using Registry.Grants.Domain;

namespace Registry.Grants.Tests;

/// <summary>A Haishu-style round: ¥50,000 cap, grant ≤ 60%, 6–12 months, closing 2026-04-30 17:00 Beijing (09:00 UTC).</summary>
internal static class TestRounds
{
    public static readonly DateTime ClosesAt = new(2026, 4, 30, 9, 0, 0, DateTimeKind.Utc);

    public static GrantRound Haishu() => new()
    {
        Name = "2026年海曙区公益创投",
        Year = 2026,
        BudgetFen = 250_000_000,
        Categories = [new RoundCategory("为老服务", 60_000_000), new RoundCategory("助残服务"), new RoundCategory("青少年服务")],
        ProjectCapFen = 5_000_000,
        MaxGrantShareBasisPoints = 6000,
        MinMonths = 6,
        MaxMonths = 12,
        OpensAt = new DateTime(2026, 3, 1, 1, 0, 0, DateTimeKind.Utc),
        ClosesAt = ClosesAt,
        Rubric = [new RubricCriterion("C1", "公益性", 30), new RubricCriterion("C2", "融合性", 20), new RubricCriterion("C3", "专业性", 30), new RubricCriterion("C4", "经济性", 20)],
        ReviewersPerApplication = 3,
        TranchePlan = [50, 30, 20],
    };

    /// <summary>A complete 为老服务 project of 2026-07-01 to 2027-06-30 with the given budget lines.</summary>
    public static GrantApplication Project(params (BudgetCategory Category, string Item, long Requested, long Matching)[] lines)
    {
        var application = new GrantApplication
        {
            Title = "银龄互助",
            Category = "为老服务",
            StartOn = new DateOnly(2026, 7, 1),
            EndOn = new DateOnly(2027, 6, 30),
            BudgetLines = [.. lines.Select((l, i) => new BudgetLine { Position = i, Category = l.Category, Item = l.Item, RequestedFen = l.Requested, MatchingFen = l.Matching })],
        };
        return application;
    }
}
