using System.Net;
using System.Text;
using Registry.Testing;

namespace Registry.Web.Tests.Organizations;

/// <summary>Drives the registration pages over HTTP the way an applicant's or officer's browser does.</summary>
internal static class RegistrationClient
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static readonly IReadOnlyDictionary<string, string[]> RequiredDocuments = new Dictionary<string, string[]>
    {
        ["NameApproval"] = ["NameApplicationLetter"],
        ["Establishment"] = ["Charter", "PremisesProof", "FundsProof", "LegalRepId"],
        ["CommunityFiling"] = ["Charter", "PremisesProof", "MemberList", "LegalRepId"],
    };

    public static async Task<int> StartAsync(this HttpClient client, string kind)
    {
        using var response = await client.SubmitFormAsync("/Organizations/My", new Dictionary<string, string> { ["kind"] = kind }, "form[action*='handler=Start']");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/Organizations/Applications/Edit/");
        return int.Parse(location.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the application form (handler Save or Submit) with fields and optional documents.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, int id, string handler, IReadOnlyDictionary<string, string> fields, IEnumerable<string>? documents = null) =>
        client.SubmitFormAsync(
            $"/Organizations/Applications/Edit/{id}",
            fields,
            handler: handler,
            files: (documents ?? []).ToDictionary(code => "document-" + code, code => (code + ".pdf", Pdf)));

    public static async Task SubmitWithDocumentsAsync(this HttpClient client, int id, string kind, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(id, "Submit", fields, RequiredDocuments[kind]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Submit failed: {(int)response.StatusCode} {ErrorsOf(await response.Content.ReadAsStringAsync())}");
        }
    }

    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient officer, int id, string trigger, string? note = null)
    {
        var fields = new Dictionary<string, string> { ["trigger"] = trigger };
        if (note is not null)
        {
            fields["note"] = note;
        }

        return await officer.SubmitFormAsync($"/Organizations/Admin/Applications/{id}", fields, "form.stacked");
    }

    public static async Task DecideOkAsync(this HttpClient officer, int id, params string[] triggers)
    {
        foreach (var trigger in triggers)
        {
            using var response = await officer.DecideAsync(id, trigger);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"{trigger} failed: {ErrorsOf(await response.Content.ReadAsStringAsync())}");
            }
        }
    }

    public static string ErrorsOf(string html)
    {
        var start = html.IndexOf("validation-summary-errors", StringComparison.Ordinal);
        return start < 0 ? "(no error summary)" : html.Substring(start, Math.Min(800, html.Length - start));
    }

    public static Dictionary<string, string> NameApproval(params string[] names)
    {
        // The type follows the names' organization form, as the name rules require (…协会 is a 社会团体, …服务中心 a 民办非企业单位).
        var type = names.Length > 0 && names[0].EndsWith('会') && !names[0].EndsWith("基金会", StringComparison.Ordinal) ? "SocialGroup" : "PrivateNonEnterprise";
        var fields = new Dictionary<string, string> { ["Input.Type"] = type, ["Input.BusinessScope"] = "社区居家养老服务" };
        for (var i = 0; i < names.Length; i++)
        {
            fields[$"Input.ProposedName{i + 1}"] = names[i];
        }

        return fields;
    }

    public static Dictionary<string, string> Particulars(string name, string type = "PrivateNonEnterprise") => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = type,
        ["Input.LegalRepresentative"] = "周红",
        ["Input.Street"] = "鼓楼街道",
        ["Input.Community"] = "孝闻社区",
        ["Input.Address"] = "宁波市海曙区孝闻街12号",
        ["Input.ServiceFields"] = "养老",
        ["Input.BusinessScope"] = "为社区老年人提供助餐、助浴和日间照料服务",
        ["Input.ActivityFunds"] = "50000",
        ["Input.IndividualMembers"] = "0",
        ["Input.UnitMembers"] = "0",
        ["Input.ContactName"] = "周红",
        ["Input.ContactPhone"] = "0574-87001234",
    };
}
