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
/// Which thread a message goes to: an application's, or its project's (<see cref="AgreementId"/>), with what the
/// notifications and the audit entry name.
/// </summary>
public sealed record MessageThread(int ApplicationId, int? AgreementId, int OrganizationId, string OrganizationName, string Title, string Receipt)
{
    public static MessageThread Of(GrantApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(application.Id, null, application.OrganizationId, application.OrganizationName, application.Title, application.ReceiptNumber);
    }

    public static MessageThread Of(GrantAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new(agreement.ApplicationId, agreement.Id, agreement.OrganizationId, agreement.OrganizationName, agreement.Title, "");
    }

    public bool IsProject => AgreementId is not null;
}

/// <summary>
/// The message threads between an organization and the fund's officers, one per application and one per funded project
/// (agreement): each message audited, the other side told (the organization's accounts in-app and by mail; the officers
/// in their inbox), an optional file through Core's file store (counted against the organization's quota).
/// </summary>
public sealed class MessageService(DbContext db, IFileStore files, IOrganizationNotifier organizations, INotifier notifier, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The application's own thread (its project's messages are not in it).</summary>
    public Task<List<ApplicationMessage>> ThreadAsync(int applicationId, CancellationToken cancellationToken) =>
        Messages(applicationId, null).ToListAsync(cancellationToken);

    /// <summary>The thread of a project (agreement).</summary>
    public Task<List<ApplicationMessage>> ThreadAsync(GrantAgreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return Messages(agreement.ApplicationId, agreement.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Posts a message on a submitted application (drafts have no thread: nobody but the organization sees them).</summary>
    public Task<OperationResult> PostAsync(GrantApplication application, bool fromApplicant, string? body, Stream? content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return application.State == GrantState.Draft
            ? Task.FromResult(OperationResult.Fail("", "Grant.Message.Error.Draft"))
            : PostAsync(MessageThread.Of(application), fromApplicant, body, content, fileName, cancellationToken);
    }

    /// <summary>Posts a message on a project's thread (every agreement has one, from drafting to closure).</summary>
    public Task<OperationResult> PostAsync(GrantAgreement agreement, bool fromApplicant, string? body, Stream? content, string? fileName, CancellationToken cancellationToken) =>
        PostAsync(MessageThread.Of(agreement), fromApplicant, body, content, fileName, cancellationToken);

    private async Task<OperationResult> PostAsync(MessageThread thread, bool fromApplicant, string? body, Stream? content, string? fileName, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return OperationResult.Fail("", "Grant.Message.Error.Draft");
        }

        if (MessageRules.BodyError(body) is { } error)
        {
            return new OperationResult([error]);
        }

        if (await Messages(thread.ApplicationId, thread.AgreementId).CountAsync(cancellationToken) >= MessageRules.MaxPerThread)
        {
            return OperationResult.Fail("", "Grant.Message.Error.TooMany", MessageRules.MaxPerThread);
        }

        var message = new ApplicationMessage
        {
            ApplicationId = thread.ApplicationId,
            AgreementId = thread.AgreementId,
            FromApplicant = fromApplicant,
            UserId = userId,
            UserName = actor.Name,
            Body = body!.Trim(),
            SentAt = clock.GetUtcNow().UtcDateTime,
        };
        if (content is not null && !string.IsNullOrEmpty(fileName))
        {
            var upload = await files.SaveForOrganizationAsync(content, fileName, thread.OrganizationId, cancellationToken);
            if (!upload.Succeeded)
            {
                return OperationResult.Fail("Upload", upload.ErrorKey!);
            }

            message.FileId = upload.File!.Id;
            message.FileName = upload.File.FileName;
        }

        db.Add(message);
        var (kind, resource, resourceId) = thread.AgreementId is { } agreementId
            ? ("grants.project-message-from-", nameof(GrantAgreement), agreementId)
            : ("grants.message-from-", nameof(GrantApplication), thread.ApplicationId);
        audit.Record(kind + (fromApplicant ? "applicant" : "officer"), resource, resourceId.ToString(CultureInfo.InvariantCulture),
            message.FileName is { } file ? $"{message.Body} [{file}]" : message.Body);
        var values = new Dictionary<string, string> { ["title"] = thread.Title, ["organization"] = thread.OrganizationName, ["receipt"] = thread.Receipt };
        var template = thread.IsProject ? "Grant.ProjectMessageTo" : "Grant.MessageTo";
        if (fromApplicant)
        {
            await notifier.NotifyPermissionHoldersAsync(GrantsPermissions.Manage, template + "Officers", values,
                thread.AgreementId is { } id ? GrantLinks.AdminAgreement(id) : GrantLinks.AdminApplication(thread.ApplicationId), cancellationToken);
        }
        else
        {
            await organizations.NotifyAsync(thread.OrganizationId, template + "Applicant", values,
                thread.AgreementId is { } id ? GrantLinks.Agreement(id) : GrantLinks.Application(thread.ApplicationId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    private IQueryable<ApplicationMessage> Messages(int applicationId, int? agreementId) =>
        db.Set<ApplicationMessage>().AsNoTracking().Where(m => m.ApplicationId == applicationId && m.AgreementId == agreementId).OrderBy(m => m.SentAt).ThenBy(m => m.Id);
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
