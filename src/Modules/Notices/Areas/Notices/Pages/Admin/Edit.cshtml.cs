using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Notices.Contracts;
using Registry.Notices.Domain;
using Registry.Notices.Services;

namespace Registry.Notices.Areas.Notices.Pages.Admin;

/// <summary>
/// Writes or edits a notice: fields, Markdown body with a server-rendered preview, and attachments in the same multipart
/// form. Fields are saved first; then each file is checked on its own, so a refused file keeps the others (and earlier ones).
/// </summary>
[Permission(NoticesPermissions.Manage)]
[RequestSizeLimit(100 * 1024 * 1024)]
public sealed class EditModel(NoticeService notices, NoticeMarkdown markdown, IStringLocalizer localizer) : PageModel
{
    public const string FileInputName = "Attachments";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Attachments ticked for removal.</summary>
    [BindProperty]
    public List<int> RemoveAttachments { get; set; } = [];

    /// <summary>Null while writing a new notice.</summary>
    public Notice? Notice { get; private set; }

    public string? PreviewHtml { get; private set; }

    /// <summary>The save was refused because someone else saved first; the form keeps the user's input.</summary>
    public bool Conflict { get; private set; }

    public IReadOnlyList<SelectListItem> KindOptions { get; private set; } = [];

    public string FormAction => Notice is null ? "/Notices/Admin/Edit" : $"/Notices/Admin/Edit/{Notice.Id}";

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await notices.FindAsync(id.Value, cancellationToken) is not { } notice)
            {
                return NotFound();
            }

            Notice = notice;
            Input = InputModel.From(notice);
        }

        Prepare();
        return Page();
    }

    /// <summary>Renders the body as the public will see it; nothing is saved and the form keeps what was typed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null && (Notice = await notices.FindAsync(id.Value, cancellationToken)) is null)
        {
            return NotFound();
        }

        Prepare();
        PreviewHtml = markdown.ToSafeHtml(Input.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null && (Notice = await notices.FindAsync(id.Value, cancellationToken)) is null)
        {
            return NotFound();
        }

        Prepare();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var fields = Input.ToFields();
        OperationResult saved;
        if (Notice is null)
        {
            (Notice, saved) = await notices.CreateAsync(fields, cancellationToken);
        }
        else
        {
            saved = await notices.UpdateAsync(Notice, fields, Input.Version, cancellationToken);
        }

        if (!Report(saved))
        {
            return Page();
        }

        foreach (var attachmentId in RemoveAttachments.Distinct())
        {
            if (!Report(await notices.RemoveAttachmentAsync(Notice!, attachmentId, Notice!.Version, cancellationToken)))
            {
                return Page();
            }
        }

        foreach (var file in Request.HasFormContentType ? Request.Form.Files.GetFiles(FileInputName) : [])
        {
            if (file.Length == 0)
            {
                continue;
            }

            await using var stream = file.OpenReadStream();
            Report(await notices.AttachAsync(Notice!, stream, file.FileName, cancellationToken));
        }

        if (!ModelState.IsValid)
        {
            // The fields are saved and so are the accepted files: show the saved notice with what was refused.
            // The form must now carry the saved version (the posted one is stale by our own save), so drop the posted value.
            ModelState.Remove("Input.Version");
            Input.Version = Notice!.Version;
            RemoveAttachments = [];
            return Page();
        }

        TempData["Flash"] = localizer["Notices.Admin.Saved", Notice!.Title].Value;
        return RedirectToPage("/Admin/Edit", new { area = "Notices", id = Notice.Id });
    }

    private bool Report(OperationResult result)
    {
        if (result.Conflict)
        {
            Conflict = true;
            ModelState.AddModelError(string.Empty, localizer["Notices.Error.Conflict"]);
            return false;
        }

        foreach (var error in result.Errors)
        {
            var key = error.Field switch
            {
                nameof(NoticeFields.BodyMarkdown) => "Input." + nameof(InputModel.Body),
                nameof(NoticeFields.Title) or nameof(NoticeFields.Kind) or nameof(NoticeFields.PeriodStart) or nameof(NoticeFields.PeriodEnd) or nameof(NoticeFields.AcceptsObjections) => "Input." + error.Field,
                _ => string.Empty,
            };
            ModelState.AddModelError(key, localizer.Describe(error));
        }

        return result.Succeeded;
    }

    private void Prepare() =>
        KindOptions = [.. Enum.GetValues<NoticeKind>().Select(k => new SelectListItem(localizer[$"Notices.Kind.{k}"], k.ToString()))];

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(Notice.MaxTitle, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Notices.Field.Title")]
        [NoBidiControls]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Notices.Field.Kind")]
        public NoticeKind? Kind { get; set; }

        [StringLength(Notice.MaxBody, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Notices.Field.Body")]
        public string? Body { get; set; }

        [Display(Name = "Notices.Field.PeriodStart")]
        public DateOnly? PeriodStart { get; set; }

        [Display(Name = "Notices.Field.PeriodEnd")]
        public DateOnly? PeriodEnd { get; set; }

        [Display(Name = "Notices.Field.AcceptsObjections")]
        public bool AcceptsObjections { get; set; }

        public static InputModel From(Notice notice) => new()
        {
            Version = notice.Version,
            Title = notice.Title,
            Kind = notice.Kind,
            Body = notice.BodyMarkdown,
            PeriodStart = notice.PeriodStart,
            PeriodEnd = notice.PeriodEnd,
            AcceptsObjections = notice.AcceptsObjections,
        };

        public NoticeFields ToFields() => new(Title ?? "", Kind ?? NoticeKind.Announcement, Body ?? "", PeriodStart, PeriodEnd, AcceptsObjections);
    }
}
