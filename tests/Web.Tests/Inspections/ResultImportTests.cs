using System.Net;
using System.Text;
using Registry.Inspections.Domain;
using Registry.Organizations.Contracts;
using Registry.Testing;
using static Registry.Web.Tests.Inspections.InspectionsClient;

namespace Registry.Web.Tests.Inspections;

/// <summary>The officers' import of results recorded on paper: all rows or none; over HTTP, on each provider.</summary>
public abstract class ResultImportTests<TApp>(TApp app)
    where TApp : InspectionsApp
{
    private const string Header = "统一社会信用代码,年度,结论,原因,整改要求,整改期限,整改验收日期";

    // Demo register codes (test-register recipe); each test uses its own organizations.
    private const string Federation = "51330203500001018P";
    private const string Youth = "513302035000010428";
    private const string Calligraphy = "513302035000010690";
    private const string Photography = "51330203500001077T";
    private const string Sports = "51330203500001085M";

    [Fact]
    public async Task Import_OneUnknownCodeAndOneBadResult_AppliesNothingAndListsBothRows()
    {
        using var response = await UploadAsync(
            $"{Federation},2025,合格,,,,",
            "51330203MJ9999999X,2025,合格,,,,",
            $"{Youth},2025,优秀,,,,");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = (await response.ParseAsync()).QuerySelectorAll("[data-testid=import-errors] tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("51330203MJ9999999X");
        rows[1].ShouldContain("优秀");
        (await app.ReportAsync(2025, "宁波市海曙区社会组织联合会")).State.ShouldBe(ReportState.NotStarted);
    }

    [Fact]
    public async Task Import_AllRowsValid_ConcludesEveryReport()
    {
        using var response = await UploadAsync(
            $"{Calligraphy},2025,合格,,,,",
            $"{Photography},2025,基本合格,会计档案不全,补齐会计档案,2026-06-30,",
            $"{Sports},2025,不合格,未按规定换届,完成换届选举,2026-06-30,2026-02-20");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErrorsAsync(response));
        var calligraphy = await app.ReportAsync(2025, "宁波市海曙区书法家协会");
        (calligraphy.State, calligraphy.Result, calligraphy.Imported).ShouldBe((ReportState.Concluded, (InspectionResult?)InspectionResult.Qualified, true));
        var photography = await app.ReportAsync(2025, "宁波市海曙区摄影家协会");
        (photography.Result, photography.Rectification, photography.RectificationDueOn).ShouldBe((InspectionResult.BasicallyQualified, RectificationState.Required, new DateOnly(2026, 6, 30)));
        var sports = await app.ReportAsync(2025, "宁波市海曙区体育总会");
        (sports.Result, sports.Rectification, sports.RectificationVerifiedOn).ShouldBe((InspectionResult.Unqualified, RectificationState.Verified, new DateOnly(2026, 2, 20)));
    }

    private async Task<HttpResponseMessage> UploadAsync(params string[] rows)
    {
        await app.EnsureCampaignAsync(2025, OrganizationCodes.SocialGroup);
        var officer = await app.SignedInClientAsync(TestAccounts.Officer);
        var csv = Encoding.UTF8.GetBytes(Header + "\n" + string.Join('\n', rows) + "\n");
        return await officer.SubmitFormAsync("/Inspections/Admin/Import", new Dictionary<string, string>(), files: new Dictionary<string, (string, byte[])> { ["file"] = ("结论.csv", csv) });
    }
}

public sealed class ResultImportTestsOnSqlite(InspectionsSqliteApp app) : ResultImportTests<InspectionsSqliteApp>(app), IClassFixture<InspectionsSqliteApp>;

public sealed class ResultImportTestsOnPostgreSql(InspectionsPostgreSqlApp app) : ResultImportTests<InspectionsPostgreSqlApp>(app), IClassFixture<InspectionsPostgreSqlApp>;
