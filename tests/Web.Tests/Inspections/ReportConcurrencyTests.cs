using System.Net;
using Registry.Organizations.Contracts;
using Registry.Testing;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>
/// The report form's row version over HTTP, on each provider: a page the app returns after saving or uploading carries
/// the new version (no false conflict on the next save), while a second tab still on the old one is told of the conflict.
/// </summary>
public abstract class ReportConcurrencyTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const int Year = 2025;

    private const string ConflictMessage = "该记录已被他人修改，请刷新页面后重试。";

    [Fact]
    public async Task Save_FromThePageReturnedAfterAnUploadAndARefusedSubmit_SavedWithoutAConflict()
    {
        var url = await EditUrlAsync(MemberSocialGroup);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var unbalanced = BalancedReport();
        unbalanced["Input.Amounts[NetAssetsEndFen]"] = "11500";
        var before = (await app.ReportAsync(Year, MemberSocialGroup)).Version;

        using var refused = await applicant.SubmitFormAsync(url, unbalanced, handler: "Submit", files: RequiredDocuments);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var returned = (await refused.ParseAsync()).ReadForm(url);
        var stored = await app.ReportAsync(Year, MemberSocialGroup);
        stored.Version.ShouldNotBe(before);
        returned.Values["Version"].ShouldBe(stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var saved = await applicant.PostFormAsync(returned, new Dictionary<string, string> { ["Input.Amounts[NetAssetsEndFen]"] = "12000.00" }, "Save");

        await ExpectRedirectAsync(saved, url);
        (await app.ReportAsync(Year, MemberSocialGroup)).Content.NetAssetsEndFen.ShouldBe(1_200_000);
    }

    [Fact]
    public async Task Save_SecondTabOnTheOldVersion_ToldOfTheConflictAndTheFirstSaveKept()
    {
        var url = await EditUrlAsync(MemberServiceCentre);
        var applicant = await app.SignedInClientAsync(DemoApplicant);
        var firstTab = await applicant.ReadFormAsync(url);
        var secondTab = await applicant.ReadFormAsync(url);

        using (var first = await applicant.PostFormAsync(firstTab, new Dictionary<string, string> { ["Input.WorkSummary"] = "第一个标签页填写的工作总结。" }, "Save"))
        {
            await ExpectRedirectAsync(first, url);
        }

        using var second = await applicant.PostFormAsync(secondTab, new Dictionary<string, string> { ["Input.WorkSummary"] = "第二个标签页填写的工作总结。" }, "Save");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErrorsAsync(second)).ShouldContain(ConflictMessage);
        (await app.ReportAsync(Year, MemberServiceCentre)).Content.WorkSummary.ShouldBe("第一个标签页填写的工作总结。");
    }

    private async Task<string> EditUrlAsync(string organizationName)
    {
        await app.EnsureCampaignAsync(Year, OrganizationCodes.SocialGroup, OrganizationCodes.PrivateNonEnterprise);
        return $"/Inspections/Report/Edit/{(await app.ReportAsync(Year, organizationName)).Id}";
    }
}

public sealed class ReportConcurrencyTestsOnSqlite(InspectionsSqliteApp app) : ReportConcurrencyTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class ReportConcurrencyTestsOnPostgreSql(InspectionsPostgreSqlApp app) : ReportConcurrencyTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
