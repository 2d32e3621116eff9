using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>
/// A supporting document attached to an application (项目预算表, 机构章程, 上年度审计报告 …): one of the round's required
/// documents by name, or another supporting file (empty <see cref="DocumentName"/>). The bytes live in Core's file store.
/// </summary>
public sealed class ApplicationAttachment
{
    public int Id { get; set; }

    public int ApplicationId { get; set; }

    /// <summary>The required document it is (a name from <see cref="GrantRound.RequiredDocumentNames"/>), or empty for another file.</summary>
    public string DocumentName { get; set; } = "";

    public Guid FileId { get; set; }

    public string FileName { get; set; } = "";

    public long Size { get; set; }

    public DateTime UploadedAt { get; set; }

    public string UploadedBy { get; set; } = "";
}

/// <summary>The round's list of required documents, and which of them an application still lacks.</summary>
public static class AttachmentRules
{
    /// <summary>Most files one application may carry.</summary>
    public const int MaxPerApplication = 20;

    /// <summary>Most required documents a round may name.</summary>
    public const int MaxRequired = 20;

    public const int NameMax = 50;

    /// <summary>The round's required documents not attached yet, in the round's order.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> required, IEnumerable<string> attachedNames)
    {
        ArgumentNullException.ThrowIfNull(required);
        var attached = attachedNames.ToHashSet(StringComparer.Ordinal);
        return [.. required.Where(name => !attached.Contains(name))];
    }

    /// <summary>At most <see cref="MaxRequired"/> names, each at most <see cref="NameMax"/> characters, none twice.</summary>
    public static IEnumerable<FormError> RoundErrors(IReadOnlyList<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        if (required.Count > MaxRequired || required.Any(n => n.Length > NameMax) || required.Distinct(StringComparer.Ordinal).Count() != required.Count)
        {
            yield return new FormError("RequiredDocuments", "Grant.Error.RequiredDocuments", MaxRequired, NameMax);
        }
    }
}
