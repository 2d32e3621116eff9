namespace Registry.Documents.Domain;

/// <summary>
/// An issued document: its number, holder, the stored PDF (never changed: its SHA-256 is kept here and checked on every
/// verification) and, once a corrected one is issued, the document that supersedes it. Rows are never deleted.
/// </summary>
public sealed class IssuedDocument
{
    public const int MaxHolder = 200;
    public const int MaxReason = 1000;

    public int Id { get; set; }

    public DocumentKind Kind { get; set; }

    public int Year { get; set; }

    /// <summary>The kind's gap-free number in <see cref="Year"/>.</summary>
    public long Sequence { get; set; }

    /// <summary>文号, e.g. 海民社登〔2026〕12号.</summary>
    public string Number { get; set; } = "";

    /// <summary>Short code for /verify.</summary>
    public string VerificationCode { get; set; } = "";

    /// <summary>What the document is about (e.g. "Organizations/application/12/Approve"): an event replayed finds it and issues nothing.</summary>
    public string Source { get; set; } = "";

    /// <summary>1 for the first issue of <see cref="Source"/>, then one more for each corrected reissue.</summary>
    public int Revision { get; set; } = 1;

    public int? OrganizationId { get; set; }

    /// <summary>The account the document is addressed to (an applicant before the organization exists).</summary>
    public string? RecipientUserId { get; set; }

    /// <summary>The organization (or proposed organization) the document is issued to.</summary>
    public string HolderName { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public DateTime IssuedAt { get; set; }

    public string IssuedBy { get; set; } = "";

    /// <summary>Last valid day for documents that expire (grade certificates).</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>The template's data (JSON object of strings, plus "items"), kept so an officer can correct and reissue.</summary>
    public string FieldsJson { get; set; } = "{}";

    /// <summary>The stored PDF (Core file store).</summary>
    public Guid FileId { get; set; }

    /// <summary>SHA-256 (hex) of the PDF as issued.</summary>
    public string Sha256 { get; set; } = "";

    public long Size { get; set; }

    /// <summary>Subject of the signing certificate.</summary>
    public string SignedBy { get; set; } = "";

    public int? SupersededById { get; set; }

    public DateTime? SupersededAt { get; set; }

    /// <summary>Why it was corrected (on the superseded document).</summary>
    public string? SupersedeReason { get; set; }
}

/// <summary>An admin-edited Liquid template of one document kind (absent: the default shipped with the module).</summary>
public sealed class DocumentTemplate
{
    public const int MaxBody = 20_000;

    public DocumentKind Kind { get; set; }

    public string Body { get; set; } = "";

    public DateTime UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
