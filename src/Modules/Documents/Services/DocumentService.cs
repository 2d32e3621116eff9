using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Localization;
using Registry.Core.Mail;
using Registry.Core.Modularity;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Core.Settings;
using Registry.Documents.Contracts;
using Registry.Documents.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Documents.Services;

/// <summary>A document to issue: what it is about (<see cref="Source"/>), to whom, and the template's values.</summary>
public sealed record IssueRequest(
    DocumentKind Kind,
    string Source,
    int? OrganizationId,
    string? RecipientUserId,
    string Holder,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<string> Items);

/// <summary>How a document stands when checked at /verify.</summary>
public enum DocumentStatus
{
    /// <summary>Issued, intact and in force.</summary>
    Valid,

    /// <summary>A corrected document replaced it.</summary>
    Superseded,

    /// <summary>A registration certificate of an organization no longer registered (deregistered or revoked).</summary>
    NoLongerValid,

    /// <summary>Past its last valid day (grade certificates).</summary>
    Expired,

    /// <summary>The stored PDF does not match the hash recorded at issue (or is gone).</summary>
    Tampered,
}

/// <summary>The outcome of a verification.</summary>
public sealed record Verification(IssuedDocument Document, DocumentStatus Status, IssuedDocument? SupersededBy, string? ActualSha256);

