using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Areas.Reports.Pages;

/// <summary>The year's figures written out as the work summary (工作总结) in Chinese and in English, to copy or print.</summary>
[Permission(ReportsPermissions.View)]
public sealed class SummaryModel(ReportBuilder builder, ITextCatalog catalog, IStringLocalizer localizer, TimeProvider clock) : ReportPageModel(localizer, clock)
{
    /// <summary>The languages the summary is written in, Chinese first.</summary>
    public static readonly IReadOnlyList<string> Languages = [TextCatalog.DefaultCulture, "en"];

    /// <summary>Paragraphs (one per section with figures) by language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Paragraphs { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(builder.BuildAsync, cancellationToken))
        {
            Paragraphs = Languages.ToDictionary(l => l, l => Write(Report!, catalog, CultureInfo.GetCultureInfo(l)));
        }

        return Page();
    }

    /// <summary>The summary in one language, whatever the reader's: each section's clauses as one sentence.</summary>
    internal static IReadOnlyList<string> Write(Report report, ITextCatalog catalog, CultureInfo culture)
    {
        var formatter = new TextFormatter(key => catalog.Find(key, culture), culture);
        return [.. report.Sections.Select(s => formatter.Sentence(s.Summary)).Where(p => p.Length > 0)];
    }
}
