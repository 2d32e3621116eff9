using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Registry.Core.Auditing;
using Registry.Core.Mail;
using Registry.Core.Modularity;
using Registry.Core.Security;

namespace Registry.Platform.Identity;

/// <summary>
/// Invites an account the administrator created: a mail with a set-password link (an Identity password-reset token, so it
/// expires after <see cref="DataProtectionTokenProviderOptions.TokenLifespan"/> and stops working once used), the link
/// absolute from the configured public address. The caller saves the changes (mail outbox and audit entry).
/// </summary>
public sealed class AccountInvitations(UserManager<RegistryUser> users, IMailOutbox mail, IAuditTrail audit, PublicUrls urls, IOptions<DataProtectionTokenProviderOptions> tokens)
{
    public async Task InviteAsync(RegistryUser user, HttpRequest request, IUrlHelper url)
    {
        var code = TokenCodec.Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = urls.Absolute(request, url.Page("/Account/ResetPassword", new { code, email = user.Email, invited = "true" })!);
        var days = Math.Max(1, (int)Math.Round(tokens.Value.TokenLifespan.TotalDays));
        mail.Add(user.Email!, "Invitation", new Dictionary<string, string>
        {
            ["name"] = user.DisplayName,
            ["setPasswordLink"] = link,
            ["days"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, user.PreferredCulture);
        audit.Record("user.invited", "User", user.Id, user.Email ?? user.Id);
    }
}
