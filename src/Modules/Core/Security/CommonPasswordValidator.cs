using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Registry.Core.Security;

/// <summary>
/// Refuses the most common passwords (a bundled list, <c>CommonPasswords.txt</c>, whose header names its sources), on
/// every path that sets one: registration, reset, and any recipe or page that goes through Identity.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer localizer) : IPasswordValidator<RegistryUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>Whether <paramref name="password"/> is on the list (compared trimmed and lower-case).</summary>
    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return List.Value.Contains(password.Trim().ToLowerInvariant());
    }

    public Task<IdentityResult> ValidateAsync(UserManager<RegistryUser> manager, RegistryUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = localizer["Identity." + ErrorCode] })
            : IdentityResult.Success);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Registry.Core.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded in Registry.Core.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
