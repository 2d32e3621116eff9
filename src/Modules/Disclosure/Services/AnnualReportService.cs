using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Content.Contracts;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Core.Tabular;
using Registry.Disclosure.Contracts;
using Registry.Disclosure.Domain;
using Registry.Organizations.Contracts;
using Registry.Supervision.Contracts;

namespace Registry.Disclosure.Services;

/// <summary>Table 二's rows on 规章 and 行政规范性文件 (本年制发, 本年废止, 现行有效).</summary>
public sealed record PolicyFigureRow(string Level, int Issued, int Repealed, int InForce);

/// <summary>Entries published to the catalogue in the year under one 组配分类.</summary>
public sealed record CategoryFigure(string Category, int Count);

/// <summary>One line of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, and their 总计.</summary>
public sealed record OutcomeFigures(int Upheld, int Corrected, int Other, int Pending)
{
    public int Total => Upheld + Corrected + Other + Pending;
}

/// <summary>
/// Everything the annual report shows: counted from the records (request table, policies, licensing, catalogue) and entered
/// by officers (text, 行政复议/诉讼, enforcement, fees). Published, it is stored as JSON and shown unchanged.
/// </summary>
public sealed record AnnualReportFigures(
    int Year,
    string Overview,
    IReadOnlyList<PolicyFigureRow> Policies,
    int Licensing,
    int Penalties,
    int Enforcements,
    long FeesFen,
    IReadOnlyList<CategoryFigure> Catalogue,
    IReadOnlyDictionary<string, int> Requests,
    OutcomeFigures Review,
    OutcomeFigures Suit,
    OutcomeFigures SuitAfterReview,
    string Problems,
    string OtherMatters)
{
    /// <summary>The policy levels table 二 counts: 规章 and 行政规范性文件.</summary>
    public static readonly IReadOnlyList<string> PolicyLevels = ["DepartmentalRule", "NormativeDocument"];

    public int Count(ReportRow row, ReportColumn column) => Requests.TryGetValue(Key(row, column), out var count) ? count : 0;

    public static string Key(ReportRow row, ReportColumn column) => $"{row}:{column}";
}

/// <summary>What an officer enters on the annual report.</summary>
public sealed class AnnualReportInput
{
    public string? Overview { get; set; }

    public string? Problems { get; set; }

    public string? OtherMatters { get; set; }

    public int Enforcements { get; set; }

    /// <summary>行政事业性收费 in yuan with up to two decimals, as officers know it (stored in fen).</summary>
    public decimal FeesYuan { get; set; }

    public int ReviewUpheld { get; set; }

    public int ReviewCorrected { get; set; }

    public int ReviewOther { get; set; }

    public int ReviewPending { get; set; }

    public int SuitUpheld { get; set; }

    public int SuitCorrected { get; set; }

    public int SuitOther { get; set; }

    public int SuitPending { get; set; }

    public int SuitAfterReviewUpheld { get; set; }

    public int SuitAfterReviewCorrected { get; set; }

    public int SuitAfterReviewOther { get; set; }

    public int SuitAfterReviewPending { get; set; }

    public long Version { get; set; }

    /// <summary>The counts and their field names, for checking bounds in one place.</summary>
    public IEnumerable<(string Field, int Value)> Counts() =>
    [
        (nameof(Enforcements), Enforcements),
        (nameof(ReviewUpheld), ReviewUpheld), (nameof(ReviewCorrected), ReviewCorrected), (nameof(ReviewOther), ReviewOther), (nameof(ReviewPending), ReviewPending),
        (nameof(SuitUpheld), SuitUpheld), (nameof(SuitCorrected), SuitCorrected), (nameof(SuitOther), SuitOther), (nameof(SuitPending), SuitPending),
        (nameof(SuitAfterReviewUpheld), SuitAfterReviewUpheld), (nameof(SuitAfterReviewCorrected), SuitAfterReviewCorrected),
        (nameof(SuitAfterReviewOther), SuitAfterReviewOther), (nameof(SuitAfterReviewPending), SuitAfterReviewPending),
    ];

    public static AnnualReportInput From(AnnualDisclosureReport? report) => report is null ? new() : new()
    {
        Overview = report.Overview,
        Problems = report.Problems,
        OtherMatters = report.OtherMatters,
        Enforcements = report.Enforcements,
        FeesYuan = report.FeesFen / 100m,
        ReviewUpheld = report.ReviewUpheld,
        ReviewCorrected = report.ReviewCorrected,
        ReviewOther = report.ReviewOther,
        ReviewPending = report.ReviewPending,
        SuitUpheld = report.SuitUpheld,
        SuitCorrected = report.SuitCorrected,
        SuitOther = report.SuitOther,
        SuitPending = report.SuitPending,
        SuitAfterReviewUpheld = report.SuitAfterReviewUpheld,
        SuitAfterReviewCorrected = report.SuitAfterReviewCorrected,
        SuitAfterReviewOther = report.SuitAfterReviewOther,
        SuitAfterReviewPending = report.SuitAfterReviewPending,
        Version = report.Version,
    };
}

