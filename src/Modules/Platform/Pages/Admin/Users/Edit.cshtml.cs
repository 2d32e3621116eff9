using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Registry.Core;
using Registry.Core.Auditing;
using Registry.Core.Security;
using Registry.Platform.Identity;

namespace Registry.Platform.Pages.Admin.Users;

/// <summary>Assigns roles, disables accounts and invites again an owner who never set a password; every change is audited.</summary>
[Permission(CorePermissions.ManageUsers)]
public sealed class EditModel(UserManager<RegistryUser> users, DbContext db, IAuditTrail audit, AccountInvitations invitations, RoleEditor roleEditor, IStringLocalizer localizer) : PageModel
{
    /// <summary>The roles that exist now (built-in and added in the role editor).</summary>
    public IReadOnlyList<RoleView> AvailableRoles { get; private set; } = [];

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The owner has not set a password yet (created by an administrator): the invitation can be sent again.</summary>
    public bool AwaitsPassword { get; private set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public bool IsDisabled { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        Roles = [.. await users.GetRolesAsync(user)];
        AvailableRoles = await roleEditor.ListAsync(cancellationToken);
        IsDisabled = user.IsDisabled;
        AwaitsPassword = !await users.HasPasswordAsync(user);
        return Page();
    }

    /// <summary>Mails a fresh set-password link to an owner who has no password yet (the earlier link may have expired).</summary>
    public async Task<IActionResult> OnPostInviteAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (await users.HasPasswordAsync(user) || user.IsDisabled)
        {
            TempData["Flash"] = localizer["Admin.Users.InviteNotNeeded", user.Email ?? ""].Value;
            return RedirectToPage(new { id });
        }

        await invitations.InviteAsync(user, Request, Url);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = localizer["Admin.Users.Invited", user.Email ?? ""].Value;
        return RedirectToPage("/Admin/Users/Index");
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        AvailableRoles = await roleEditor.ListAsync(cancellationToken);
        var unknown = Roles.Except(AvailableRoles.Select(r => r.Name)).ToList();
        if (unknown.Count > 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Admin.Users.UnknownRole", string.Join(", ", unknown)]);
            return Page();
        }

        if (user.Id == User.UserId() && (IsDisabled || !Roles.Contains(RegistryRoles.Admin)))
        {
            ModelState.AddModelError(string.Empty, localizer["Admin.Users.CannotLockOutSelf"]);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        var added = Roles.Except(current).ToList();
        var removed = current.Except(Roles).ToList();
        await users.AddToRolesAsync(user, added);
        await users.RemoveFromRolesAsync(user, removed);
        var disabledChanged = user.IsDisabled != IsDisabled;
        user.IsDisabled = IsDisabled;
        await users.UpdateAsync(user);
        // Signs the user out everywhere within the security-stamp interval.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(
            "user.updated",
            "User",
            user.Id,
            $"{user.Email}: +[{string.Join(',', added)}] -[{string.Join(',', removed)}]{(disabledChanged ? IsDisabled ? " disabled" : " enabled" : "")}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Flash"] = localizer["Admin.Users.Saved", user.Email ?? ""].Value;
        return RedirectToPage("/Admin/Users/Index");
    }
}
