using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Localization;
using Registry.Grants.Domain;
using Registry.Core.Forms;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>
/// A round's settings as the officer types them (money in yuan, instants in Beijing time, categories and rubric one per
/// line): the new-round form and the edit form (<c>_RoundFields</c>) both bind it.
/// </summary>
public sealed class RoundForm
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly string[] InstantFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm"];

    /// <summary>The version of the round the edit form was filled from (unused by the new-round form).</summary>
    public long Version { get; set; }

    public string? Programme { get; set; } = GrantRound.VentureFund;

    public string? Name { get; set; }

    public int Year { get; set; } = DateTime.UtcNow.Year;

    public string? Budget { get; set; }

    /// <summary>One category a line, optionally with its quota in yuan after a comma.</summary>
    public string? Categories { get; set; } = "为老服务\n助残服务\n青少年服务\n社区治理\n扶贫济困";

    public string? ProjectCap { get; set; } = "50000";

    public int MaxShare { get; set; } = 60;

    /// <summary>Personnel costs' cap as a percentage of the grant (up to two decimals); empty: no cap.</summary>
    public string? MaxPersonnelShare { get; set; }

    /// <summary>Administrative costs' cap as a percentage of the grant (up to two decimals); empty: no cap.</summary>
    public string? MaxAdministrativeShare { get; set; }

    public int MajorViolationYears { get; set; } = EligibilityRules.DefaultMajorViolationYears;

    public int BreachBarYears { get; set; } = EligibilityRules.DefaultBreachBarYears;

    public int MinMonths { get; set; } = 6;

    public int MaxMonths { get; set; } = 12;

    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    /// <summary>One criterion a line: code, name, weight, guidance.</summary>
    public string? Rubric { get; set; } = "C1,公益性,30,\nC2,融合性,20,\nC3,专业性,30,\nC4,经济性,20,";

    public int Reviewers { get; set; } = 3;

    public string? TranchePlan { get; set; } = "50,30,20";

    public int MinimumGrade { get; set; }

    public bool BlindReview { get; set; }

    /// <summary>The documents every application must attach, one per line.</summary>
    public string? RequiredDocuments { get; set; }

    public bool ShowReviewComments { get; set; }

    /// <summary>The scoring deadline (yyyy-MM-dd); empty: none.</summary>
    public string? ScoringDueOn { get; set; }

    public bool ShowReviewScores { get; set; }

    public int PublicityDays { get; set; } = 7;

    public RankingMethod RankBy { get; set; }

    /// <summary>The form filled from a round (for editing it).</summary>
    public static RoundForm From(GrantRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new RoundForm
        {
            Version = round.Version,
            Programme = round.Programme,
            Name = round.Name,
            Year = round.Year,
            Budget = new Money(round.BudgetFen).ToYuanString(),
            Categories = string.Join('\n', round.Categories.Select(c => c.QuotaFen is { } quota ? $"{c.Name},{new Money(quota).ToYuanString()}" : c.Name)),
            ProjectCap = new Money(round.ProjectCapFen).ToYuanString(),
            MaxShare = round.MaxGrantShareBasisPoints / 100,
            MaxPersonnelShare = round.MaxPersonnelShareBasisPoints is { } personnel ? BudgetRules.Percent(personnel) : "",
            MaxAdministrativeShare = round.MaxAdministrativeShareBasisPoints is { } administrative ? BudgetRules.Percent(administrative) : "",
            MajorViolationYears = round.Eligibility.MajorViolationYears,
            BreachBarYears = round.Eligibility.BreachBarYears,
            MinMonths = round.MinMonths,
            MaxMonths = round.MaxMonths,
            OpensAt = Local(round.OpensAt),
            ClosesAt = Local(round.ClosesAt),
            Rubric = string.Join('\n', round.Rubric.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Code},{c.Name},{c.Weight},{c.Guidance}"))),
            Reviewers = round.ReviewersPerApplication,
            TranchePlan = string.Join(',', round.TranchePlan.Select(p => p.ToString(CultureInfo.InvariantCulture))),
            MinimumGrade = round.Eligibility.MinimumGrade,
            BlindReview = round.BlindReview,
            RequiredDocuments = string.Join('\n', round.RequiredDocumentNames),
            ShowReviewComments = round.ShowReviewCommentsToApplicant,
            ScoringDueOn = round.ScoringDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ShowReviewScores = round.ShowReviewScoresToApplicant,
            PublicityDays = round.PublicityDays,
            RankBy = round.RankBy,
        };
    }

    /// <summary>
    /// Parses the typed settings. Null, with the errors on <paramref name="modelState"/> under <c>Form.</c>, when any amount or
    /// instant is unreadable (or a number did not bind); otherwise the edit that writes them into a round (a new one, or the tracked one being edited;
    /// settings the form does not show, such as the forbidden items and the other eligibility rules, are left as they are).
    /// </summary>
    public Action<GrantRound>? Parse(ModelStateDictionary modelState, IStringLocalizer localizer, IMoneyLimits moneyLimits)
    {
        ArgumentNullException.ThrowIfNull(moneyLimits);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        long Fen(string? text, string field)
        {
            if (moneyLimits.TryParse(text, MoneyField.GrantRound, out var money, out var error))
            {
                return money.Fen;
            }

            modelState.AddModelError($"Form.{field}", localizer[error == Money.ErrorTooLarge ? error : "Grant.Error.Money"]);
            return 0;
        }

        DateTime Instant(string? text, string field)
        {
            if (DateTime.TryParseExact(text?.Trim(), InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                if (InputLimits.IsSaneInstant(local))
                {
                    return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Shanghai);
                }

                modelState.AddModelError($"Form.{field}", localizer[InputLimits.ErrorDateRange, InputLimits.DateRangeArgs]);
                return default;
            }

            modelState.AddModelError($"Form.{field}", localizer["Grant.Error.Date"]);
            return default;
        }

        var categories = Lines(Categories)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new RoundCategory(parts[0], parts.Length > 1 && parts[1].Length > 0 ? Fen(parts[1], nameof(Categories)) : null)).ToList();
        var rubric = Lines(Rubric)
            .Select(line => line.Split(',', 4, StringSplitOptions.TrimEntries))
            .Select(p => new RubricCriterion(p[0], p.Length > 1 ? p[1] : "", p.Length > 2 && int.TryParse(p[2], CultureInfo.InvariantCulture, out var w) ? w : 0, p.Length > 3 ? p[3] : "")).ToList();
        var tranches = (TranchePlan ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => int.TryParse(t, CultureInfo.InvariantCulture, out var p) ? p : 0).ToList();
        var budget = Fen(Budget, nameof(Budget));
        var cap = Fen(ProjectCap, nameof(ProjectCap));
        int? Share(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (BudgetRules.TryBasisPoints(text, out var basisPoints))
            {
                return basisPoints;
            }

            modelState.AddModelError($"Form.{field}", localizer["Grant.Error.CostCap"]);
            return null;
        }

        var personnelCap = Share(MaxPersonnelShare, nameof(MaxPersonnelShare));
        var administrativeCap = Share(MaxAdministrativeShare, nameof(MaxAdministrativeShare));
        DateOnly? scoringDue = null;
        if (!string.IsNullOrWhiteSpace(ScoringDueOn))
        {
            if (InputLimits.TryParseDate(ScoringDueOn, out var day, out var outOfRange))
            {
                scoringDue = day;
            }
            else
            {
                modelState.AddModelError($"Form.{nameof(ScoringDueOn)}", outOfRange ? localizer[InputLimits.ErrorDateRange, InputLimits.DateRangeArgs] : localizer["Grant.Error.Date"]);
            }
        }

        var opensAt = Instant(OpensAt, nameof(OpensAt));
        var closesAt = Instant(ClosesAt, nameof(ClosesAt));
        if (!modelState.IsValid)
        {
            return null;
        }

        return round =>
        {
            round.Programme = Programme?.Trim() ?? "";
            round.Name = Name?.Trim() ?? "";
            round.Year = Year;
            round.BudgetFen = budget;
            round.Categories = categories;
            round.ProjectCapFen = cap;
            round.MaxGrantShareBasisPoints = MaxShare * 100;
            round.MaxPersonnelShareBasisPoints = personnelCap;
            round.MaxAdministrativeShareBasisPoints = administrativeCap;
            round.MinMonths = MinMonths;
            round.MaxMonths = MaxMonths;
            round.OpensAt = Typed(round.OpensAt, opensAt);
            round.ClosesAt = Typed(round.ClosesAt, closesAt);
            round.Rubric = rubric;
            round.ReviewersPerApplication = Reviewers;
            round.TranchePlan = tranches;
            round.Eligibility = round.Eligibility with { MinimumGrade = MinimumGrade, MajorViolationYears = MajorViolationYears, BreachBarYears = BreachBarYears };
            round.BlindReview = BlindReview;
            round.RequiredDocuments = string.Join('\n', Lines(RequiredDocuments));
            round.ShowReviewCommentsToApplicant = ShowReviewComments;
            round.ScoringDueOn = scoringDue;
            round.ShowReviewScoresToApplicant = ShowReviewScores;
            round.PublicityDays = PublicityDays;
            round.RankBy = RankBy;
        };
    }

    /// <summary>The form shows instants to the minute: one left as shown keeps its exact stored value (seconds and all).</summary>
    private static DateTime Typed(DateTime stored, DateTime typed) =>
        stored.AddTicks(-(stored.Ticks % TimeSpan.TicksPerMinute)) == typed ? stored : typed;

    private static string[] Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Beijing time as a <c>datetime-local</c> input shows it.</summary>
    private static string Local(DateTime utc) => ChinaTime.Time(utc).Replace(' ', 'T');
}
