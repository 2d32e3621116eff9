using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Registry.Core.Review;
using Registry.Grants.Domain;
using Registry.Grants.Services;

namespace Registry.Grants.Areas.Grants.Pages;

/// <summary>One criterion's score as typed on a review or evaluation sheet.</summary>
public sealed class ScoreInput
{
    public string? Points { get; set; }

    public string? Comment { get; set; }
}

/// <summary>Reads a score sheet's inputs for the services; what isn't a number is a model error on its field.</summary>
public static class ScoreSheetInput
{
    public static Dictionary<string, ScoreEntry> Parse(IEnumerable<RubricCriterion> rubric, IReadOnlyDictionary<string, ScoreInput> scores, ModelStateDictionary modelState, string notANumber)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(modelState);
        var entries = new Dictionary<string, ScoreEntry>();
        foreach (var criterion in rubric)
        {
            if (scores.GetValueOrDefault(criterion.Code) is not { Points: { Length: > 0 } points } input)
            {
                continue;
            }

            if (decimal.TryParse(points.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                entries[criterion.Code] = new ScoreEntry(value, input.Comment ?? "");
            }
            else
            {
                modelState.AddModelError($"Scores[{criterion.Code}].Points", notANumber);
            }
        }

        return entries;
    }
}
