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
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Import.NoFile"]);
            return Page();
        }

        FileName = Path.GetFileName(file.FileName);
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", localizer["Import.TooLarge", MaxFileBytes / (1024 * 1024)]);
            return Page();
        }

        ImportResult result;
        try
        {
            await using var content = file.OpenReadStream();
            result = await importer.ImportAsync(content, FileName, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            // MiniExcel's CSV reader throws this for a row with more cells than the header, before anything is written.
            ModelState.AddModelError(string.Empty, localizer["Import.Unreadable"]);
            return Page();
        }

        if (result.Succeeded)
        {
            TempData["Flash"] = localizer["Insp.Import.Done", result.Imported, FileName].Value;
            return Redirect("/Inspections/Admin");
        }

        foreach (var error in result.Errors.Where(e => e.Row == 0))
        {
            ModelState.AddModelError(string.Empty, localizer[error.Key, error.Args]);
        }

        Errors = [.. result.Errors.Where(e => e.Row > 0).OrderBy(e => e.Row)];
        return Page();
    }
}
