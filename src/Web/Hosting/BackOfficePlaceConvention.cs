using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Registry.Web.Hosting;

/// <summary>
/// Staff pages are locked by place as well as by their own [Permission]: any page whose path has an "Admin" segment
/// (a folder such as <c>/Projects/Admin/…</c> or a page named <c>Admin</c>), in the host or in any module's area, also
/// needs the back-office permission, so a forgotten attribute still denies.
/// </summary>
internal sealed class BackOfficePlaceConvention(string policy) : IPageApplicationModelConvention
{
    public const string Segment = "Admin";

    public void Apply(PageApplicationModel model)
    {
        if (IsBackOfficePath(model.ViewEnginePath))
        {
            model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
        }
    }

    /// <summary>True for a view-engine path (area-relative, e.g. "/Projects/Admin/Index" or "/Evaluation/Admin") with an Admin segment.</summary>
    public static bool IsBackOfficePath(string viewEnginePath) =>
        viewEnginePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Contains(Segment, StringComparer.Ordinal);
}
