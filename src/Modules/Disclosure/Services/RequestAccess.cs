using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Files;
using Registry.Core.Security;
using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Services;

/// <summary>Who may read a request's reply and the information given with it: its applicant's account and the disclosure officers.</summary>
public static class RequestAccess
{
    public static bool CanReadReply(ClaimsPrincipal user, DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        return user.HasPermission(DisclosurePermissions.HandleRequests)
            || (request.UserId is { } owner && user.UserId() == owner);
    }

    /// <summary>The identity details (name, ID, contact, address) are shown to disclosure officers and the applicant only.</summary>
    public static bool CanSeeIdentity(ClaimsPrincipal user, DisclosureRequest request) => CanReadReply(user, request);
}

/// <summary>The information given with an answer, served to the applicant's account and the disclosure officers; 404 to anyone else.</summary>
internal static class RequestEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/Disclosure/Requests/{id:int}/Attachment/{fileId:guid}", AttachmentAsync).RequireAuthorization();

    private static async Task<IResult> AttachmentAsync(int id, Guid fileId, HttpContext context, DbContext db, IFileStore store, CancellationToken cancellationToken)
    {
        var request = await db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Attachments).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !RequestAccess.CanReadReply(context.User, request)
            || request.Attachments.SingleOrDefault(a => a.FileId == fileId) is not { } attachment
            || (request.State != RequestState.Answered && !context.User.HasPermission(DisclosurePermissions.HandleRequests)))
        {
            return Results.NotFound();
        }

        if (await store.FindAsync(fileId, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(store.OpenRead(file), file.ContentType, attachment.FileName);
    }
}

/// <summary>Lets the applicant of an answered request (and the disclosure officers) read its files through Core's file endpoint.</summary>
internal sealed class RequestAttachmentRule(DbContext db) : IFileAccessRule
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, StoredFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        var owners = await (from a in db.Set<RequestAttachment>()
                            join r in db.Set<DisclosureRequest>() on a.RequestId equals r.Id
                            where a.FileId == file.Id
                            select new { r.UserId, r.State }).ToListAsync(cancellationToken);
        return owners.Count > 0 && (user.HasPermission(DisclosurePermissions.HandleRequests)
            || owners.Any(o => o.State == RequestState.Answered && o.UserId != null && o.UserId == user.UserId()));
    }
}
