using System.Globalization;
using Registry.Core.Finance;

namespace Registry.Grants.Domain;

/// <summary>
/// One changed field between two versions of a plan: a localization key naming the field, the row (1-based) for
/// indicators and budget lines (0 otherwise), the text before and after ("" when the row was added or removed).
/// </summary>
public sealed record PlanChange(string FieldKey, int Row, string Before, string After);

/// <summary>The field-level difference of two plans, for both the applicant and the officer to see what a revision changes.</summary>
public static class PlanDiff
{
    public static IReadOnlyList<PlanChange> Between(AgreementPlan before, AgreementPlan after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<PlanChange>();
        void Compare(string key, int row, string old, string @new)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                changes.Add(new PlanChange(key, row, old, @new));
            }
        }

        Compare("Grant.Field.Objectives", 0, before.Objectives, after.Objectives);
        Compare("Grant.Field.ActivityPlan", 0, before.ActivityPlan, after.ActivityPlan);
        Compare("Grant.Field.StartOn", 0, Date(before.StartOn), Date(after.StartOn));
        Compare("Grant.Field.EndOn", 0, Date(before.EndOn), Date(after.EndOn));
        for (var i = 0; i < Math.Max(before.Indicators.Count, after.Indicators.Count); i++)
        {
            Compare("Grant.Field.Indicators", i + 1, Indicator(before.Indicators.ElementAtOrDefault(i)), Indicator(after.Indicators.ElementAtOrDefault(i)));
        }

        for (var i = 0; i < Math.Max(before.Lines.Count, after.Lines.Count); i++)
        {
            var old = before.Lines.ElementAtOrDefault(i);
            var @new = after.Lines.ElementAtOrDefault(i);
            if (old is null || @new is null)
            {
                Compare("Grant.Project.Diff.Line", i + 1, Line(old), Line(@new));
                continue;
            }

            Compare("Grant.Field.Item", i + 1, $"{old.Item} ({old.Category})", $"{@new.Item} ({@new.Category})");
            Compare("Grant.Field.Requested", i + 1, new Money(old.RequestedFen).Format(), new Money(@new.RequestedFen).Format());
            Compare("Grant.Field.Matching", i + 1, new Money(old.MatchingFen).Format(), new Money(@new.MatchingFen).Format());
        }

        Compare("Grant.Project.Diff.RequestedTotal", 0, new Money(before.RequestedFen).Format(), new Money(after.RequestedFen).Format());
        Compare("Grant.Project.Diff.MatchingTotal", 0, new Money(before.MatchingFen).Format(), new Money(after.MatchingFen).Format());
        return changes;
    }

    private static string Date(DateOnly day) => day == default ? "" : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Indicator(ProjectIndicator? indicator) => indicator is null ? "" : $"{indicator.Name}: {indicator.Target}";

    private static string Line(PlanLine? line) => line is null ? "" : $"{line.Item} ({line.Category}) {new Money(line.RequestedFen).Format()} + {new Money(line.MatchingFen).Format()}";
}
