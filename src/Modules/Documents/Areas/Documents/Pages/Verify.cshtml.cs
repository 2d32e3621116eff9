using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Documents.Domain;
using Registry.Documents.Services;

namespace Registry.Documents.Areas.Documents.Pages;

/// <summary>
/// Public verification of a document by its short code (printed and in the QR code): kind, number, date, holder and how it
/// stands; an unknown or malformed code answers 404 with a page that says so.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(DocumentService documents) : PageModel
{
    public string? Code { get; private set; }

    public Verification? Result { get; private set; }

    /// <summary>住所 printed on a registration certificate, so the reader can compare it with the paper (#19); null for other kinds.</summary>
    public string? Address { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Code = code?.Length > 40 ? code[..40] : code;
        if (string.IsNullOrWhiteSpace(code))
        {
            return Page();
        }

        Result = await documents.VerifyAsync(code, cancellationToken);
        if (Result is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Result.Document.Kind == DocumentKind.RegistrationCertificate)
        {
            Address = DocumentService.ReadFields(Result.Document).Fields.GetValueOrDefault("address");
        }

        return Page();
    }
}
