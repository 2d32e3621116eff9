using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Registry.Core.Modularity;
using Registry.Core.Outbox;
using Registry.Core.Recipes;
using Registry.Core.Security;
using Registry.Documents.Contracts;
using Registry.Documents.Recipes;
using Registry.Documents.Services;

namespace Registry.Documents;

/// <summary>
/// Formal documents (文书): numbered PDFs issued on the workflows' decisions (from their change-feed events), rendered from
/// admin-editable templates with an embedded CJK font, signed, stored immutably with their hash and verifiable at /verify.
/// </summary>
public sealed class DocumentsModule : IModule
{
    public string Name => "Documents";

    public IEnumerable<Permission> Permissions => DocumentsPermissions.All;

    public IEnumerable<NavigationItem> Navigation =>
    [
        new(NavigationArea.Public, "Nav.Documents.Verify", DocumentLinks.VerifyForm, null, 95, NavigationGroups.Services),
        new(NavigationArea.Account, "Nav.Documents.My", DocumentLinks.Mine, null, 45),
        new(NavigationArea.BackOffice, "Nav.Documents.Admin", DocumentLinks.Admin, DocumentsPermissions.ViewAll, 270),
        new(NavigationArea.BackOffice, "Nav.Documents.Templates", DocumentLinks.Admin + "/Templates", DocumentsPermissions.ManageTemplates, 271),
    ];

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(DocumentOptions.From(configuration));
        services.AddSingleton<DocumentSigning>();
        services.AddSingleton<DocumentLinkBuilder>();
        services.AddScoped<DocumentService>();
        services.AddScoped<IOutboxConsumer, DocumentIssuer>();
        services.AddScoped<Disclosure.Contracts.IReplyDocuments, DisclosureReplies>();
        services.AddScoped<IRecipeStep, DocumentNumberingRecipeStep>();
        services.AddScoped<IRecipeStep, DocumentTemplatesRecipeStep>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => DocumentEndpoints.Map(endpoints);
}
