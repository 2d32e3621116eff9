using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>A budget's totals in fen and the grant's share of it in basis points (rounded half up, shown only: rules compare exactly).</summary>
public sealed record BudgetTotals(long RequestedFen, long MatchingFen, long TotalFen, int GrantShareBasisPoints);

/// <summary>
/// The round's budget rules, checked on submission (and shown while drafting): lines well formed, no forbidden item paid
/// from grant money, requested total within the cap, grant share within the limit (compared in integers: no rounding),
/// personnel and administrative costs within their caps as shares of the grant (exactly, each offending line named),
/// duration within the range, a category of the round.
/// </summary>
public static class BudgetRules
{
    public const int BasisPoints = 10_000;

    public static BudgetTotals Totals(IEnumerable<BudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        long requested = 0, matching = 0;
        foreach (var line in lines)
        {
            requested = checked(requested + line.RequestedFen);
            matching = checked(matching + line.MatchingFen);
        }

        var total = checked(requested + matching);
        return new BudgetTotals(requested, matching, total, total == 0 ? 0 : (int)(((Int128)requested * BasisPoints * 2 + total) / (2 * (Int128)total)));
    }

    /// <summary>The most grant money a cost of <paramref name="maxBasisPoints"/> of <paramref name="grantFen"/> may take, in whole fen (exact: rounded down).</summary>
    public static long MaxOfGrant(long grantFen, int maxBasisPoints) => (long)((Int128)grantFen * maxBasisPoints / BasisPoints);

    /// <summary>The budget categories a round may cap as a share of the grant, with the round's cap (null: none).</summary>
    public static IEnumerable<(BudgetCategory Category, int? MaxBasisPoints)> CappedCategories(GrantRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        yield return (BudgetCategory.Personnel, round.MaxPersonnelShareBasisPoints);
        yield return (BudgetCategory.Administrative, round.MaxAdministrativeShareBasisPoints);
    }

    /// <summary>
    /// Errors for costs over their cap: when the grant money of a capped category (personnel, administrative) exceeds its
    /// share of the requested total (compared as <c>cost × 10000 ≤ grant × cap</c>, no rounding), every line of that
    /// category paid from the grant gets a message with its row, the category total, the cap and the most allowed.
    /// </summary>
    public static IEnumerable<FormError> CapErrors(GrantRound round, IReadOnlyList<BudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(lines);
        var grant = lines.Sum(l => l.RequestedFen);
        foreach (var (category, cap) in CappedCategories(round))
        {
            if (cap is not { } max)
            {
                continue;
            }

            var cost = lines.Where(l => l.Category == category).Sum(l => l.RequestedFen);
            if (WithinShare(cost, grant, max))
            {
                continue;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Category == category && lines[i].RequestedFen > 0)
                {
                    yield return new FormError($"Lines[{i}].Requested", "Grant.Error.OverCostCap", i + 1, lines[i].Item, $"Grant.Budget.{category}",
                        new Core.Finance.Money(cost).Format(), Percent(max), new Core.Finance.Money(MaxOfGrant(grant, max)).Format());
                }
            }
        }
    }

    /// <summary>True when <paramref name="requestedFen"/> is at most <paramref name="maxBasisPoints"/> of <paramref name="totalFen"/>, exactly.</summary>
    public static bool WithinShare(long requestedFen, long totalFen, int maxBasisPoints) =>
        (Int128)requestedFen * BasisPoints <= (Int128)totalFen * maxBasisPoints;

    /// <summary>The first word of <paramref name="forbidden"/> the item mentions, or null.</summary>
    public static string? ForbiddenWord(string item, IEnumerable<string> forbidden) =>
        forbidden.FirstOrDefault(w => item.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whole project months from <paramref name="start"/> to <paramref name="end"/> (both inclusive) lie within min…max.</summary>
    public static bool DurationWithin(DateOnly start, DateOnly end, int minMonths, int maxMonths)
    {
        var after = end.AddDays(1);
        return after > start && start.AddMonths(minMonths) <= after && after <= start.AddMonths(maxMonths);
    }

    /// <summary>Every problem of the application's project and budget under the round's rules.</summary>
    public static IReadOnlyList<FormError> Check(GrantRound round, GrantApplication application)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(application);
        var errors = new List<FormError>();
        var forbidden = round.ForbiddenWords;
        for (var i = 0; i < application.BudgetLines.Count; i++)
        {
            var line = application.BudgetLines[i];
            var row = i + 1;
            if (string.IsNullOrWhiteSpace(line.Item))
            {
                errors.Add(new FormError($"Lines[{i}].Item", "Grant.Error.LineItem", row));
            }

            if (line.RequestedFen < 0 || line.MatchingFen < 0)
            {
                errors.Add(new FormError($"Lines[{i}].Requested", "Grant.Error.LineNegative", row));
            }

            if (line.RequestedFen > 0 && ForbiddenWord(line.Item, forbidden) is { } word)
            {
                errors.Add(new FormError($"Lines[{i}].Item", "Grant.Error.ForbiddenItem", row, word));
            }
        }

        var totals = Totals(application.BudgetLines);
        if (totals.RequestedFen <= 0)
        {
            errors.Add(new FormError("", "Grant.Error.NothingRequested"));
        }

        if (totals.RequestedFen > round.ProjectCapFen)
        {
            errors.Add(new FormError("", "Grant.Error.OverCap", new Core.Finance.Money(round.ProjectCapFen).Format()));
        }

        if (totals.RequestedFen > 0 && !WithinShare(totals.RequestedFen, totals.TotalFen, round.MaxGrantShareBasisPoints))
        {
            errors.Add(new FormError("", "Grant.Error.OverShare", Percent(round.MaxGrantShareBasisPoints)));
        }

        errors.AddRange(CapErrors(round, application.BudgetLines));

        if (application.StartOn is not { } start || application.EndOn is not { } end)
        {
            errors.Add(new FormError("StartOn", "Grant.Error.Dates"));
        }
        else if (!DurationWithin(start, end, round.MinMonths, round.MaxMonths))
        {
            errors.Add(new FormError("EndOn", "Grant.Error.Duration", round.MinMonths, round.MaxMonths));
        }

        if (!round.Categories.Any(c => c.Name == application.Category))
        {
            errors.Add(new FormError("Category", "Grant.Error.Category"));
        }

        return errors;
    }

    /// <summary>A share as shown under a budget: 5999 → "59.99%".</summary>
    public static string PercentOf(int basisPoints) =>
        (basisPoints / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// A percentage as typed ("30", "12.5", "7.25") as basis points, exactly; false when it is not a number with at most
    /// two decimals between 0 (excluded) and 100.
    /// </summary>
    public static bool TryBasisPoints(string? text, out int basisPoints)
    {
        basisPoints = 0;
        if (!decimal.TryParse(text?.Trim().TrimEnd('%'), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            return false;
        }

        var points = percent * 100;
        if (points != decimal.Truncate(points) || points <= 0 || points > BasisPoints)
        {
            return false;
        }

        basisPoints = (int)points;
        return true;
    }

    /// <summary>Basis points as a percentage text: 6000 → "60", 6250 → "62.5".</summary>
    public static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
