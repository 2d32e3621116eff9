using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>What makes a round's set-up consistent.</summary>
public static class RoundRules
{
    public const int MaxReviewers = 9;

    public static IReadOnlyList<FormError> Check(GrantRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var errors = new List<FormError>();
        void Require(bool ok, string field, string key, params object[] args)
        {
            if (!ok)
            {
                errors.Add(new FormError(field, key, args));
            }
        }

        Require(round.Name.Trim().Length > 0, "Name", "Validation.Required", "Grant.Field.Name");
        Require(round.Programme.Trim().Length > 0, "Programme", "Validation.Required", "Grant.Field.Programme");
        Require(round.Year is >= 2000 and <= 2100, "Year", "Grant.Error.Year");
        Require(round.BudgetFen > 0, "Budget", "Grant.Error.Positive", "Grant.Field.Budget");
        Require(round.ProjectCapFen > 0 && round.ProjectCapFen <= round.BudgetFen, "ProjectCap", "Grant.Error.Cap");
        Require(round.MaxGrantShareBasisPoints is > 0 and <= BudgetRules.BasisPoints, "MaxShare", "Grant.Error.Share");
        Require(round.MaxPersonnelShareBasisPoints is null or (> 0 and <= BudgetRules.BasisPoints), "MaxPersonnelShare", "Grant.Error.CostCap");
        Require(round.MaxAdministrativeShareBasisPoints is null or (> 0 and <= BudgetRules.BasisPoints), "MaxAdministrativeShare", "Grant.Error.CostCap");
        Require(round.MinMonths >= 1 && round.MinMonths <= round.MaxMonths && round.MaxMonths <= 60, "MinMonths", "Grant.Error.Months");
        Require(round.ClosesAt > round.OpensAt, "ClosesAt", "Grant.Error.Window");
        var categories = round.Categories;
        Require(categories.Count > 0 && categories.All(c => c.Name.Trim().Length > 0) && categories.Select(c => c.Name).Distinct().Count() == categories.Count,
            "Categories", "Grant.Error.Categories");
        Require(categories.All(c => c.QuotaFen is null || (c.QuotaFen >= 0 && c.QuotaFen <= round.BudgetFen)), "Categories", "Grant.Error.Quota");
        var rubric = round.Rubric;
        Require(rubric.Count > 0 && rubric.All(c => c.Weight > 0 && c.Code.Trim().Length > 0 && c.Name.Trim().Length > 0)
            && rubric.Select(c => c.Code).Distinct().Count() == rubric.Count, "Rubric", "Grant.Error.Rubric");
        Require(round.ReviewersPerApplication is >= 1 and <= MaxReviewers, "Reviewers", "Grant.Error.Reviewers", MaxReviewers);
        var plan = round.TranchePlan;
        Require(plan.Count > 0 && plan.All(p => p > 0) && plan.Sum() == 100, "TranchePlan", "Grant.Error.TranchePlan");
        Require(round.PublicityDays is >= 1 and <= 60, "PublicityDays", "Grant.Error.PublicityDays");
        errors.AddRange(AttachmentRules.RoundErrors(round.RequiredDocumentNames));
        Require(round.ScoringDueOn is null || round.ScoringDueOn >= Core.Localization.ChinaTime.Date(round.ClosesAt), "ScoringDueOn", "Grant.Error.ScoringDue");
        Require(round.ShowReviewCommentsToApplicant || !round.ShowReviewScoresToApplicant, "ShowReviewScores", "Grant.Error.ScoresWithoutComments");
        Require(round.SpreadThreshold >= 0, "SpreadThreshold", "Grant.Error.Positive", "Grant.Field.SpreadThreshold");
        var eligibility = round.Eligibility;
        Require(eligibility.AbnormalYears >= 0 && eligibility.SeriousYears >= 0 && eligibility.MinimumGrade is >= 0 and <= 5, "Eligibility", "Grant.Error.Eligibility");
        Require(eligibility.MajorViolationYears is >= 0 and <= 10, "MajorViolationYears", "Grant.Error.Years", "Grant.Field.MajorViolationYears");
        Require(eligibility.BreachBarYears is >= 0 and <= 10, "BreachBarYears", "Grant.Error.Years", "Grant.Field.BreachBarYears");
        return errors;
    }

    /// <summary>
    /// What an edit of a round whose call may be under way must not do, on top of <see cref="Check"/>. The rules only
    /// protect what others already rely on:
    /// <list type="bullet">
    /// <item>Once the call has opened, its opening instant stays (organizations may have started drafts); a changed closing
    /// instant must still lie ahead (<paramref name="now"/>): the call can be extended, never closed retroactively.</item>
    /// <item>Once an application is submitted, the budget rules it was accepted under may only get looser: the cap and the
    /// grant share not lowered, the duration range not narrowed, no category removed or renamed (new ones and quotas may
    /// change). Tightening them would make submitted applications invalid after the fact.</item>
    /// <item>Once reviewers are seated, the rubric (criteria, weights) and blind review stay: sheets are scored against them
    /// and reviewers may already have seen the applicants.</item>
    /// </list>
    /// The total budget, reviewers per application, tranche plan, ranking method, publicity days, name and year stay editable
    /// until the shortlist is published (the allocation is recomputed from them).
    /// </summary>
    public static IReadOnlyList<FormError> CheckEdit(GrantRound before, GrantRound after, DateTime now, bool submitted, bool reviewStarted)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var errors = new List<FormError>();
        if (before.OpensAt <= now && after.OpensAt != before.OpensAt)
        {
            errors.Add(new FormError("OpensAt", "Grant.Error.EditOpened"));
        }

