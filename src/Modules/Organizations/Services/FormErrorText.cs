using Microsoft.Extensions.Localization;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>Turns a <see cref="FormError"/> into a sentence: arguments that are keys (documents, fields, states) are localized too.</summary>
public static class FormErrorText
{
    public static string Describe(this IStringLocalizer localizer, FormError error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        return localizer.Describe(error.Key, error.Args);
    }

    public static string Describe(this IStringLocalizer localizer, string key, object[] args)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(args);
        var localizedArgs = args.Select(a => a is string s && IsKey(s) ? localizer[s].Value : a).ToArray();
        return localizer[key, localizedArgs].Value;
    }

    private static bool IsKey(string text) =>
        text.StartsWith("Doc.", StringComparison.Ordinal) || text.StartsWith("Org.", StringComparison.Ordinal);
}
