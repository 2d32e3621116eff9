using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Registry.Core.Tabular;

/// <summary>The upload side of an import page: checks the file, runs the import, puts whole-file problems on the form.</summary>
public static class ImportUpload
{
    /// <summary>
    /// Returns the import's result, or null when the file was refused before importing (missing, too large, unreadable);
    /// the reason is then on <paramref name="modelState"/>, like the whole-file errors of a failed import.
    /// </summary>
    public static async Task<ImportResult?> RunAsync(IFormFile? file, long maxBytes, Func<Stream, string, Task<ImportResult>> import, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        if (file is null || file.Length == 0)
        {
            modelState.AddModelError("file", localizer["Import.NoFile"]);
            return null;
        }

        if (file.Length > maxBytes)
        {
            modelState.AddModelError("file", localizer["Import.TooLarge", maxBytes / (1024 * 1024)]);
            return null;
        }

        ImportResult result;
        try
        {
            await using var content = file.OpenReadStream();
            result = await import(content, Path.GetFileName(file.FileName));
        }
        catch (KeyNotFoundException)
        {
            // MiniExcel's CSV reader throws this for a row with more cells than the header; it happens while reading,
            // before anything is written, so the file is simply unreadable as a table.
            modelState.AddModelError(string.Empty, localizer["Import.Unreadable"]);
            return null;
        }

        foreach (var error in result.Errors.Where(e => e.Row == 0))
        {
            modelState.AddModelError(string.Empty, localizer[error.Key, error.Args]);
        }

        return result;
    }

    /// <summary>The errors of particular rows, in row order (for the <c>_ImportErrors</c> table).</summary>
    public static IReadOnlyList<ImportError> RowErrors(this ImportResult? result) =>
        result is null ? [] : [.. result.Errors.Where(e => e.Row > 0).OrderBy(e => e.Row)];
}
