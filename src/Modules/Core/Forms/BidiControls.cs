using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Registry.Core.Forms;

/// <summary>
/// Unicode direction controls (issue 26 item 12): the embeddings and overrides U+202A–U+202E, the isolates
/// U+2066–U+2069 and the marks U+200E, U+200F, U+061C. No Chinese or English title or file name needs them, and
/// a right-to-left override makes <c>invoice‮fdp.exe</c> read as <c>invoiceexe.pdf</c>: titles and file names refuse them.
/// </summary>
public static class BidiControls
{
    /// <summary>Error key (argument: the field's name) for a title that holds one.</summary>
    public const string ErrorKey = "Input.BidiControl";

    /// <summary>Error key for an uploaded file's name that holds one.</summary>
    public const string FileNameErrorKey = "Files.BidiControl";

    public static bool Contains(string? text) =>
        text is not null
        && (text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') >= 0
            || text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') >= 0
            || text.AsSpan().IndexOfAny('\u200E', '\u200F', '\u061C') >= 0);
}

/// <summary>A title (or name) field refuses Unicode direction controls (<see cref="BidiControls"/>), with a message naming the field.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class NoBidiControlsAttribute : ValidationAttribute
{
    public NoBidiControlsAttribute()
    {
        ErrorMessage = BidiControls.ErrorKey;
    }

    public override bool IsValid(object? value) => value is not string text || !BidiControls.Contains(text);

    /// <summary>
    /// MVC localizes only the attributes it has an adapter for; this one has none, so it words its own message through the
    /// request's localizer (the raw key would otherwise reach the page).
    /// </summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (IsValid(value))
        {
            return ValidationResult.Success;
        }

        var members = validationContext.MemberName is { } member ? new[] { member } : null;
        var message = validationContext.GetService(typeof(IStringLocalizer)) is IStringLocalizer localizer
            ? localizer[BidiControls.ErrorKey, validationContext.DisplayName].Value
            : FormatErrorMessage(validationContext.DisplayName);
        return new ValidationResult(message, members);
    }
}
