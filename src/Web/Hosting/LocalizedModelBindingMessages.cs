using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Registry.Web.Hosting;

/// <summary>Model-binding errors (a letter in a number field …) in the visitor's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizer localizer) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(v => localizer["Validation.ValueInvalid", Shorten(v)]);
        messages.SetAttemptedValueIsInvalidAccessor((v, f) => localizer["Validation.AttemptedValueInvalid", Shorten(v), f]);
        messages.SetValueMustBeANumberAccessor(f => localizer["Validation.MustBeNumber", f]);
        messages.SetMissingBindRequiredValueAccessor(f => localizer["Validation.Required", f]);
        messages.SetValueMustNotBeNullAccessor(f => localizer["Validation.Required", f]);
        messages.SetMissingKeyOrValueAccessor(() => localizer["Validation.Required", ""]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => localizer["Validation.ValueInvalid", Shorten(v)]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => localizer["Validation.MustBeNumber", ""]);
        messages.SetUnknownValueIsInvalidAccessor(f => localizer["Validation.ValueInvalid", f]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => localizer["Validation.Required", ""]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => localizer["Validation.ValueInvalid", ""]);
    }

    /// <summary>A posted value echoed in a message is cut short: a megabyte posted must not come back (or be logged) whole.</summary>
    internal static string Shorten(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value ?? "";
}
