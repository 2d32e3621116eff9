using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Forms;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Security;
using Registry.Organizations.Domain;
using Registry.Organizations.Contracts;

namespace Registry.Organizations.Services;

/// <summary>Who acts for an organization: claims of existing records (approved by an officer) and invitations by org-admins.</summary>
public sealed class MembershipService(
    DbContext db,
    UserManager<RegistryUser> users,
    IAuditTrail audit,
    INotifier notifier,
    IMailOutbox mail,
    ICurrentActor actor,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    /// <summary>Asks to act for the organization with this credit code or filing number.</summary>
    public async Task<OperationResult> ClaimAsync(string userId, string code, string statement, CancellationToken cancellationToken)
    {
        var normalized = Core.Identification.UnifiedSocialCreditCode.Normalize(code);
        var typed = code.Trim().ToUpperInvariant();
        var organization = await db.Set<Organization>().SingleOrDefaultAsync(o => o.CreditCode == normalized || o.FilingNumber == normalized || o.FilingNumber == typed, cancellationToken);
        if (organization is null)
        {
            return OperationResult.Fail("Code", "Org.Claim.NotFound");
        }

        if (await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organization.Id && m.UserId == userId, cancellationToken))
        {
            return OperationResult.Fail("Code", "Org.Claim.AlreadyMember");
        }

        if (await db.Set<OrganizationClaim>().AnyAsync(c => c.OrganizationId == organization.Id && c.UserId == userId && c.Status == ClaimStatus.Pending, cancellationToken))
        {
            return OperationResult.Fail("Code", "Org.Claim.AlreadyPending");
        }

        var claim = new OrganizationClaim
        {
            OrganizationId = organization.Id,
            UserId = userId,
            Statement = statement.Trim(),
            Status = ClaimStatus.Pending,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(claim);
        audit.Record("organization.claimed", nameof(Organization), organization.Id.ToString(CultureInfo.InvariantCulture), $"{organization.Name} claimed by {actor.Name}");
        await notifier.NotifyPermissionHoldersAsync(OrganizationsPermissions.ManageRegister, "Org.NewClaim", new Dictionary<string, string> { ["title"] = organization.Name, ["user"] = actor.Name }, OrganizationLinks.AdminClaims, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    /// <summary>An officer approves (the claimant becomes org-admin) or rejects a claim.</summary>
    public async Task<OperationResult> DecideClaimAsync(int claimId, bool approve, string? note, long seenVersion, CancellationToken cancellationToken)
    {
        var claim = await db.Set<OrganizationClaim>().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null || claim.Status != ClaimStatus.Pending)
        {
            return OperationResult.Fail("", "Org.Claim.NotPending");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return OperationResult.Fail("Note", "Org.Validation.ReasonRequired");
        }

        db.Entry(claim).Property(c => c.Version).OriginalValue = seenVersion;
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == claim.OrganizationId, cancellationToken);
        claim.Status = approve ? ClaimStatus.Approved : ClaimStatus.Rejected;
        claim.DecidedAt = clock.GetUtcNow().UtcDateTime;
        claim.DecidedBy = actor.Name;
        claim.DecisionNote = note?.Trim();
        if (approve && !await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == claim.OrganizationId && m.UserId == claim.UserId, cancellationToken))
        {
            db.Add(new OrganizationMember { OrganizationId = claim.OrganizationId, UserId = claim.UserId, IsOrgAdmin = true, Since = claim.DecidedAt.Value });
        }

        audit.Record(approve ? "organization.claim-approved" : "organization.claim-rejected", nameof(Organization), organization.Id.ToString(CultureInfo.InvariantCulture), $"{organization.Name}: {note}");
        await notifier.NotifyUserAsync(claim.UserId, approve ? "Org.ClaimApproved" : "Org.ClaimRejected", new Dictionary<string, string> { ["title"] = organization.Name, ["note"] = note?.Trim() ?? "" }, OrganizationLinks.Mine, cancellationToken);
        return await db.SaveOrConflictAsync(cancellationToken);
    }

    /// <summary>
    /// An org-admin invites a colleague by email; the link (<paramref name="linkBase"/> + token, absolute) works for
    /// 14 days, for an account with that email.
    /// </summary>
    public async Task<OperationResult> InviteAsync(int organizationId, string email, string linkBase, CancellationToken cancellationToken)
    {
        var organization = await db.Set<Organization>().SingleAsync(o => o.Id == organizationId, cancellationToken);
        var address = email.Trim();
        var existing = await users.FindByEmailAsync(address);
        if (existing is not null && await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == organizationId && m.UserId == existing.Id, cancellationToken))
        {
            return OperationResult.Fail("Email", "Org.Members.AlreadyMember");
        }

        var invitation = new OrganizationInvitation
        {
            OrganizationId = organizationId,
            Email = address,
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            InvitedBy = actor.Name,
            ExpiresAt = clock.GetUtcNow().UtcDateTime + InvitationLifetime,
        };
        db.Add(invitation);
        audit.Record("organization.invited", nameof(Organization), organizationId.ToString(CultureInfo.InvariantCulture), $"{organization.Name}: {address} by {actor.Name}");
        mail.Add(address, "Org.Invitation", new Dictionary<string, string> { ["title"] = organization.Name, ["user"] = actor.Name, ["inviteLink"] = linkBase + invitation.Token }, existing?.PreferredCulture ?? CultureInfo.CurrentUICulture.Name);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }

    public Task<OrganizationInvitation?> FindInvitationAsync(string token, CancellationToken cancellationToken) =>
        db.Set<OrganizationInvitation>().SingleOrDefaultAsync(i => i.Token == token, cancellationToken);

    /// <summary>The signed-in user accepts; the account's email must be the invited one.</summary>
    public async Task<OperationResult> AcceptAsync(OrganizationInvitation invitation, RegistryUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(user);
        if (invitation.AcceptedAt is not null || invitation.ExpiresAt < clock.GetUtcNow().UtcDateTime)
        {
            return OperationResult.Fail("", "Org.Members.InvitationExpired");
        }

        if (!string.Equals(invitation.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return OperationResult.Fail("", "Org.Members.WrongAccount");
        }

        invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        if (!await db.Set<OrganizationMember>().AnyAsync(m => m.OrganizationId == invitation.OrganizationId && m.UserId == user.Id, cancellationToken))
        {
            db.Add(new OrganizationMember { OrganizationId = invitation.OrganizationId, UserId = user.Id, IsOrgAdmin = false, Since = invitation.AcceptedAt.Value });
        }

        audit.Record("organization.member-joined", nameof(Organization), invitation.OrganizationId.ToString(CultureInfo.InvariantCulture), user.Email ?? user.Id);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Ok;
    }
}
