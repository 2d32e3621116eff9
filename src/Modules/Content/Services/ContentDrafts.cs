using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Registry.Content.Contracts;
using Registry.Content.Domain;
using Registry.Core.Localization;

namespace Registry.Content.Services;

/// <summary>Drafts written by other modules, in Chinese, through the same checks as the editor's form.</summary>
internal sealed class ContentDrafts(ContentService content, TimeProvider clock) : IContentDrafts
{
    public async Task<(long? Id, string? ErrorKey)> CreateDraftAsync(ContentDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var body = string.Concat(draft.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        // The stem, the day and a random tail: a second draft of the same year is a new item, never a clash with the first.
        var slug = $"{draft.SlugStem}-{ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var (item, result) = await content.CreateAsync(draft.Type, ContentCultures.Chinese, null,
            new ContentFields(draft.Title, draft.Summary, body, slug, draft.Category, new ContentParts()), cancellationToken);
        return item is null ? (null, (result.Errors.Count > 0 ? result.Errors[0].Key : "Content.Item.Error.UnknownType")) : (item.Id, null);
    }
}
