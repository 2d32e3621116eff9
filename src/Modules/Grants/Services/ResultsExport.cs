using System.Globalization;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Tabular;
using Registry.Grants.Domain;

namespace Registry.Grants.Services;

/// <summary>
/// The round's review results for officers as CSV or XLSX: per application the rank, the raw, trimmed and z-score means,
/// the spread and its flag and every reviewer's total (a column a reviewer); then each reviewer's mean, spread and strictness.
/// </summary>
public static class ResultsExport
{
    /// <summary><paramref name="reviewerNames"/>: the name of every reviewer seated in the round, by account id.</summary>
    public static IReadOnlyList<ExportTable> Tables(RoundResults results, IReadOnlyDictionary<string, string> reviewerNames, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(reviewerNames);
        ArgumentNullException.ThrowIfNull(localizer);
        string L(string key) => localizer[key].Value;
        var reviewers = results.Totals.Select(t => t.ReviewerUserId).Distinct().OrderBy(id => Name(reviewerNames, id), StringComparer.Ordinal).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var totals = results.Totals.ToDictionary(t => (t.ApplicationId, t.ReviewerUserId), t => t.Total);
        var rank = 0;
        var applications = new ExportTable(
            L("Grant.Export.ApplicationsSheet"),
            [L("Grant.Export.Rank"), L("Grant.Field.Receipt"), L("Grant.Field.Title"), L("Grant.Field.Organization"), L("Grant.Field.Category"), L("Grant.Field.Requested"),
                L("Grant.Export.Sheets"), L("Grant.Admin.Raw"), L("Grant.Admin.Trimmed"), L("Grant.Admin.Z"), L("Grant.Admin.Spread"), L("Grant.Admin.Disagreement"),
                .. reviewers.Select(id => Name(reviewerNames, id))],
            [.. results.Ranked.Select(row =>
            {
                var a = row.Application;
                var s = row.Scores;
                object?[] cells =
                [
                    s is null ? null : ++rank, a.ReceiptNumber, a.Title, a.OrganizationName, a.Category, new Money(a.RequestedFen).ToYuan(),
                    s?.Reviewers, s?.RawMean, s?.TrimmedMean, s?.ZMean, s?.Spread, s is null ? null : L(s.SpreadFlagged ? "Grant.Export.Yes" : "Grant.Export.No"),
                    .. reviewers.Select(id => totals.TryGetValue((a.Id, id), out var total) ? total : (object?)null),
                ];
                return (IReadOnlyList<object?>)cells;
            })]);
        var profiles = new ExportTable(
            L("Grant.Admin.Reviewers"),
            [L("Grant.Export.Reviewer"), L("Grant.Export.Sheets"), L("Grant.Admin.ReviewerMean"), L("Grant.Export.StandardDeviation"), L("Grant.Admin.Strictness")],
            [.. results.Reviewers.OrderBy(p => Name(reviewerNames, p.ReviewerUserId), StringComparer.Ordinal)
                .Select(p => (IReadOnlyList<object?>)[Name(reviewerNames, p.ReviewerUserId), p.Scored, Round(p.Mean), Round(p.StandardDeviation), p.Strictness])]);
        return [applications, profiles];
    }

    public static string FileName(GrantRound round, string extension)
    {
        ArgumentNullException.ThrowIfNull(round);
        return string.Create(CultureInfo.InvariantCulture, $"grant-results-{round.Id}.{extension}");
    }

    private static decimal Round(decimal value) => Math.Round(value, ScoreAggregation.Decimals, MidpointRounding.AwayFromZero);

    private static string Name(IReadOnlyDictionary<string, string> names, string userId) => names.GetValueOrDefault(userId) ?? userId;
}
