using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;

namespace Registry.Grants.Areas.Grants.Pages.Projects;

/// <summary>Reads amounts (yuan text to fen) and dates (yyyy-MM-dd) from the agreement forms; a bad value is a model error.</summary>
internal static class FormInput
{
    public static long? Fen(string? text, string field, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        if (Money.TryParse(text, out var money, out var error))
        {
            return money.Fen;
        }

        modelState.AddModelError(field, localizer[error ?? Money.ErrorInvalid]);
        return null;
    }

    public static DateOnly? Date(string? text, string field, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        modelState.AddModelError(field, localizer["Grant.Error.Date"]);
        return null;
    }
}