        if (after.ClosesAt != before.ClosesAt && after.ClosesAt <= now)
        {
            errors.Add(new FormError("ClosesAt", "Grant.Error.EditClosesInPast"));
        }

        if (submitted)
        {
            void Looser(bool ok, string field, string label)
            {
                if (!ok)
                {
                    errors.Add(new FormError(field, "Grant.Error.EditSubmitted", label));
                }
            }

            Looser(after.ProjectCapFen >= before.ProjectCapFen, "ProjectCap", "Grant.Field.ProjectCap");
            Looser(after.MaxGrantShareBasisPoints >= before.MaxGrantShareBasisPoints, "MaxShare", "Grant.Field.MaxShare");
            Looser(after.MaxPersonnelShareBasisPoints is null || after.MaxPersonnelShareBasisPoints >= before.MaxPersonnelShareBasisPoints, "MaxPersonnelShare", "Grant.Field.MaxPersonnelShare");
            Looser(after.MaxAdministrativeShareBasisPoints is null || after.MaxAdministrativeShareBasisPoints >= before.MaxAdministrativeShareBasisPoints, "MaxAdministrativeShare", "Grant.Field.MaxAdministrativeShare");
            Looser(after.MinMonths <= before.MinMonths, "MinMonths", "Grant.Field.MinMonths");
            Looser(after.MaxMonths >= before.MaxMonths, "MaxMonths", "Grant.Field.MaxMonths");
            var names = after.Categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            Looser(before.Categories.All(c => names.Contains(c.Name)), "Categories", "Grant.Field.Categories");
        }

        if (reviewStarted)
        {
            if (!after.Rubric.SequenceEqual(before.Rubric))
            {
                errors.Add(new FormError("Rubric", "Grant.Error.EditReviewStarted", "Grant.Field.Rubric"));
            }

            if (after.BlindReview != before.BlindReview)
            {
                errors.Add(new FormError("BlindReview", "Grant.Error.EditReviewStarted", "Grant.Field.BlindReview"));
            }
        }

        return errors;
    }

    /// <summary>The names of the settings an edit changed (for the audit trail).</summary>
    public static IEnumerable<string> Changes(GrantRound before, GrantRound after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        (string Name, object Before, object After)[] settings =
        [
            (nameof(GrantRound.Programme), before.Programme, after.Programme), (nameof(GrantRound.Name), before.Name, after.Name), (nameof(GrantRound.Year), before.Year, after.Year),
            (nameof(GrantRound.BudgetFen), before.BudgetFen, after.BudgetFen), (nameof(GrantRound.Categories), before.CategoriesJson, after.CategoriesJson),
            (nameof(GrantRound.ProjectCapFen), before.ProjectCapFen, after.ProjectCapFen), (nameof(GrantRound.MaxGrantShareBasisPoints), before.MaxGrantShareBasisPoints, after.MaxGrantShareBasisPoints),
            (nameof(GrantRound.MaxPersonnelShareBasisPoints), before.MaxPersonnelShareBasisPoints ?? 0, after.MaxPersonnelShareBasisPoints ?? 0),
            (nameof(GrantRound.MaxAdministrativeShareBasisPoints), before.MaxAdministrativeShareBasisPoints ?? 0, after.MaxAdministrativeShareBasisPoints ?? 0),
            (nameof(GrantRound.MinMonths), before.MinMonths, after.MinMonths), (nameof(GrantRound.MaxMonths), before.MaxMonths, after.MaxMonths),
            (nameof(GrantRound.OpensAt), before.OpensAt, after.OpensAt), (nameof(GrantRound.ClosesAt), before.ClosesAt, after.ClosesAt),
            (nameof(GrantRound.Rubric), before.RubricJson, after.RubricJson), (nameof(GrantRound.ReviewersPerApplication), before.ReviewersPerApplication, after.ReviewersPerApplication),
            (nameof(GrantRound.TranchePlan), before.TranchePlanJson, after.TranchePlanJson), (nameof(GrantRound.Eligibility), before.EligibilityJson, after.EligibilityJson),
            (nameof(GrantRound.BlindReview), before.BlindReview, after.BlindReview), (nameof(GrantRound.PublicityDays), before.PublicityDays, after.PublicityDays),
            (nameof(GrantRound.RankBy), before.RankBy, after.RankBy),
        ];
        return settings.Where(s => !Equals(s.Before, s.After)).Select(s => s.Name);
    }
}
