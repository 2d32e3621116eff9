using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>The officer's rounds: the list, a new round (every rule on one form), and a copy of a round for next year.</summary>
[Permission(GrantsPermissions.Manage)]
public sealed class IndexModel(RoundService rounds, IStringLocalizer localizer) : PageModel
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public IReadOnlyList<GrantRound> Rounds { get; private set; } = [];

    [BindProperty]
    public RoundForm Form { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rounds = await rounds.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var round = Form.ToRound(ModelState, localizer);
        if (round is not null)
        {
            var result = await rounds.CreateAsync(round, cancellationToken);
            if (result.Succeeded)
            {
                return Redirect($"/Grants/Admin/Round/{round.Id}");
            }

            ModelState.AddResult(result, localizer, "Form.");
        }

        Rounds = await rounds.AllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } source)
        {
            return NotFound();
        }

        var (result, copy) = await rounds.CopyAsync(source, null, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/Grants/Admin/Round/{copy!.Id}");
        }

        ModelState.AddResult(result, localizer, "Form.");
        Rounds = await rounds.AllAsync(cancellationToken);
        return Page();
    }

    public sealed class RoundForm
    {
        public string Programme { get; set; } = GrantRound.VentureFund;

        public string? Name { get; set; }

        public int Year { get; set; } = DateTime.UtcNow.Year;

        public string? Budget { get; set; }

        public string? Categories { get; set; } = "为老服务\n助残服务\n青少年服务\n社区治理\n扶贫济困";

        public string? ProjectCap { get; set; } = "50000";

        public int MaxSharePercent { get; set; } = 60;

        public int MinMonths { get; set; } = 6;

        public int MaxMonths { get; set; } = 12;

        public string? OpensAt { get; set; }

        public string? ClosesAt { get; set; }

        public string? Rubric { get; set; } = "C1,公益性,30,\nC2,融合性,20,\nC3,专业性,30,\nC4,经济性,20,";

        public int Reviewers { get; set; } = 3;

        public string? TranchePlan { get; set; } = "50,30,20";

        public int MinimumGrade { get; set; }

        public bool BlindReview { get; set; }

        public int PublicityDays { get; set; } = 7;

        public RankingMethod RankBy { get; set; }

        /// <summary>The round the form describes, or null with the parse errors on the model state.</summary>
        public GrantRound? ToRound(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer localizer)
        {
            long Fen(string? text, string field)
            {
                if (Money.TryParse(text, out var money, out _))
                {
                    return money.Fen;
                }

                modelState.AddModelError($"Form.{field}", localizer["Grant.Error.Money"]);
                return 0;
            }

            DateTime Instant(string? text, string field)
            {
                if (DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Shanghai);
                }

                modelState.AddModelError($"Form.{field}", localizer["Grant.Error.Date"]);
                return default;
            }

            var categories = (Categories ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
                .Select(parts => new RoundCategory(parts[0], parts.Length > 1 && parts[1].Length > 0 ? Fen(parts[1], "Categories") : null)).ToList();
            var rubric = (Rubric ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => line.Split(',', 4, StringSplitOptions.TrimEntries))
                .Select(p => new RubricCriterion(p[0], p.Length > 1 ? p[1] : "", p.Length > 2 && int.TryParse(p[2], CultureInfo.InvariantCulture, out var w) ? w : 0, p.Length > 3 ? p[3] : "")).ToList();
            var tranches = (TranchePlan ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => int.TryParse(t, CultureInfo.InvariantCulture, out var p) ? p : 0).ToList();
            var round = new GrantRound
            {
                Programme = Programme.Trim(),
                Name = Name?.Trim() ?? "",
                Year = Year,
                BudgetFen = Fen(Budget, "Budget"),
                Categories = categories,
                ProjectCapFen = Fen(ProjectCap, "ProjectCap"),
                MaxGrantShareBasisPoints = MaxSharePercent * 100,
                MinMonths = MinMonths,
                MaxMonths = MaxMonths,
                OpensAt = Instant(OpensAt, "OpensAt"),
                ClosesAt = Instant(ClosesAt, "ClosesAt"),
                Rubric = rubric,
                ReviewersPerApplication = Reviewers,
                TranchePlan = tranches,
                Eligibility = new EligibilityRules(MinimumGrade: MinimumGrade),
                BlindReview = BlindReview,
                PublicityDays = PublicityDays,
                RankBy = RankBy,
            };
            return modelState.IsValid ? round : null;
        }
    }
}
