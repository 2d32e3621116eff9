using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Disclosure.Contracts;
using Registry.Reports.Domain;
using Registry.Reports.Services;

namespace Registry.Reports.Areas.Reports.Pages;

/// <summary>
/// The year's figures written out as the work summary (工作总结) in Chinese and in English, to copy or print; with
/// <see cref="IDisclosureDrafts.Permission"/>, turned in one click into a draft 计划总结 disclosure item holding the figures
/// as of today (the draft is a snapshot; this page stays live).
/// </summary>
[Permission(ReportsPermissions.View)]
public sealed class SummaryModel(ReportBuilder builder, ITextCatalog catalog, IStringLocalizer localizer, IDisclosureDrafts drafts, ISettings settings, TimeProvider clock)
    : ReportPageModel(localizer, clock)
{
    /// <summary>The languages the summary is written in, Chinese first.</summary>
    public static readonly IReadOnlyList<string> Languages = [TextCatalog.DefaultCulture, "en"];

    /// <summary>Paragraphs (one per section with figures) by language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Paragraphs { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    private readonly TimeProvider _clock = clock;
    private readonly IStringLocalizer _localizer = localizer;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(builder.BuildAsync, cancellationToken))
        {
            Paragraphs = Languages.ToDictionary(l => l, l => Write(Report!, catalog, CultureInfo.GetCultureInfo(l)));
        }

        return Page();
    }

    /// <summary>Whether the user may turn the summary into a draft disclosure item.</summary>
    public bool CanDraft => User.HasPermission(IDisclosureDrafts.Permission);

    /// <summary>The Chinese summary as a draft 计划总结 item for review; the officer lands on the draft's editor.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken cancellationToken)
    {
        if (!CanDraft)
        {
            return Forbid();
        }

        if (!await LoadAsync(builder.BuildAsync, cancellationToken))
        {
            return Page();
        }

        Paragraphs = Languages.ToDictionary(l => l, l => Write(Report!, catalog, CultureInfo.GetCultureInfo(l)));
        var zh = CultureInfo.GetCultureInfo(TextCatalog.DefaultCulture);
        var period = Report!.Period;
        var today = ChinaTime.Today(_clock);
        var bureau = await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        string Zh(string key, params object[] args) => string.Format(zh, catalog.Find(key, zh) ?? key, args);
        var scope = period.IsWholeYear
            ? Zh("Rep.Draft.PeriodYear", period.Year)
            : Zh("Rep.Draft.PeriodRange", period.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var asOf = Zh("Rep.Draft.AsOf", scope, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var draft = new DisclosureDraft("Reports", $"summary/{period.First:yyyyMMdd}-{period.Last:yyyyMMdd}", Zh("Rep.Draft.Title", bureau, period.Year), asOf,
            [.. Paragraphs[TextCatalog.DefaultCulture], asOf], today);
        var result = await drafts.DraftSummaryAsync(draft, cancellationToken);
        if (result.EditUrl is not { } editUrl)
        {
            ModelState.AddModelError(string.Empty, _localizer[result.ErrorKey ?? "Rep.Draft.Failed"].Value);
            return Page();
        }

        TempData["Flash"] = _localizer["Rep.Draft.Created", period.Year].Value;
        return LocalRedirect(editUrl);
    }

    /// <summary>The summary in one language, whatever the reader's: each section's clauses as one sentence.</summary>
    internal static IReadOnlyList<string> Write(Report report, ITextCatalog catalog, CultureInfo culture)
    {
        var formatter = new TextFormatter(key => catalog.Find(key, culture), culture);
        return [.. report.Sections.Select(s => formatter.Sentence(s.Summary)).Where(p => p.Length > 0)];
    }
}
