using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Identification;
using Registry.Core.Localization;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;
using Registry.Ratings.Contracts;

namespace Registry.Directory.Areas.Directory.Pages;

/// <summary>
/// Certificate check: type a credit code (or a community organization's filing number), see the organization, its
/// registration status, its credit standing (活动异常 / 严重违法失信, from the inspections module) and its current grade
/// (from the ratings module). Input is normalized as GB 32100 codes are (full-width, spaces, hyphens, case); input that
/// is no code is told what is wrong with it instead of "not in the register".
/// </summary>
[AllowAnonymous]
public sealed class CheckModel(
    IOrganizationRegister register,
    IOrganizationStandings standings,
    IOrganizationGrades grades,
    TimeProvider clock,
    IStringLocalizer localizer) : PageModel
{
    /// <summary>Longest input looked at; anything longer is no code and no filing number.</summary>
    public const int MaxInput = 64;

    /// <summary>The code as typed (trimmed), shown back in the form.</summary>
    public string? Code { get; private set; }

    /// <summary>The code as compared (<see cref="UnifiedSocialCreditCode.Normalize"/>).</summary>
    public string? Normalized { get; private set; }

    public bool Searched { get; private set; }

    public OrganizationSummary? Found { get; private set; }

    public bool OnAbnormalList { get; private set; }

    public bool OnSeriousList { get; private set; }

    /// <summary>Since when the organization is on each list it is on now (public facts).</summary>
    public IReadOnlyList<CreditListRecord> CurrentListings { get; private set; } = [];

    public GradeRecord? Grade { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Code = code?.Trim();
        if (string.IsNullOrEmpty(Code))
        {
            return;
        }

        Searched = true;
        if (Code.Length > MaxInput)
        {
            ModelState.AddModelError(nameof(Code), localizer.Describe(new FormError(nameof(Code), UnifiedSocialCreditCode.ErrorLengthOf, Code.Length, 18)));
            return;
        }

        Normalized = UnifiedSocialCreditCode.Normalize(Code);
        // A filing number is no credit code: look both up before judging the input's form.
        var found = await register.FindByCodesAsync([.. new[] { Normalized, Code }.Distinct(StringComparer.Ordinal)], cancellationToken);
        Found = found.Count > 0 ? found[0] : null;
        if (Found is null)
        {
            if (!UnifiedSocialCreditCode.TryRead(Normalized, nameof(Code), out _, out var problem))
            {
                ModelState.AddModelError(nameof(Code), localizer.Describe(problem!));
            }

            return;
        }

        var standing = await standings.GetAsync(Found.Id, cancellationToken);
        OnAbnormalList = standing.OnAbnormalList;
        OnSeriousList = standing.OnSeriousList;
        CurrentListings = [.. standing.CreditLists.Where(e => e.ExitedOn is null).OrderBy(e => e.EnteredOn)];
        Grade = await grades.CurrentAsync(Found.Id, ChinaTime.Today(clock), cancellationToken);
    }
}
