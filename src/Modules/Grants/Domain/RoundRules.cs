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
        Require(round.SpreadThreshold >= 0, "SpreadThreshold", "Grant.Error.Positive", "Grant.Field.SpreadThreshold");
        var eligibility = round.Eligibility;
        Require(eligibility.AbnormalYears >= 0 && eligibility.SeriousYears >= 0 && eligibility.MinimumGrade is >= 0 and <= 5, "Eligibility", "Grant.Error.Eligibility");
        return errors;
    }
}
