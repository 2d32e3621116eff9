using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Security;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>
/// Supporting documents of an application: uploaded while it is a draft through Core's file store (content checked against
/// the extension, size limit, the organization's quota), removed while it is a draft; read by the organization, the
/// officers and the reviewers seated on it who declared no conflict.
/// </summary>
public sealed class GrantAttachmentService(DbContext db, IFileStore files, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    public Task<List<ApplicationAttachment>> OfApplicationAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<ApplicationAttachment>().AsNoTracking().Where(a => a.ApplicationId == applicationId).OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The round's required documents the application has no file for yet.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(GrantRound round, int applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var attached = await db.Set<ApplicationAttachment>().Where(a => a.ApplicationId == applicationId).Select(a => a.DocumentName).ToListAsync(cancellationToken);
        return AttachmentRules.Missing(round.RequiredDocumentNames, attached);
    }

    /// <summary>Attaches a file to a draft as <paramref name="documentName"/> (one of the round's required documents, or empty for another file).</summary>
    public async Task<OperationResult> AttachAsync(GrantApplication application, string? documentName, Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != GrantState.Draft)
        {
            return OperationResult.Fail("", "Grant.Error.NotEditable");
        }

        var round = await db.Set<GrantRound>().AsNoTracking().SingleAsync(r => r.Id == application.RoundId, cancellationToken);
        var name = documentName?.Trim() ?? "";
        if (name.Length > 0 && !round.RequiredDocumentNames.Contains(name, StringComparer.Ordinal))
        {
            return OperationResult.Fail("Document", "Grant.Attachment.Error.UnknownDocument");
        }

        if (await db.Set<ApplicationAttachment>().CountAsync(a => a.ApplicationId == application.Id, cancellationToken) >= AttachmentRules.MaxPerApplication)
        {
            return OperationResult.Fail("Upload", "Grant.Attachment.Error.TooMany", AttachmentRules.MaxPerApplication);
        }

        var upload = await files.SaveForOrganizationAsync(content, fileName, application.OrganizationId, cancellationToken);
        if (!upload.Succeeded)
        {
            return OperationResult.Fail("Upload", upload.ErrorKey!);
        }

        db.Add(new ApplicationAttachment
        {
            ApplicationId = application.Id,
            DocumentName = name,
            FileId = upload.File!.Id,
            FileName = upload.File.FileName,
            Size = upload.File.Size,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = actor.Name,
        });
        audit.Record("grants.attachment-added", nameof(GrantApplication), Id(application), $"{(name.Length > 0 ? name : "—")}: {upload.File.FileName}");
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>Removes a draft's file (its bytes go once no other file shares them).</summary>
    public async Task<OperationResult> RemoveAsync(GrantApplication application, int attachmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State != GrantState.Draft)
        {
            return OperationResult.Fail("", "Grant.Error.NotEditable");
        }

        if (await db.Set<ApplicationAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == application.Id, cancellationToken) is not { } attachment)
        {
            return OperationResult.Fail("", "Grant.Attachment.Error.NoSuchFile");
        }

        db.Remove(attachment);
        await files.ReleaseAsync(attachment.FileId, cancellationToken);
        audit.Record("grants.attachment-removed", nameof(GrantApplication), Id(application), attachment.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await files.PurgeReleasedAsync(cancellationToken);
        return OperationResult.Ok;
    }

    private static string Id(GrantApplication application) => application.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>An application's supporting documents: the organization's accounts, and reviewers seated on it after declaring no conflict (officers read every file).</summary>
internal sealed class ApplicationAttachmentAccessRule(DbContext db, IOrganizationRegister register) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var application = await db.Set<ApplicationAttachment>().Where(a => a.FileId == file.Id)
            .Join(db.Set<GrantApplication>(), a => a.ApplicationId, g => g.Id, (_, g) => new { g.Id, g.OrganizationId })
            .FirstOrDefaultAsync(cancellationToken);
        if (application is null || user.UserId() is not { } userId)
        {
            return false;
        }

        return (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(application.OrganizationId)
            || await db.Set<ReviewAssignment>().AnyAsync(s => s.ApplicationId == application.Id && s.ReviewerUserId == userId && s.DeclaredAt != null && !s.Recused, cancellationToken);
    }
}
