using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Modularity;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages.Admin;

/// <summary>
/// The submitted applications behind the fund's figures, filtered by year or round, category and stage, with the total and,
/// for an amount, its sum: exactly what a report's figure counts (<see cref="GrantFigureDefinitions"/>).
/// </summary>
[Permission(GrantsPermissions.Manage)]
public sealed class ApplicationsModel(DbContext db, IStringLocalizer localizer) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<GrantRound> Rounds { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public int? Year { get; private set; }

    public int? RoundId { get; private set; }

    public string? Category { get; private set; }

    public FigureStage Stage { get; private set; }

    public FigureAmount? Amount { get; private set; }

    public IReadOnlyList<GrantFigureRow> Rows { get; private set; } = [];

    /// <summary>The chosen amount summed over every listed application (not only this page), in fen.</summary>
    public long SumFen { get; private set; }

    public PageInfo Paging { get; private set; } = new(1, PageSize, 0, _ => "");

    /// <summary>The chosen amount of a listed application, in fen.</summary>
    public long FenOf(GrantFigureRow row) => Amount is { } amount ? GrantFigureDefinitions.FenOf(row, amount) : 0;

    public async Task OnGetAsync(string? year, string? round, string? category, string? stage, string? amount, int p = 1, CancellationToken cancellationToken = default)
    {
        Rounds = await db.Set<GrantRound>().AsNoTracking().OrderByDescending(r => r.Year).ThenByDescending(r => r.OpensAt).ToListAsync(cancellationToken);
        Years = [.. Rounds.Select(r => r.Year).Distinct()];
        Categories = [.. Rounds.SelectMany(r => r.Categories).Select(c => c.Name).Distinct().Order(StringComparer.Ordinal)];

        var filter = new FilterReader();
        var errors = new List<FormError>();
        Year = Pick(year, Years, "year", "Grant.Field.Year", errors);
        RoundId = Pick(round, Rounds.Select(r => r.Id).ToList(), "round", "Grant.Field.Round", errors);
        Category = string.IsNullOrWhiteSpace(category) ? null : Categories.FirstOrDefault(c => c == category.Trim());
        if (Category is null && !string.IsNullOrWhiteSpace(category))
        {
            errors.Add(BadChoice("category", "Grant.Field.Category", category));
        }

        Stage = filter.Choice<FigureStage>(stage, "stage", "Grant.List.Stage") ?? FigureStage.All;
        Amount = filter.Choice<FigureAmount>(amount, "amount", "Grant.List.Amount");
        errors.AddRange(filter.Errors);
        if (errors.Count > 0)
        {
            ModelState.AddResult(new OperationResult(errors), localizer, "");
            return;
        }

        var rows = GrantFigureDefinitions.Rows(db).Where(GrantFigureDefinitions.In(Stage));
        if (Year is { } y)
        {
            rows = rows.Where(r => r.Year == y);
        }

        if (RoundId is { } id)
        {
            rows = rows.Where(r => r.RoundId == id);
        }

        if (Category is { } c)
        {
            rows = rows.Where(r => r.Category == c);
        }

        if (Amount is { } chosen)
        {
            rows = rows.Where(GrantFigureDefinitions.Counted(chosen));
            SumFen = await rows.Select(GrantFigureDefinitions.Fen(chosen)).SumAsync(cancellationToken);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = PageInfo.Clamp(p, PageSize, total);
        Rows = await rows.OrderBy(r => r.RoundId).ThenBy(r => r.Category).ThenBy(r => r.OrganizationName).ThenBy(r => r.ApplicationId)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var query = FilterReader.Query(("year", Year), ("round", RoundId), ("category", Category), ("stage", Stage), ("amount", Amount));
        Paging = new PageInfo(page, PageSize, total, n => string.Create(CultureInfo.InvariantCulture, $"?{query}&p={n}"));
    }

    /// <summary>A number from the offered list (a year, a round), or null when empty; anything else is reported.</summary>
    private static int? Pick(string? text, IReadOnlyList<int> offered, string field, string label, List<FormError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && offered.Contains(value))
        {
            return value;
        }

        errors.Add(BadChoice(field, label, text));
        return null;
    }

    private static FormError BadChoice(string field, string label, string text) => new(field, "Filter.BadChoice", label, text.Trim());
}
