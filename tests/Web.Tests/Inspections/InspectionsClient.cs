using System.Globalization;
using System.Net;
using Registry.Testing;
using Registry.Web.Tests.Organizations;

namespace Registry.Web.Tests.Inspections;

/// <summary>Drives the inspection pages the way an organization's or an officer's browser does.</summary>
internal static class InspectionsClient
{
    /// <summary>The demo applicant of the test-register recipe, member of <see cref="MemberSocialGroup"/> and <see cref="MemberServiceCentre"/>.</summary>
    public static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    public const string MemberSocialGroup = "宁波市海曙区老年协会";

    public const string MemberServiceCentre = "宁波市海曙区阳光养老服务中心";

    public const string OtherSocialGroup = "宁波市海曙区志愿者协会";

    /// <summary>Start ¥10,000.00 + income ¥5,000.00 − expenditure ¥3,000.00 = end ¥12,000.00.</summary>
    public static Dictionary<string, string> BalancedReport() => new()
    {
        ["Input.WorkSummary"] = "全年开展为老志愿服务36场，服务老人1200人次。",
        ["Input.NextYearPlan"] = "扩大助餐服务覆盖面。",
        ["Input.IndividualMembers"] = "1260",
        ["Input.Amounts[IncomeDonationsFen]"] = "3000.00",
        ["Input.Amounts[IncomeServicesFen]"] = "2000",
        ["Input.Amounts[ExpenseProgrammeFen]"] = "2500.00",
        ["Input.Amounts[ExpenseAdministrativeFen]"] = "500.00",
        ["Input.Amounts[NetAssetsStartFen]"] = "10000.00",
        ["Input.Amounts[NetAssetsEndFen]"] = "12000.00",
        // What the form pre-filled (the register's membership, last year's figures) is confirmed as it stands.
        ["Input.ConfirmPeople"] = "true",
        ["Input.ConfirmNetAssets"] = "true",
    };

    public static IReadOnlyDictionary<string, (string FileName, byte[] Content)> RequiredDocuments { get; } = new Dictionary<string, (string, byte[])>
    {
        ["document-FinancialStatements"] = ("财务报表.pdf", RegistrationClient.Pdf),
        ["document-AuditReport"] = ("审计报告.pdf", RegistrationClient.Pdf),
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Opens a campaign through the back-office form, with several organization types ticked.</summary>
    public static async Task<HttpResponseMessage> OpenCampaignAsync(this HttpClient officer, int year, DateOnly deadline, params string[] types)
    {
        var form = await officer.ReadFormAsync("/Inspections/Admin", "form[data-testid=open-campaign]");
        // Checkboxes share one name: the values go as repeated pairs, which a dictionary of fields cannot carry.
        var values = form.Values.Where(v => v.Key != "Input.Types")
            .Append(KeyValuePair.Create("Input.Year", year.ToString(CultureInfo.InvariantCulture)))
            .Append(KeyValuePair.Create("Input.Deadline", Date(deadline)))
            .Concat(types.Select(t => KeyValuePair.Create("Input.Types", t)))
            .GroupBy(v => v.Key).SelectMany(g => g.Key == "Input.Types" ? g.ToList() : [g.Last()]);
        using var content = new FormUrlEncodedContent(values);
        return await officer.PostAsync(new Uri(form.Action, UriKind.Relative), content);
    }

    /// <summary>Posts the annual report form (handler Save or Submit).</summary>
    public static Task<HttpResponseMessage> PostReportAsync(this HttpClient applicant, int reportId, string handler, IReadOnlyDictionary<string, string> fields, bool withDocuments = false) =>
        applicant.SubmitFormAsync($"/Inspections/Report/Edit/{reportId}", fields, handler: handler, files: withDocuments ? RequiredDocuments : null);

    /// <summary>Files a complete, balanced report with its documents; throws unless the app accepted it.</summary>
    public static async Task SubmitBalancedReportAsync(this HttpClient applicant, int reportId)
    {
        using var response = await applicant.PostReportAsync(reportId, "Submit", BalancedReport(), withDocuments: true);
        await ExpectRedirectAsync(response, $"/Inspections/Report/{reportId}");
    }

    public static async Task ExpectRedirectAsync(HttpResponseMessage response, string location)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        response.Headers.Location!.OriginalString.ShouldBe(location);
    }

    /// <summary>The form's error summary as text, to explain a failed expectation.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector("[data-testid=form-errors], .validation-summary-errors")?.TextContent.Trim() ?? "(no error summary)";

    /// <summary>The anti-forgery token of the layout's sign-out form, aimed at another address (to show who is refused there).</summary>
    public static async Task<FormSnapshot> FormTokenForAsync(this HttpClient client, string action) =>
        await client.ReadFormAsync("/", "form[action='/Account/Logout']") with { Action = action };
}
