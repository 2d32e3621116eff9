using Registry.Content.Contracts;
using Registry.Core.Auditing;
using Registry.Disclosure.Contracts;

namespace Registry.Disclosure.Services;

/// <summary>
/// The one-click 计划总结: another module's figures become a draft work summary on the site (the content module's article of
/// category <see cref="ContentSummaries.Category"/>), which goes through the article's review; once published, the catalogue
/// lists it under 计划总结 (<see cref="PolicyCatalogueConsumer"/>). The text is a snapshot of the day; the source stays live.
/// </summary>
internal sealed class SummaryDrafts(IContentDrafts drafts, IAuditTrail audit, Microsoft.EntityFrameworkCore.DbContext db) : IDisclosureDrafts
{
    public const string AuditEntity = "DisclosureDraft";

    public async Task<DisclosureDraftResult> DraftSummaryAsync(DisclosureDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Paragraphs.Count == 0)
        {
            return new DisclosureDraftResult(null, "Disclosure.Draft.Error.Empty");
        }

        var (id, error) = await drafts.CreateDraftAsync(new ContentDraft(ContentSummaries.Type, ContentSummaries.Category, draft.Title, draft.Summary,
            draft.Paragraphs, $"summary-{draft.AsOf.Year}"), cancellationToken);
        if (id is null)
        {
            return new DisclosureDraftResult(null, error);
        }

        audit.Record("disclosure.draft.created", AuditEntity, $"{draft.SourceModule}/{draft.SourceKey}", $"{draft.Title} ({draft.AsOf:yyyy-MM-dd}) → #{id}");
        await db.SaveChangesAsync(cancellationToken);
        return new DisclosureDraftResult(ContentLinks.EditItem(id.Value), null);
    }
}