/// <summary>
/// Issues documents (the one way to make one: template → 文号 → PDF → signature → immutable file and hash), reissues
/// corrected ones that supersede the earlier, and verifies them.
/// </summary>
public sealed class DocumentService(
    DbContext db,
    ISequences sequences,
    ISettings settings,
    IFileStore files,
    IAuditTrail audit,
    ICurrentActor actor,
    IOrganizationRegister register,
    ITextCatalog catalog,
    DocumentLinkBuilder links,
    INotifier notifier,
    IServiceProvider services,
    TimeProvider clock)
{
    public const string AuditEntity = "IssuedDocument";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Issues the document of <see cref="IssueRequest.Source"/> once: a replayed event gets the document already issued.</summary>
    public async Task<IssuedDocument> IssueAsync(IssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = await db.Set<IssuedDocument>().Where(d => d.Source == request.Source).OrderBy(d => d.Revision).FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        IssuedDocument issued = null!;
        await InTransactionAsync(async () => issued = await IssueCoreAsync(request, 1, cancellationToken), cancellationToken);
        return issued;
    }

    /// <summary>
    /// Issues a corrected document with a new number that supersedes <paramref name="documentId"/> (kept, marked superseded,
    /// never deleted), with the reason in the audit trail.
    /// </summary>
    public async Task<(OperationResult Result, IssuedDocument? Document)> ReissueAsync(int documentId, string? holder, IReadOnlyDictionary<string, string> fields, IReadOnlyList<string> items, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(items);
        var earlier = await db.Set<IssuedDocument>().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (earlier is null)
        {
            return (OperationResult.Fail("", "Documents.Error.NotFound"), null);
        }

        if (earlier.SupersededById is not null)
        {
            return (OperationResult.Fail("", "Documents.Error.AlreadySuperseded"), null);
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > IssuedDocument.MaxReason)
        {
            return (OperationResult.Fail("Reason", "Documents.Error.ReasonRequired", IssuedDocument.MaxReason), null);
        }

        if (string.IsNullOrWhiteSpace(holder) || holder.Trim().Length > IssuedDocument.MaxHolder)
        {
            return (OperationResult.Fail("Holder", "Documents.Error.HolderRequired", IssuedDocument.MaxHolder), null);
        }

        if (fields.Values.Concat(items).Any(v => v.Length > 4000) || items.Count > 100)
        {
            return (OperationResult.Fail("", "Documents.Error.FieldTooLong"), null);
        }

        var request = new IssueRequest(earlier.Kind, earlier.Source, earlier.OrganizationId, earlier.RecipientUserId, holder.Trim(),
            ChinaTime.Today(clock), earlier.ValidUntil, fields, [.. items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim())]);
        var issued = await SupersedeAsync(earlier, request, reason.Trim(), cancellationToken);
        return (OperationResult.Ok, issued);
    }

    /// <summary>
    /// For a source whose document can change (an inspection result corrected, a certificate after a change registration):
    /// the current document when nothing changed (a replayed event), else a new one that supersedes it.
    /// </summary>
    public async Task<IssuedDocument> IssueOrReplaceAsync(IssueRequest request, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await db.Set<IssuedDocument>().Where(d => d.Source == request.Source && d.SupersededById == null)
            .OrderByDescending(d => d.Revision).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return await IssueAsync(request, cancellationToken);
        }

        return current.HolderName == request.Holder && current.FieldsJson == FieldsJson(request) && current.ValidUntil == request.ValidUntil
            ? current
            : await SupersedeAsync(current, request, reason, cancellationToken);
    }

    /// <summary>The document with the typed code and how it stands; null for an unknown or malformed code.</summary>
    public async Task<Verification?> VerifyAsync(string? typedCode, CancellationToken cancellationToken)
    {
        if (VerificationCodes.Normalize(typedCode) is not { } code
            || await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.VerificationCode == code, cancellationToken) is not { } document)
        {
            return null;
        }

        var actual = await StoredHashAsync(document, cancellationToken);
        IssuedDocument? successor = document.SupersededById is { } next
            ? await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == next, cancellationToken)
            : null;
        DocumentStatus status;
        if (actual != document.Sha256)
        {
            status = DocumentStatus.Tampered;
        }
        else if (successor is not null)
        {
            status = DocumentStatus.Superseded;
        }
        else if (document.Kind == DocumentKind.RegistrationCertificate && document.OrganizationId is { } organizationId
            && (await register.FindAsync(organizationId, cancellationToken))?.Status != OrganizationCodes.Active)
        {
            status = DocumentStatus.NoLongerValid;
        }
        else if (document.ValidUntil is { } until && until < ChinaTime.Today(clock))
        {
            status = DocumentStatus.Expired;
        }
        else
        {
            status = DocumentStatus.Valid;
        }

        return new Verification(document, status, successor, actual);
    }

    /// <summary>The stored PDF's bytes, or null when the file is gone.</summary>
    public async Task<byte[]?> ReadAsync(IssuedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (await files.FindAsync(document.FileId, cancellationToken) is not { } file)
        {
            return null;
        }

        try
        {
            await using var stream = files.OpenRead(file);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return copy.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether the signed-in user may download the document: staff with the permission, else the organization's members or the addressee.</summary>
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, IssuedDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(document);
        if (user.HasPermission(DocumentsPermissions.ViewAll))
        {
            return true;
        }

        if (user.UserId() is not { } userId)
        {
            return false;
        }

        if (document.RecipientUserId == userId)
        {
            return true;
        }

        return document.OrganizationId is { } organizationId && (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(organizationId);
    }

    /// <summary>Documents the applicant may see: of their organizations or addressed to them.</summary>
    public async Task<IReadOnlyList<IssuedDocument>> OfApplicantAsync(string userId, CancellationToken cancellationToken)
    {
        var organizations = (await register.OrganizationsOfUserAsync(userId, cancellationToken)).ToList();
        return await db.Set<IssuedDocument>().AsNoTracking()
            .Where(d => d.RecipientUserId == userId || (d.OrganizationId != null && organizations.Contains(d.OrganizationId.Value)))
            .OrderByDescending(d => d.IssuedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
    }

    public static (Dictionary<string, string> Fields, List<string> Items) ReadFields(IssuedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var stored = JsonSerializer.Deserialize<StoredFields>(document.FieldsJson, Json) ?? new StoredFields();
        return (stored.Fields ?? [], stored.Items ?? []);
    }

    /// <summary>The 文号 pattern in force for the kind (the stored setting, else the default).</summary>
    public async Task<string> NumberFormatAsync(DocumentKind kind, CancellationToken cancellationToken) =>
        await settings.GetAsync(DocumentKinds.NumberFormatSetting(kind), cancellationToken) is { } stored && DocumentNumbers.Validate(stored) is null
            ? stored
            : DocumentKinds.DefaultNumberFormat(kind);

    public async Task<string> TemplateAsync(DocumentKind kind, CancellationToken cancellationToken) =>
        (await db.Set<DocumentTemplate>().AsNoTracking().SingleOrDefaultAsync(t => t.Kind == kind, cancellationToken))?.Body ?? DocumentTemplates.Default(kind);

    private async Task<IssuedDocument> SupersedeAsync(IssuedDocument earlier, IssueRequest request, string reason, CancellationToken cancellationToken)
    {
        IssuedDocument issued = null!;
        await InTransactionAsync(async () =>
        {
            issued = await IssueCoreAsync(request, earlier.Revision + 1, cancellationToken);
            earlier.SupersededById = issued.Id;
            earlier.SupersededAt = clock.GetUtcNow().UtcDateTime;
            earlier.SupersedeReason = reason;
            audit.Record("documents.reissued", AuditEntity, earlier.Id.ToString(CultureInfo.InvariantCulture), $"{earlier.Number} → {issued.Number}: {reason}");
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return issued;
    }

    private static string FieldsJson(IssueRequest request) =>
        JsonSerializer.Serialize(new StoredFields { Fields = request.Fields.ToDictionary(), Items = [.. request.Items] }, Json);

    private async Task<IssuedDocument> IssueCoreAsync(IssueRequest request, int revision, CancellationToken cancellationToken)
    {
        var year = request.IssuedOn.Year;
        // Drawn first: the counter row stays locked until commit, so concurrent issues queue and a rollback returns the number.
        var sequence = await sequences.NextAsync(DocumentKinds.SequenceName(request.Kind, year), cancellationToken);
        var number = DocumentNumbers.Format(await NumberFormatAsync(request.Kind, cancellationToken), year, sequence);
        var code = VerificationCodes.New();
        var verifyUrl = links.Absolute(DocumentLinks.Verify(code));
        var bureau = await settings.GetAsync("Bureau.Name", cancellationToken) ?? "";
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var title = catalog.Find($"Documents.Kind.{request.Kind}", zh) ?? request.Kind.ToString();
        var model = new DocumentModel(number, title, request.Holder, request.IssuedOn, request.ValidUntil, bureau, code, verifyUrl, request.Fields, request.Items);
        var text = DocumentTemplates.Render(await TemplateAsync(request.Kind, cancellationToken), model);
        var signing = services.GetRequiredService<DocumentSigning>();
        var extras = new PageExtras(verifyUrl, catalog.Find("Documents.Pdf.Code", zh) + code, catalog.Find("Documents.Pdf.VerifyCaption", zh) ?? "", bureau, services.GetRequiredService<DocumentOptions>());
        byte[] pdf;
        using (var document = PdfComposer.Compose(text, $"{title} {number}", extras))
        {
            pdf = await signing.SaveSignedAsync(document, $"{title} {number}", bureau);
        }

        using var content = new MemoryStream(pdf);
        var upload = await files.SaveAsync(content, $"{code}.pdf", cancellationToken);
        if (!upload.Succeeded)
        {
            throw new InvalidOperationException($"The document's PDF was refused by the file store: {upload.ErrorKey}");
        }

        var issued = new IssuedDocument
        {
            Kind = request.Kind,
            Year = year,
            Sequence = sequence,
            Number = number,
            VerificationCode = code,
            Source = request.Source,
            Revision = revision,
            OrganizationId = request.OrganizationId,
            RecipientUserId = request.RecipientUserId,
            HolderName = request.Holder,
            IssuedOn = request.IssuedOn,
            IssuedAt = clock.GetUtcNow().UtcDateTime,
            IssuedBy = actor.Name,
            ValidUntil = request.ValidUntil,
            FieldsJson = FieldsJson(request),
            FileId = upload.File!.Id,
            Sha256 = upload.File.Sha256,
            Size = upload.File.Size,
            SignedBy = signing.Certificate.Subject,
        };
        db.Add(issued);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("documents.issued", AuditEntity, issued.Id.ToString(CultureInfo.InvariantCulture), $"{request.Kind} {number} {request.Holder} ({request.Source})");
        await SendToHoldersAsync(issued, $"{title}{number}.pdf", verifyUrl, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    /// <summary>
    /// The addressee and the organization's members get the signed PDF by mail (and a notice in the inbox), committed with the
    /// document, so a decision reaches the applicant as the written document itself, not only as a mail text.
    /// </summary>
    private async Task SendToHoldersAsync(IssuedDocument issued, string fileName, string verifyUrl, CancellationToken cancellationToken)
    {
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        if (issued.RecipientUserId is { } addressee)
        {
            recipients.Add(addressee);
        }

        if (issued.OrganizationId is { } organizationId)
        {
            recipients.UnionWith(await register.UsersOfOrganizationAsync(organizationId, cancellationToken));
        }

        var values = new Dictionary<string, string>
        {
            ["kindText"] = $"Documents.Kind.{issued.Kind}",
            ["number"] = issued.Number,
            ["holder"] = issued.HolderName,
            ["verifyLink"] = verifyUrl,
            ["documentsLink"] = links.Absolute(DocumentLinks.Mine),
        };
        foreach (var userId in recipients.Order(StringComparer.Ordinal))
        {
            await notifier.NotifyUserAsync(userId, "Documents.Issued", values, DocumentLinks.Mine, [new MailFile(issued.FileId, fileName)], cancellationToken);
        }
    }

    private async Task<string?> StoredHashAsync(IssuedDocument document, CancellationToken cancellationToken) =>
        await ReadAsync(document, cancellationToken) is { } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;

    private async Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work();
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed class StoredFields
    {
        public Dictionary<string, string>? Fields { get; set; }

        public List<string>? Items { get; set; }
    }
}

/// <summary>
/// Absolute links printed in documents: from <c>Registry:PublicBaseUrl</c> (required outside development, so a forged Host
/// header never reaches a document); in development the address the server listens on.
/// </summary>
public sealed class DocumentLinkBuilder(IConfiguration configuration, IServiceProvider services)
{
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var configured = configuration[PublicUrls.Key];
        var root = !string.IsNullOrWhiteSpace(configured)
            ? configured.TrimEnd('/')
            : services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "http://localhost";
        return root + path;
    }
}
