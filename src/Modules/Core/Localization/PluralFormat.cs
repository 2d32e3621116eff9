using System.Globalization;

namespace Registry.Core.Localization;

/// <summary>
/// A culture's formatting plus plural forms for languages that inflect nouns by number: the format <c>{0:unit|units}</c>
/// writes the first form when argument 0 is 1 and the second otherwise ("1 organization", "4 organizations"). Chinese
/// templates simply never use it. An argument that is not a number (already formatted text) is read as one.
/// </summary>
public sealed class PluralFormat(CultureInfo culture) : IFormatProvider, ICustomFormatter
{
    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is not null && format.Contains('|', StringComparison.Ordinal))
        {
            var forms = format.Split('|', 2);
            return IsOne(arg) ? forms[0] : forms[1];
        }

        return arg is IFormattable formattable ? formattable.ToString(format, culture) : arg?.ToString() ?? "";
    }

    private bool IsOne(object? arg) => arg switch
    {
        int or long or short or decimal or double or float => Convert.ToDecimal(arg, culture) == 1,
        string text => decimal.TryParse(text, NumberStyles.Number, culture, out var number) && number == 1,
        _ => false,
    };
}
