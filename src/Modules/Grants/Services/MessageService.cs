using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Files;
using Registry.Core.Forms;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Grants.Contracts;
using Registry.Grants.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Grants.Services;

/// <summary>
/// The message thread of an application between its organization and the fund's officers: each message audited, the other
/// side told (the organization's accounts in-app and by mail; the officers in their inbox), an optional file through
/// Core's file store (counted against the organization's quota).
/// </summary>
public sealed class MessageService(DbContext db, IFileStore files, IOrganizationNotifier organizations, INotifier notifier, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    public Task<List<ApplicationMessage>> ThreadAsync(int applicationId, CancellationToken cancellationToken) =>
        db.Set<ApplicationMessage>().AsNoTracking().Where(m => m.ApplicationId == applicationId).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);

    /// <summary>Posts a message on a submitted application (drafts have no thread: nobody but the organization sees them).</summary>
    public async Task<OperationResult> PostAsync(GrantApplication application, bool fromApplicant, string? body, Stream? content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (application.State == GrantState.Draft || actor.UserId is not { } userId)
        {
            return OperationResult.Fail("", "Grant.Message.Error.Draft");
        }

        if (MessageRules.BodyError(body) is { } error)
        {
            return new OperationResult([error]);
        }

        if (await db.Set<ApplicationMessage>().CountAsync(m => m.ApplicationId == application.Id, cancellationToken) >= MessageRules.MaxPerThread)
        {
            return OperationResult.Fail("", "Grant.Message.Error.TooMany", MessageRules.MaxPerThread);
        }

        var message = new ApplicationMessage
        {
            ApplicationId = application.Id,
            FromApplicant = fromApplicant,
            UserId = userId,
            UserName = actor.Name,
            Body = body!.Trim(),
            SentAt = clock.GetUtcNow().UtcDateTime,
        };
        if (content is not null && !string.IsNullOrEmpty(fileName))
        {
            var upload = await files.SaveForOrganizationAsync(content, fileName, application.OrganizationId, cancellationToken);
            if (!upload.Succeeded)
            {
                return OperationResult.Fail("Upload", upload.ErrorKey!);
            }

            message.FileId = upload.File!.Id;
            message.FileName = upload.File.FileName;
        }

        db.Add(message);
        audit.Record(fromApplicant ? "grants.message-from-applicant" : "grants.message-from-officer", nameof(GrantApplication),
            application.Id.ToString(CultureInfo.InvariantCulture), message.FileName is { } file ? $"{message.Body} [{file}]" : message.Body);
        var values = new Dictionary<string, string> { ["title"] = application.Title, ["organization"] = application.OrganizationName, ["receipt"] = application.ReceiptNumber };
        if (fromApplicant)
        {
            await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, "Grant.MessageToOfficers", values, GrantLinks.AdminApplication(application.Id), cancellationToken);
        }
        else
        {
            await organizations.NotifyAsync(application.OrganizationId, "Grant.MessageToApplicant", values, GrantLinks.Application(application.Id), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }
}

/// <summary>Files of an application's messages: the organization's accounts (officers read every file).</summary>
internal sealed class ApplicationMessageFileAccessRule(DbContext db, IOrganizationRegister register) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(System.Security.Claims.ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var organizationId = await db.Set<ApplicationMessage>().Where(m => m.FileId == file.Id)
            .Join(db.Set<GrantApplication>(), m => m.ApplicationId, a => a.Id, (_, a) => (int?)a.OrganizationId)
            .FirstOrDefaultAsync(cancellationToken);
        return organizationId is { } id && user.UserId() is { } userId && (await register.OrganizationsOfUserAsync(userId, cancellationToken)).Contains(id);
    }
}
