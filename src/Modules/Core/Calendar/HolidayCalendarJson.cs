using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Registry.Core.Calendar;

/// <summary>
/// Reads and writes the holiday calendar format of <c>shared/domain/holidays-cn.json</c>:
/// <c>{ "about", "years": [ { "year", "source", "holidays": [ { "name", "from", "to" } ], "workdays": [ dates ] } ] }</c>
/// with dates as <c>yyyy-MM-dd</c>.
/// </summary>
public static class HolidayCalendarJson
{
    private const string DateFormat = "yyyy-MM-dd";

    private const string About =
        "Mainland China public holidays and adjusted working days (调休上班日), as published each year by the General Office of the State Council (国务院办公厅关于部分节假日安排的通知). "
        + "A day is a working day when it is Monday-Friday and not in a holiday range, or when it is listed under workdays. "
        + "Years not listed here are unknown: deadline arithmetic that reaches into them must say so, not guess.";

    /// <summary>Parses and validates; bad data throws <see cref="FormatException"/> naming the entry.</summary>
    public static IReadOnlyList<CalendarYearData> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Holiday calendar: not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("years", out var yearsElement)
                || yearsElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("Holiday calendar: the root must be an object with a \"years\" array.");
            }

            var years = new List<CalendarYearData>();
            var index = 0;
            foreach (var element in yearsElement.EnumerateArray())
            {
                var year = ReadYear(element, Invariant($"years[{index}]"));
                var entry = Invariant($"years[{index}] ({year.Year})");
                if (year.FindProblem() is { } problem)
                {
                    throw new FormatException($"Holiday calendar {entry}: {problem}.");
                }

                if (years.Exists(y => y.Year == year.Year))
                {
                    throw new FormatException($"Holiday calendar {entry}: year {year.Year} is listed more than once.");
                }

                years.Add(year);
                index++;
            }

            return years.AsReadOnly();
        }
    }

    /// <summary>Writes years in ascending order, indented, Chinese text unescaped; throws <see cref="ArgumentException"/> on bad data.</summary>
    public static string Serialize(IEnumerable<CalendarYearData> years)
    {
        ArgumentNullException.ThrowIfNull(years);

        var ordered = years.OrderBy(y => y.Year).ToList();
        foreach (var year in ordered)
        {
            if (year.FindProblem() is { } problem)
            {
                throw new ArgumentException($"Calendar year {year.Year}: {problem}.", nameof(years));
            }
        }

        using var stream = new MemoryStream();
        // Relaxed escaping keeps 春节 readable; this is a data file, never embedded in HTML.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("about", About);
            writer.WriteStartArray("years");
            foreach (var year in ordered)
            {
                writer.WriteStartObject();
                writer.WriteNumber("year", year.Year);
                writer.WriteString("source", year.Source);
                writer.WriteStartArray("holidays");
                foreach (var holiday in year.Holidays)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", holiday.Name);
                    writer.WriteString("from", Iso(holiday.From));
                    writer.WriteString("to", Iso(holiday.To));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("workdays");
                foreach (var workday in year.Workdays)
                {
                    writer.WriteStringValue(Iso(workday));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static CalendarYearData ReadYear(JsonElement element, string entry)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Holiday calendar {entry}: must be an object.");
        }

        if (!element.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year))
        {
            throw new FormatException($"Holiday calendar {entry}: \"year\" must be an integer.");
        }

        entry = Invariant($"{entry} ({year})");
        var source = ReadString(element, "source", entry);

        var holidays = new List<HolidayRange>();
        var i = 0;
        foreach (var holiday in ReadArray(element, "holidays", entry))
        {
            var holidayEntry = Invariant($"{entry} holidays[{i++}]");
            if (holiday.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"Holiday calendar {holidayEntry}: must be an object.");
            }

            var name = ReadString(holiday, "name", holidayEntry);
            holidayEntry = $"{holidayEntry} '{name}'";
            holidays.Add(new HolidayRange(name, ReadDate(holiday, "from", holidayEntry), ReadDate(holiday, "to", holidayEntry)));
        }

        var workdays = new List<DateOnly>();
        i = 0;
        foreach (var workday in ReadArray(element, "workdays", entry))
        {
            workdays.Add(ParseDate(workday, Invariant($"{entry} workdays[{i++}]")));
        }

        return new CalendarYearData(year, source, holidays, workdays);
    }

    private static JsonElement.ArrayEnumerator ReadArray(JsonElement parent, string property, string entry) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"Holiday calendar {entry}: \"{property}\" must be an array.");

    private static string ReadString(JsonElement parent, string property, string entry) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"Holiday calendar {entry}: \"{property}\" must be a string.");

    private static DateOnly ReadDate(JsonElement parent, string property, string entry) =>
        parent.TryGetProperty(property, out var value)
            ? ParseDate(value, $"{entry} \"{property}\"")
            : throw new FormatException($"Holiday calendar {entry}: \"{property}\" is missing.");

    private static DateOnly ParseDate(JsonElement value, string entry) =>
        value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"Holiday calendar {entry}: {value.GetRawText()} is not a {DateFormat} date.");

    private static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
