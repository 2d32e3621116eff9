using Microsoft.EntityFrameworkCore;
using Registry.Disclosure.Contracts;
using Registry.Documents.Domain;

namespace Registry.Documents.Services;

/// <summary>The 政府信息公开申请答复书 issued for a request, for the disclosure module to serve to its applicant and officers.</summary>
internal sealed class DisclosureReplies(DbContext db) : IReplyDocuments
{
    public static string Source(int requestId) => $"Disclosure/request/{requestId}/Reply";

    public async Task<ReplyDocument?> FindAsync(int requestId, CancellationToken cancellationToken)
    {
        var source = Source(requestId);
        var document = await db.Set<IssuedDocument>().AsNoTracking()
            .Where(d => d.Source == source && d.SupersededById == null).OrderByDescending(d => d.Revision).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : new ReplyDocument(document.Number, document.FileId, document.VerificationCode, document.IssuedOn);
    }
}
