using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Files;
using Registry.Core.Security;
using Registry.Disclosure.Contracts;
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
    /// <summary>Where the formal reply's PDF is served: the one spelling of the route below, for the pages that link to it.</summary>
    public static string ReplyPdf(int requestId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/Disclosure/Requests/{requestId}/Reply.pdf");

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/Disclosure/Requests/{id:int}/Attachment/{fileId:guid}", AttachmentAsync).RequireAuthorization();
        endpoints.MapGet("/Disclosure/Requests/{id:int}/Reply.pdf", ReplyPdfAsync).RequireAuthorization();
    }

    /// <summary>
    /// The formal written reply as issued (PDF with its 文号 and the request's number), for the applicant's account and the
    /// disclosure officers; 404 to anyone else, and until the reply is issued.
    /// </summary>
    private static async Task<IResult> ReplyPdfAsync(int id, HttpContext context, DbContext db, IFileStore store, IServiceProvider services, CancellationToken cancellationToken)
    {
        var request = await db.Set<DisclosureRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is not { State: RequestState.Answered } || !RequestAccess.CanReadReply(context.User, request))
        {
            return Results.NotFound();
        }

        return await ReplyFile.ResultAsync(request, context, store, services, cancellationToken);
    }

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

/// <summary>Serves the issued reply of a request the caller may read (checked by the caller).</summary>
internal static class ReplyFile
{
    public static async Task<ReplyDocument?> FindAsync(IServiceProvider services, int requestId, CancellationToken cancellationToken) =>
        services.GetService(typeof(IReplyDocuments)) is IReplyDocuments documents ? await documents.FindAsync(requestId, cancellationToken) : null;

    public static async Task<IResult> ResultAsync(DisclosureRequest request, HttpContext context, IFileStore store, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await FindAsync(services, request.Id, cancellationToken) is not { } reply || await store.FindAsync(reply.FileId, cancellationToken) is not { } file)
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Stream(store.OpenRead(file), "application/pdf", $"{request.ReceiptNumber}.pdf");
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
