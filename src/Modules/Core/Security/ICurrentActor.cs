using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Registry.Core.Security;

/// <summary>Who is acting: the signed-in user, or "system" for jobs and recipes.</summary>
public interface ICurrentActor
{
    string? UserId { get; }

    string Name { get; }
}

internal sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public const string SystemName = "system";

    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public string? UserId => User?.UserId();

    /// <summary>The person's name (what colleagues and applicants read in histories), else the account name.</summary>
    public string Name => User?.FindFirstValue(RegistryClaims.DisplayName) ?? User?.Identity?.Name ?? SystemName;
}
