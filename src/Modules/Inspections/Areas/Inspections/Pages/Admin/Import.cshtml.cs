using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Registry.Core.Security;
using Registry.Core.Tabular;
using Registry.Inspections.Services;

namespace Registry.Inspections.Areas.Inspections.Pages.Admin;

/// <summary>Import of results recorded on paper: all rows or none, every bad row listed.</summary>
[Permission(InspectionsPermissions.Review)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(ResultImporter importer, IStringLocalizer localizer) : PageModel
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public string? FileName { get; private set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        FileName = file is null ? null : Path.GetFileName(file.FileName);
        var result = await ImportUpload.RunAsync(file, MaxFileBytes, (content, name) => importer.ImportAsync(content, name, cancellationToken), ModelState, localizer);
        if (result is { Succeeded: true })
        {
            TempData["Flash"] = localizer["Insp.Import.Done", result.Imported, FileName!].Value;
            return RedirectToPage("/Admin/Index", new { area = "Inspections" });
        }

        Errors = result.RowErrors();
        return Page();
    }
}
