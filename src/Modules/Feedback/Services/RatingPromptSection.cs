using Microsoft.AspNetCore.Http;
using Registry.Core.Security;
using Registry.Organizations.Contracts;

namespace Registry.Feedback.Services;

/// <summary>How many of the organization's completed services the signed-in member may still rate.</summary>
public sealed record RatingPrompt(int ToRate);

/// <summary>
/// The prompt to rate (好差评) on the organization's pages (its workspace among them), through the register's page-section
/// contract: shown only to a signed-in member with something left to rate, so the public never sees it.
/// </summary>
internal sealed class RatingPromptSection(IHttpContextAccessor http, FeedbackService feedback) : IOrganizationPageSection
{
    public int Order => 90;

    public string PartialPath => "/Areas/Feedback/Pages/Shared/_RatingPrompt.cshtml";

    public async Task<object?> LoadAsync(int organizationId, CancellationToken cancellationToken)
    {
        var user = http.HttpContext?.User;
        if (user?.UserId() is not { } userId || !user.HasPermission(FeedbackPermissions.Rate))
        {
            return null;
        }

        var count = await feedback.ToRateCountAsync(userId, organizationId, cancellationToken);
        return count == 0 ? null : new RatingPrompt(count);
    }
}
