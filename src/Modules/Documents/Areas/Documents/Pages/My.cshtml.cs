using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Core.Security;
using Registry.Documents.Domain;
using Registry.Documents.Services;

namespace Registry.Documents.Areas.Documents.Pages;

/// <summary>The signed-in applicant's documents: those of the organizations they act for and those addressed to them.</summary>
[Authorize]
public sealed class MyModel(DocumentService documents) : PageModel
{
    public IReadOnlyList<IssuedDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = User.UserId() is { } userId ? await documents.OfApplicantAsync(userId, cancellationToken) : [];
}
