using Registry.Core.Data;
using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>
/// A street office's recommendation opinion (推荐意见) on an application from an organization in its street: 推荐 or
/// 不推荐, with the opinion's text. One per application; the office may revise it until the shortlist is published.
/// </summary>
public sealed class StreetRecommendation : IVersioned
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    public string Street { get; set; } = "";

    public bool Recommended { get; set; }

    public string Opinion { get; set; } = "";

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime GivenAt { get; set; }

    public long Version { get; set; }
}

/// <summary>When a street office may give its opinion, and what a valid opinion is.</summary>
public static class StreetRecommendationRules
{
    public const int OpinionMax = 2000;

    /// <summary>Submitted or passed screening, and the shortlist not yet published (the opinion informs screening and review).</summary>
    public static bool IsOpen(GrantState state, RoundStage stage) =>
        state is GrantState.Submitted or GrantState.Passed && RoundWorkflow.BeforeShortlist(stage);

    /// <summary>A choice (推荐 / 不推荐) and the opinion's text (required either way, at most <see cref="OpinionMax"/> characters).</summary>
    public static List<FormError> Errors(bool? recommended, string? opinion)
    {
        var errors = new List<FormError>();
        if (recommended is null)
        {
            errors.Add(new FormError("Recommended", "Grant.Street.Error.Choose"));
        }

        if (string.IsNullOrWhiteSpace(opinion))
        {
            errors.Add(new FormError("Opinion", "Validation.Required", "Grant.Street.Field.Opinion"));
        }
        else if (opinion.Trim().Length > OpinionMax)
        {
            errors.Add(new FormError("Opinion", "Validation.MaxLength", "Grant.Street.Field.Opinion", OpinionMax));
        }

        return errors;
    }
}
