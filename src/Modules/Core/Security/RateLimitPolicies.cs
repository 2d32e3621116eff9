namespace Registry.Core.Security;

/// <summary>Rate-limit policies the host defines and any module's page may name.</summary>
public static class RateLimitPolicies
{
    /// <summary>Per-client fixed window on the POSTs of public forms (sign-in, registration, complaints, objections); GETs are not limited.</summary>
    public const string PublicPost = "auth";
}
