using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Identification;
using Registry.Core.Tabular;
using Registry.Core.Security;
using Registry.Organizations.Services;

namespace Registry.Organizations.Areas.Organizations.Pages.Admin.Register;

/// <summary>
/// Imports the paper register from CSV or XLSX: all rows or none. A file with any bad row writes nothing and every bad
/// cell is listed, so the clerk fixes the spreadsheet once rather than row by row.
/// </summary>
[Permission(OrganizationsPermissions.ManageRegister)]
// A little above the allowed file size, so a slightly-too-large file still gets the friendly message below.
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class ImportModel(RegisterImporter importer, IRegistrationRulesProvider rulesProvider, ImportProgressBoard board, ICurrentActor actor, IStringLocalizer localizer) : PageModel
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private const long RequestLimit = MaxFileBytes + (2 * 1024 * 1024);

    /// <summary>The columns the importer reads: Chinese header, field (also accepted as the English header), required.</summary>
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("名称", "Name", ImportColumnRequirement.Always),
        new("类型", "Type", ImportColumnRequirement.Always),
        new("统一社会信用代码", "CreditCode", ImportColumnRequirement.Registered),
        new("备案编号", "FilingNumber", ImportColumnRequirement.Community),
        new("业务主管单位", "SupervisingUnit", ImportColumnRequirement.Optional),
        new("法定代表人", "LegalRepresentative", ImportColumnRequirement.Always),
        new("街道", "Street", ImportColumnRequirement.Always),
        new("社区", "Community", ImportColumnRequirement.Optional),
        new("住所", "Address", ImportColumnRequirement.Always),
        new("服务领域", "ServiceFields", ImportColumnRequirement.Optional),
        new("业务范围", "BusinessScope", ImportColumnRequirement.Optional),
        new("活动资金", "ActivityFunds", ImportColumnRequirement.Optional),
        new("个人会员数", "IndividualMembers", ImportColumnRequirement.Optional),
        new("单位会员数", "UnitMembers", ImportColumnRequirement.Optional),
        new("成立日期", "FoundedOn", ImportColumnRequirement.Always),
        new("状态", "Status", ImportColumnRequirement.Optional),
    ];

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public string? FileName { get; private set; }

    public const int MaxRows = RegisterImporter.MaxRows;

    /// <summary>The form's one-time id: its progress is polled by it, and a second post with it is refused.</summary>
    public string ImportId { get; private set; } = NewImportId();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? importId, CancellationToken cancellationToken)
    {
        FileName = file is null ? null : Path.GetFileName(file.FileName);
        IProgress<ImportProgress>? progress = null;
        if (IsImportId(importId) && !board.TryStart(User(), importId!, out progress))
        {
            // The same form sent again (a double click, a resend after a slow upload): the first post does the import.
            ModelState.AddModelError("", localizer["Org.Import.AlreadySubmitted"]);
            return Page();
        }

        var result = await ImportUpload.RunAsync(file, MaxFileBytes, (content, name) => importer.ImportAsync(content, name, progress, cancellationToken), ModelState, localizer);
        if (result is { Succeeded: true })
        {
            TempData["Flash"] = localizer["Org.Import.Done", result.Imported, FileName!].Value;
            return RedirectToPage("/Admin/Register/Index", new { area = "Organizations" });
        }

        Errors = result.RowErrors();
        return Page();
    }

    /// <summary>Rows validated and written so far by this user's import with the form id; 404 until it has started.</summary>
    public IActionResult OnGetProgress(string? id) =>
        IsImportId(id) && board.Get(User(), id!) is { } progress
            ? new JsonResult(new { rows = progress.Rows, validated = progress.Validated, written = progress.Written })
            : NotFound();

    private new string User() => actor.UserId ?? "";

    private static string NewImportId() => Guid.NewGuid().ToString("N");

    private static bool IsImportId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>A CSV with the expected header and two sample rows, UTF-8 with a BOM so Excel opens the Chinese correctly.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken)
    {
        var rules = await rulesProvider.GetAsync(cancellationToken);
        // A well-formed but obviously sample code: sequence 1 of the bureau's own prefix.
        var sampleCode = UnifiedSocialCreditCode.Generate('5', '1', rules.DivisionCode, UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence(rules.CreditCodePrefix, 1)).Value;
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Columns.Select(c => c.Header)));
        csv.AppendLine("示例阳光养老服务协会,社会团体," + sampleCode + ",,区老龄工作委员会办公室,张三,示例街道,示例社区,示例路1号,养老、慈善,为老年人提供志愿服务,30000.00,60,0,2015-06-01,正常");
        csv.AppendLine("示例社区舞蹈队,社区社会组织,," + rules.DivisionCode + "SB20150001,,李四,示例街道,示例社区,示例社区活动中心,文化,组织居民文体活动,0,15,0,2015-09-10,正常");
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString().Replace("\r\n", "\n", StringComparison.Ordinal))).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "register-import-template.csv");
    }
}

/// <summary>Which rows of an import file must fill a column.</summary>
public enum ImportColumnRequirement
{
    Optional,
    Always,
    Registered,
    Community,
}

/// <summary>One column of the import file: Chinese header, field name (also accepted as the English header), which rows need it.</summary>
public sealed record ImportColumn(string Header, string Field, ImportColumnRequirement Requirement);
