using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Core.Forms;

namespace Registry.Grants.Areas.Grants.Pages.Projects;

/// <summary>Reads amounts (yuan text to fen) and dates (yyyy-MM-dd) from the agreement forms; a bad value is a model error.</summary>
internal static class FormInput
{
    public static long? Fen(IMoneyLimits limits, string moneyField, string? text, string field, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.TryParse(text, moneyField, out var money, out var error))
        {
            return money.Fen;
        }

        modelState.AddModelError(field, localizer[error ?? Money.ErrorInvalid]);
        return null;
    }

    public static DateOnly? Date(string? text, string field, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        if (InputLimits.TryParseDate(text, out var day, out var outOfRange))
        {
            return day;
        }

        modelState.AddModelError(field, outOfRange ? localizer[InputLimits.ErrorDateRange, InputLimits.DateRangeArgs] : localizer["Grant.Error.Date"]);
        return null;
    }
}
