namespace Registry.Grants.Domain;

/// <summary>An application in rank order for allocation: what it asks (or the officer's cut) and its category.</summary>
public sealed record AllocationCandidate(int ApplicationId, string Category, long RequestedFen, long? CutToFen);

/// <summary>What one application gets (0 with the reason key when the budget or its category's quota ran out).</summary>
public sealed record AllocationLine(int ApplicationId, string Category, long AmountFen, string? NotFundedKey);

/// <summary>The allocation and what is left of the budget and of each category's quota.</summary>
public sealed record AllocationResult(IReadOnlyList<AllocationLine> Lines, long AllocatedFen, long RemainingFen, IReadOnlyDictionary<string, long> RemainingQuotaFen);

/// <summary>
/// Allocation in rank order within the round budget and the category quotas: each application gets its amount (the
/// officer's cut if any, else what it requested) if both still have room, else nothing; later, smaller ones may still fit.
/// </summary>
public static class Allocation
{
    public const string BudgetExhausted = "Grant.Allocation.BudgetExhausted";
    public const string QuotaExhausted = "Grant.Allocation.QuotaExhausted";

    public static AllocationResult Allocate(IReadOnlyList<AllocationCandidate> ranked, long budgetFen, IReadOnlyList<RoundCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(categories);
        var quotas = categories.Where(c => c.QuotaFen is not null).ToDictionary(c => c.Name, c => c.QuotaFen!.Value);
        var remaining = budgetFen;
        var lines = new List<AllocationLine>(ranked.Count);
        foreach (var candidate in ranked)
        {
            var amount = Math.Min(candidate.CutToFen ?? candidate.RequestedFen, candidate.RequestedFen);
            string? refused = null;
            if (amount > remaining)
            {
                refused = BudgetExhausted;
            }
            else if (quotas.TryGetValue(candidate.Category, out var quota) && amount > quota)
            {
                refused = QuotaExhausted;
            }

            if (refused is null && amount > 0)
            {
                remaining -= amount;
                if (quotas.ContainsKey(candidate.Category))
                {
                    quotas[candidate.Category] -= amount;
                }

                lines.Add(new AllocationLine(candidate.ApplicationId, candidate.Category, amount, null));
            }
            else
            {
                lines.Add(new AllocationLine(candidate.ApplicationId, candidate.Category, 0, refused ?? "Grant.Allocation.Cut"));
            }
        }

        return new AllocationResult(lines, budgetFen - remaining, remaining, quotas);
    }

    /// <summary>
    /// The allocation as published (from the shortlist on): each application's recorded amount, so the round's figures stay
    /// what was decided (and awarded) instead of being recomputed from score sheets an imported round may not have.
    /// </summary>
    public static AllocationResult Recorded(IReadOnlyList<AllocationLine> lines, long budgetFen, IReadOnlyList<RoundCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(categories);
        var allocated = lines.Sum(l => l.AmountFen);
        var quotas = categories.Where(c => c.QuotaFen is not null)
            .ToDictionary(c => c.Name, c => checked(c.QuotaFen!.Value - lines.Where(l => l.Category == c.Name).Sum(l => l.AmountFen)));
        return new AllocationResult(lines, allocated, budgetFen - allocated, quotas);
    }
}
