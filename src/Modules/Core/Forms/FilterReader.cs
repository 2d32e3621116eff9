using System.Globalization;

namespace Registry.Core.Forms;

/// <summary>
/// Reads a back-office list's filter from query values. An empty value means "not filtered"; a value that is not
/// understood becomes an error to show (<see cref="Errors"/>), never a guess and never a server error.
/// </summary>
public sealed class FilterReader
{
    /// <summary>How a day is written in a filter's query string.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    private readonly List<FormError> _errors = [];

    public IReadOnlyList<FormError> Errors => _errors;

    /// <summary>One of <typeparamref name="T"/>'s names (not its number), or null when empty.</summary>
    public T? Choice<T>(string? text, string field, string label)
        where T : struct, Enum => Choice(text, field, label, Enum.GetValues<T>());

    /// <summary>One of the <paramref name="allowed"/> names, or null when empty.</summary>
    public T? Choice<T>(string? text, string field, string label, IReadOnlyCollection<T> allowed)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryName(text, allowed, out var value))
        {
            return value;
        }

        Error(field, "Filter.BadChoice", label, text.Trim());
        return null;
    }

    /// <summary>A day written <see cref="DateFormat"/>, or null when empty.</summary>
    public DateOnly? Date(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (InputLimits.IsSaneDate(day))
            {
                return day;
            }

            Error(field, "Filter.DateRange", label, Format(InputLimits.MinDate), Format(InputLimits.MaxDate));
            return null;
        }

        Error(field, "Filter.BadDate", label, text.Trim());
        return null;
    }

    /// <summary>A yes/no switch (a checkbox's <c>true</c>), false when empty.</summary>
    public bool Flag(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        Error(field, "Filter.BadChoice", label, text.Trim());
        return false;
    }

    /// <summary>Refuses a period whose first day comes after its last.</summary>
    public void InOrder(DateOnly? first, DateOnly? last, string field)
    {
        if (first > last)
        {
            Error(field, "Filter.FromAfterTo", Format(first!.Value), Format(last!.Value));
        }
    }

    /// <summary><paramref name="text"/> as one of the <paramref name="allowed"/> names (numbers are not names).</summary>
    public static bool TryName<T>(string? text, IReadOnlyCollection<T> allowed, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var name = text?.Trim() ?? "";
        if (name.Length > 0 && char.IsLetter(name[0]) && Enum.TryParse(name, ignoreCase: false, out value) && allowed.Contains(value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A query string (without '?') of the values that are set, escaped; days written <see cref="DateFormat"/>.</summary>
    public static string Query(params (string Name, object? Value)[] values) =>
        string.Join('&', values.Select(v => v.Value switch
        {
            null => null,
            DateOnly day => $"{v.Name}={Format(day)}",
            IFormattable formattable => $"{v.Name}={Uri.EscapeDataString(formattable.ToString(null, CultureInfo.InvariantCulture))}",
            _ => $"{v.Name}={Uri.EscapeDataString(v.Value.ToString() ?? "")}",
        }).Where(p => p is not null));

    private void Error(string field, string key, params object[] args) => _errors.Add(new FormError(field, key, args));
}
