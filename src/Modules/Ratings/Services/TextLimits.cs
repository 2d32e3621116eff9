using System.Diagnostics.CodeAnalysis;
using Registry.Core.Forms;

namespace Registry.Ratings.Services;

/// <summary>
/// The longest texts the ratings forms take, and the checks every service runs on them: blank is "required", too long
/// is "at most n characters" (never the other way round), so a page that skipped its own checks still shows the right
/// message. Lengths count the trimmed text, as stored.
/// </summary>
public static class TextLimits
{
    /// <summary>Review grounds (复核理由) and the written answer to them.</summary>
    public const int Review = 5000;

    /// <summary>Eligibility notes, committee and downgrade reasons, conflict statements, expert comments.</summary>
    public const int Note = 2000;

    /// <summary>A required text: refused when blank or longer than <paramref name="max"/>; <paramref name="label"/> is the field's catalog key.</summary>
    public static bool Refused(string field, string label, [NotNullWhen(false)] string? text, int max, out OperationResult refused)
    {
        refused = string.IsNullOrWhiteSpace(text) ? OperationResult.Fail(field, "Validation.Required", label) : TooLong(field, label, text, max);
        return !refused.Succeeded;
    }

    /// <summary>An optional text: refused only when longer than <paramref name="max"/>.</summary>
    public static bool RefusedIfTooLong(string field, string label, string? text, int max, out OperationResult refused)
    {
        refused = TooLong(field, label, text, max);
        return !refused.Succeeded;
    }

    private static OperationResult TooLong(string field, string label, string? text, int max) =>
        text is not null && text.Trim().Length > max ? OperationResult.Fail(field, "Validation.MaxLength", label, max) : OperationResult.Ok;
}
