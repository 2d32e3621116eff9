using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Registry.Core.Forms;

/// <summary>
/// Renders every date and date-time input as a text field in the ISO order (2026-01-31, 2026-01-31 09:00), the order
/// Chinese forms use (GB/T 7408). A native date input shows the browser's locale instead (mm/dd/yyyy in an English
/// browser, on a Chinese page). The theme's script adds a calendar button beside each field; without script the field
/// still takes typed dates, and the pages' parsers already read both forms.
/// </summary>
[HtmlTargetElement("input", Attributes = "type")]
public sealed class DateInputTagHelper(IStringLocalizer localizer) : TagHelper
{
    /// <summary>After the framework's input tag helper, so the type and value it derived from <c>asp-for</c> are final.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var type = output.Attributes["type"]?.Value?.ToString();
        var withTime = string.Equals(type, "datetime-local", StringComparison.OrdinalIgnoreCase);
        if (!withTime && !string.Equals(type, "date", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var kind = withTime ? "DateTime" : "Date";
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-date-input", withTime ? "datetime-local" : "date");
        output.Attributes.SetAttribute("data-picker-label", localizer["Form." + kind + ".Pick"].Value);
        output.Attributes.SetAttribute("pattern", withTime ? @"\d{4}-\d{1,2}-\d{1,2}[T ]\d{1,2}:\d{2}(:\d{2})?" : @"\d{4}-\d{1,2}-\d{1,2}");
        if (!output.Attributes.ContainsName("placeholder"))
        {
            output.Attributes.SetAttribute("placeholder", localizer["Form." + kind + ".Placeholder"].Value);
        }

        if (!output.Attributes.ContainsName("title"))
        {
            output.Attributes.SetAttribute("title", localizer["Form." + kind + ".Format"].Value);
        }

        // min and max mean nothing on a text field; the calendar button hands them to the picker.
        foreach (var bound in new[] { "min", "max" })
        {
            if (output.Attributes[bound]?.Value?.ToString() is { Length: > 0 } limit)
            {
                output.Attributes.SetAttribute("data-" + bound, limit);
            }

            output.Attributes.RemoveAll(bound);
        }

        if (withTime && output.Attributes["value"]?.Value?.ToString() is { Length: > 0 } value
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            output.Attributes.SetAttribute("value", instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
    }
}
