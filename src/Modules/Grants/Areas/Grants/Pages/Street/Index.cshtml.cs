using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Street;

/// <summary>
/// A street office's list of the applications from organizations in its street (only those), by round and by whether it
/// has given its opinion yet, with paging.
/// </summary>
[Permission(GrantsPermissions.Recommend)]
public sealed class IndexModel(StreetRecommendationService streets, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 30;

    /// <summary>The account's street, or null when the account acts for none.</summary>
    public string? Street { get; private set; }

    public IReadOnlyList<GrantRound> Rounds { get; private set; } = [];

    public int? RoundId { get; private set; }

    public StreetOpinionFilter Opinion { get; private set; }

    public IReadOnlyList<StreetApplicationRow> Rows { get; private set; } = [];

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    /// <summary>The catalog key of a filter value (spelled out: no key is built from the enum's name).</summary>
    public static string FilterKey(StreetOpinionFilter filter) => filter switch
    {
        StreetOpinionFilter.Pending => "Grant.Street.Filter.Pending",
        StreetOpinionFilter.Recommended => "Grant.Street.Filter.Recommended",
        StreetOpinionFilter.NotRecommended => "Grant.Street.Filter.NotRecommended",
        _ => "Grant.Street.Filter.All",
    };

    public async Task OnGetAsync(string? round, string? opinion, int p = 1, CancellationToken cancellationToken = default)
    {
        Street = await streets.StreetOfAsync(User, cancellationToken);
        if (Street is null)
        {
            return;
        }

        Rounds = await streets.RoundsOfStreetAsync(Street, cancellationToken);
        var filter = new FilterReader();
        Opinion = filter.Choice<StreetOpinionFilter>(opinion, "opinion", "Grant.Street.Field.Opinion") ?? StreetOpinionFilter.All;
        var errors = new List<FormError>(filter.Errors);
        if (!string.IsNullOrWhiteSpace(round))
        {
            if (int.TryParse(round.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && Rounds.Any(r => r.Id == id))
            {
                RoundId = id;
            }
            else
            {
                errors.Add(new FormError("round", "Filter.BadChoice", "Grant.Field.Round", round.Trim()));
            }
        }

        if (errors.Count > 0)
        {
            ModelState.AddResult(new OperationResult(errors), localizer, "");
            return;
        }

        var (rows, total, page) = await streets.ListAsync(Street, RoundId, Opinion, p, PageSize, cancellationToken);
        Rows = rows;
        var query = FilterReader.Query(("round", RoundId), ("opinion", Opinion == StreetOpinionFilter.All ? null : Opinion));
        Paging = new PageInfo(page, PageSize, total, n => string.Create(CultureInfo.InvariantCulture, $"?{query}&p={n}"));
    }
}