/// <summary>
/// 政府信息公开工作年度报告 (条例 第四十九–五十条) in the national format (国办公开办函〔2021〕30号): figures counted from the
/// records whenever read, the officers' part saved as a draft, and publication as a catalogue entry with a frozen snapshot.
/// </summary>
public sealed class AnnualReportService(
    DbContext db,
    IPolicyFigures policies,
    IRegistrationFigures registrations,
    IPenaltyRecords penalties,
    IDisclosureCatalogue catalogue,
    ISettings settings,
    IAuditTrail audit,
    ICurrentActor actor,
    TimeProvider clock)
{
    public const string AuditEntity = "AnnualDisclosureReport";

    /// <summary>The first year the 条例 was in force (2008); no report is made for a year before it.</summary>
    public const int FirstYear = 2008;

    /// <summary>The catalogue's 组配分类 of the reports.</summary>
    public const string Category = "政府信息公开年报";

    /// <summary>Largest fee entered: ¥100,000,000.00 (no office charges that in a year; it bounds typing errors).</summary>
    public const decimal MaxFeesYuan = 100_000_000m;

    /// <summary>Years a report may be made for: from <see cref="FirstYear"/> to the current year (a draft may start in December).</summary>
    public bool IsReportableYear(int year) => year >= FirstYear && year <= ChinaTime.Today(clock).Year;

    public Task<AnnualDisclosureReport?> FindAsync(int year, CancellationToken cancellationToken) =>
        db.Set<AnnualDisclosureReport>().SingleOrDefaultAsync(r => r.Year == year, cancellationToken);

    /// <summary>The reports made so far, newest year first.</summary>
    public Task<List<AnnualDisclosureReport>> ListAsync(CancellationToken cancellationToken) =>
        db.Set<AnnualDisclosureReport>().AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(cancellationToken);

    /// <summary>The requests that count in the year's table (received by its end, not concluded before it).</summary>
    public async Task<IReadOnlyList<DisclosureRequest>> RequestsOfYearAsync(int year, CancellationToken cancellationToken)
    {
        var end = new DateOnly(year, 12, 31);
        var loaded = await db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Events)
            .Where(r => r.ReceivedOn <= end)
            .OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return [.. loaded.Where(r => AnnualReportRules.RowsOf(r, year).Count > 0)];
    }

    /// <summary>The figures as of now: counted from the records, with the officers' part from <paramref name="report"/>.</summary>
    public async Task<AnnualReportFigures> FiguresAsync(int year, AnnualDisclosureReport? report, CancellationToken cancellationToken)
    {
        var requests = await RequestsOfYearAsync(year, cancellationToken);
        var table = new Dictionary<string, int>();
        foreach (var request in requests)
        {
            var column = AnnualReportRules.ColumnOf(request);
            foreach (var row in AnnualReportRules.RowsOf(request, year))
            {
                foreach (var (r, c) in new[] { (row, column), (row, ReportColumn.Total) }
                    .Concat(AnnualReportRules.ResultRows.Contains(row) ? [(ReportRow.ResultsTotal, column), (ReportRow.ResultsTotal, ReportColumn.Total)] : []))
                {
                    var key = AnnualReportFigures.Key(r, c);
                    table[key] = table.GetValueOrDefault(key) + 1;
                }
            }
        }

        var issuer = await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        var policyRows = new List<PolicyFigureRow>();
        foreach (var level in AnnualReportFigures.PolicyLevels)
        {
            var counted = await policies.CountAsync(level, issuer, year, cancellationToken);
            policyRows.Add(new PolicyFigureRow(level, counted.Issued, counted.Repealed, counted.InForce));
        }

        var licensing = await registrations.ProcessingTimeAsync(
            ChinaTime.StartUtc(new DateOnly(year, 1, 1)), ChinaTime.StartUtc(new DateOnly(year + 1, 1, 1)), cancellationToken);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var penaltyDecisions = await penalties.DecidedBetweenAsync(first, last, cancellationToken);
        var categories = await db.Set<CatalogueItem>().AsNoTracking()
            .Where(i => !i.Withdrawn && i.PublishedOn >= first && i.PublishedOn <= last)
            .GroupBy(i => i.Category)
            .Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return new AnnualReportFigures(
            year,
            report?.Overview ?? "",
            policyRows,
            licensing.Decided,
            penaltyDecisions,
            report?.Enforcements ?? 0,
            report?.FeesFen ?? 0,
            [.. categories.OrderBy(c => c.Category, StringComparer.Ordinal).Select(c => new CategoryFigure(c.Category, c.Count))],
            table,
            new OutcomeFigures(report?.ReviewUpheld ?? 0, report?.ReviewCorrected ?? 0, report?.ReviewOther ?? 0, report?.ReviewPending ?? 0),
            new OutcomeFigures(report?.SuitUpheld ?? 0, report?.SuitCorrected ?? 0, report?.SuitOther ?? 0, report?.SuitPending ?? 0),
            new OutcomeFigures(report?.SuitAfterReviewUpheld ?? 0, report?.SuitAfterReviewCorrected ?? 0, report?.SuitAfterReviewOther ?? 0, report?.SuitAfterReviewPending ?? 0),
            report?.Problems ?? "",
            report?.OtherMatters ?? "");
    }

    /// <summary>The published figures, or null when the year's report is not published.</summary>
    public async Task<AnnualReportFigures?> PublishedAsync(int year, CancellationToken cancellationToken)
    {
        var report = await db.Set<AnnualDisclosureReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Year == year && r.State == AnnualReportState.Published, cancellationToken);
        return report?.SnapshotJson is { } json ? JsonSerializer.Deserialize<AnnualReportFigures>(json) : null;
    }

    /// <summary>Saves the officers' part (a new draft, or changes to a draft or a published report, which stays as published until published again).</summary>
    public async Task<OperationResult> SaveAsync(int year, AnnualReportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Check(year, input);
        if (errors.Count > 0)
        {
            return new OperationResult(errors);
        }

        var report = await FindAsync(year, cancellationToken);
        var created = report is null;
        if (report is null)
        {
            report = new AnnualDisclosureReport { Year = year, State = AnnualReportState.Draft };
            db.Add(report);
        }
        else if (report.Version != input.Version)
        {
            return OperationResult.Stale;
        }

        report.Overview = input.Overview?.Trim() ?? "";
        report.Problems = input.Problems?.Trim() ?? "";
        report.OtherMatters = input.OtherMatters?.Trim() ?? "";
        report.Enforcements = input.Enforcements;
        report.FeesFen = (long)Math.Round(input.FeesYuan * 100m, MidpointRounding.AwayFromZero);
        report.ReviewUpheld = input.ReviewUpheld;
        report.ReviewCorrected = input.ReviewCorrected;
        report.ReviewOther = input.ReviewOther;
        report.ReviewPending = input.ReviewPending;
        report.SuitUpheld = input.SuitUpheld;
        report.SuitCorrected = input.SuitCorrected;
        report.SuitOther = input.SuitOther;
        report.SuitPending = input.SuitPending;
        report.SuitAfterReviewUpheld = input.SuitAfterReviewUpheld;
        report.SuitAfterReviewCorrected = input.SuitAfterReviewCorrected;
        report.SuitAfterReviewOther = input.SuitAfterReviewOther;
        report.SuitAfterReviewPending = input.SuitAfterReviewPending;
        report.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        report.UpdatedBy = actor.Name;
        audit.Record(created ? "disclosure.annual-report.created" : "disclosure.annual-report.saved", AuditEntity, Key(year), Key(year));
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the saved report: its figures as of now are frozen into the snapshot the public page shows, and the catalogue
    /// gets (or updates) its entry under <see cref="Category"/>. Only once the year is over, and with the overview written.
    /// </summary>
    public async Task<OperationResult> PublishAsync(int year, long seenVersion, CancellationToken cancellationToken)
    {
        var report = await FindAsync(year, cancellationToken);
        if (report is null || string.IsNullOrWhiteSpace(report.Overview))
        {
            return OperationResult.Fail(nameof(AnnualReportInput.Overview), "Disclosure.Annual.Error.OverviewRequired");
        }

        if (report.Version != seenVersion)
        {
            return OperationResult.Stale;
        }

        var today = ChinaTime.Today(clock);
        if (year >= today.Year)
        {
            return OperationResult.Fail("", "Disclosure.Annual.Error.YearNotOver", year);
        }

        var figures = await FiguresAsync(year, report, cancellationToken);
        report.SnapshotJson = JsonSerializer.Serialize(figures);
        report.State = AnnualReportState.Published;
        report.PublishedAt = clock.GetUtcNow().UtcDateTime;
        report.PublishedBy = actor.Name;
        report.UpdatedAt = report.PublishedAt.Value;
        report.UpdatedBy = actor.Name;
        var saved = await db.SaveOrConflictAsync(cancellationToken);
        if (!saved.Succeeded)
        {
            return saved;
        }

        var bureau = await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        report.IndexNumber = await catalogue.PublishAsync(
            new CatalogueEntry("Disclosure", AnnualReportPaths.SourceKey(year), $"{bureau}{year}年政府信息公开工作年度报告", Category, AnnualReportPaths.Public(year), today),
            cancellationToken);
        audit.Record("disclosure.annual-report.published", AuditEntity, Key(year), $"{Key(year)} {report.IndexNumber}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>The report's tables as a workbook: one sheet per table of the national format.</summary>
    public static byte[] Xlsx(AnnualReportFigures figures, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(localizer);
        string L(string key) => localizer[key].Value;
        var proactive = new List<IReadOnlyList<object?>>();
        proactive.AddRange(figures.Policies.Select(p => (IReadOnlyList<object?>)[L($"Disclosure.Annual.Policy.{p.Level}"), p.Issued, p.Repealed, p.InForce]));
        proactive.Add([L("Disclosure.Annual.Licensing"), figures.Licensing, null, null]);
        proactive.Add([L("Disclosure.Annual.Penalties"), figures.Penalties, null, null]);
        proactive.Add([L("Disclosure.Annual.Enforcements"), figures.Enforcements, null, null]);
        proactive.Add([L("Disclosure.Annual.FeesWanYuan"), WanYuan(figures.FeesFen), null, null]);
        var requests = Enum.GetValues<ReportRow>()
            .Select(row => (IReadOnlyList<object?>)[L($"Disclosure.Annual.Row.{row}"), .. Enum.GetValues<ReportColumn>().Select(c => (object?)figures.Count(row, c))])
            .ToList();
        var outcomes = new[] { ("Review", figures.Review), ("Suit", figures.Suit), ("SuitAfterReview", figures.SuitAfterReview) }
            .Select(o => (IReadOnlyList<object?>)[L($"Disclosure.Annual.Outcome.{o.Item1}"), o.Item2.Upheld, o.Item2.Corrected, o.Item2.Other, o.Item2.Pending, o.Item2.Total])
            .ToList();
        return TabularExport.Xlsx(
        [
            new ExportTable(L("Disclosure.Annual.Section.Proactive"),
                [L("Disclosure.Annual.Column.Content"), L("Disclosure.Annual.Column.Issued"), L("Disclosure.Annual.Column.Repealed"), L("Disclosure.Annual.Column.InForce")], proactive),
            new ExportTable(L("Disclosure.Annual.Section.Requests"),
                [L("Disclosure.Annual.Column.Row"), .. Enum.GetValues<ReportColumn>().Select(c => L($"Disclosure.Annual.Column.{c}"))], requests),
            new ExportTable(L("Disclosure.Annual.Section.Appeals"),
                [L("Disclosure.Annual.Column.Row"), L("Disclosure.Annual.Column.Upheld"), L("Disclosure.Annual.Column.Corrected"), L("Disclosure.Annual.Column.OtherOutcome"),
                    L("Disclosure.Annual.Column.Pending"), L("Disclosure.Annual.Column.Total")], outcomes),
        ]);
    }

    /// <summary>Fen as 万元 with four decimals, the unit the national format asks for.</summary>
    public static decimal WanYuan(long fen) => Math.Round(fen / 1_000_000m, 4);

    private static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);

    private List<FormError> Check(int year, AnnualReportInput input)
    {
        var errors = new List<FormError>();
        if (!IsReportableYear(year))
        {
            errors.Add(new FormError("", "Disclosure.Annual.Error.Year", FirstYear, ChinaTime.Today(clock).Year));
        }

        foreach (var (field, text) in new[] { (nameof(input.Overview), input.Overview), (nameof(input.Problems), input.Problems), (nameof(input.OtherMatters), input.OtherMatters) })
        {
            if (text?.Length > AnnualDisclosureReport.MaxText)
            {
                errors.Add(new FormError(field, "Disclosure.Annual.Error.TooLong", AnnualDisclosureReport.MaxText));
            }
        }

        errors.AddRange(input.Counts().Where(c => c.Value is < 0 or > AnnualDisclosureReport.MaxCount)
            .Select(c => new FormError(c.Field, "Disclosure.Annual.Error.Count", AnnualDisclosureReport.MaxCount)));
        if (input.FeesYuan is < 0 or > MaxFeesYuan || decimal.Round(input.FeesYuan, 2) != input.FeesYuan)
        {
            errors.Add(new FormError(nameof(input.FeesYuan), "Disclosure.Annual.Error.Fees", MaxFeesYuan));
        }

        return errors;
    }
}

/// <summary>Addresses of the annual report pages (inside this module).</summary>
public static class AnnualReportPaths
{
    public static string Public(int year) => string.Create(CultureInfo.InvariantCulture, $"/Disclosure/AnnualReport/{year}");

    /// <summary>The catalogue entry key of the year's report.</summary>
    public static string SourceKey(int year) => string.Create(CultureInfo.InvariantCulture, $"annual-report:{year}");
}

/// <summary>What the report's tables partial shows: the figures, and whether each request figure links to its records (staff only).</summary>
public sealed record AnnualReportView(AnnualReportFigures Figures, bool LinkRecords);
