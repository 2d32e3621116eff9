using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The rating journey of issue #6 in the browsers of an officer, an organization and three experts: the officer opens a
/// campaign (2010 measures, 公示 7 days); the demo applicant applies for their association with a self-assessment and an
/// evidence file; the officer confirms eligibility and assigns three experts (the one linked to the association cannot
/// be chosen); each expert declares no conflict, then scores; the committee takes the grade the means earn (4A); 公示;
/// seven days later (the app's clock moved) the announcement; the grade shows on the association's public page, on
/// /Ratings and on a certificate with a QR code of the public page.
/// </summary>
[Collection(ClockedBrowserJourneys.Name)]
public sealed partial class RatingJourneyTests(ClockedBrowserFixture fixture)
{
    private const string Journey = nameof(Rating_OrganizationAppliesPanelScoresCommitteeDecides_GradeShownAfterPublicityAndAnnouncement);

    /// <summary>A member organization of applicant@demo.local in Recipes/data/demo-register.json, founded 2008.</summary>
    private const string Organization = "宁波市海曙区老年协会";

    private const string ExpertPassword = "Test-expert-2026";

    /// <summary>Recipes/test-ratings.recipe.json: a member of <see cref="Organization"/>, so never on its panel.</summary>
    private const string LinkedExpert = "linked-expert@test.local";

    private static readonly (string Email, string Password) DemoApplicant = ("applicant@demo.local", "Demo-applicant-2026");

    /// <summary>The three experts and the share of every indicator's maximum each gives: the means come to 850 of 1000, a 4A.</summary>
    private static readonly (string Email, decimal Share)[] Panel = [("expert1@test.local", 0.84m), ("expert2@test.local", 0.85m), ("expert3@test.local", 0.86m)];

    [Fact]
    public async Task Rating_OrganizationAppliesPanelScoresCommitteeDecides_GradeShownAfterPublicityAndAnnouncement()
    {
        await fixture.EnsureDemoRegisterAsync();
        await using var officer = await fixture.OpenSessionAsync();
        await using var applicant = await fixture.OpenSessionAsync();

        // 1. The officer opens a campaign under the 2010 measures (a grade is valid from its announcement) with 7 days of 公示.
        var officerLogin = await LoginPage.OpenAsync(officer.Page, returnUrl: RatingCampaignsAdminPage.Path);
        await officerLogin.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var campaigns = await RatingCampaignsAdminPage.AttachAsync(officer.Page);
        await Assertions.Expect(campaigns.OneA).ToHaveValueAsync("0");
        await Screenshots.SaveAsync(officer.Page, "01-officer-open-campaign", Journey);
        var campaign = await campaigns.OpenCampaignAsync("海曙区社会组织等级评估（浏览器测试）", "Measures2010", publicityDays: 7);
        await Assertions.Expect(campaign.Heading).ToContainTextAsync("海曙区社会组织等级评估（浏览器测试）");
        await Assertions.Expect(campaign.Thresholds).ToContainTextAsync("5A ≥ 900");
        await Screenshots.SaveAsync(officer.Page, "02-officer-campaign-opened", Journey);

        // 2. The demo applicant applies for the association: a self-assessment on every indicator and an evidence file.
        var applicantLogin = await LoginPage.OpenAsync(applicant.Page, returnUrl: RatingsPage.Path);
        await applicantLogin.SubmitAsync(DemoApplicant.Email, DemoApplicant.Password);
        var ratings = await RatingsPage.AttachAsync(applicant.Page);
        var application = await ratings.ApplyAsync(campaign.Id, Organization);
        await Assertions.Expect(application.State).ToHaveTextAsync("填写中");
        await application.SelfAssessAsync(0.9m, "按指标逐项自评，佐证材料见附件。");
        await application.AttachGeneralEvidenceAsync("法人登记证书.pdf");
        await application.SaveDraftAsync();
        await Assertions.Expect(application.EvidenceCount).ToContainTextAsync("1");
        await Screenshots.SaveAsync(applicant.Page, "03-applicant-self-assessment-saved", Journey);
        await application.SubmitAsync();
        await Assertions.Expect(application.State).ToHaveTextAsync("已提交，资格审查中");
        await Assertions.Expect(application.ClaimedTotal).ToHaveTextAsync("900");
        await Screenshots.SaveAsync(applicant.Page, "04-applicant-submitted", Journey);

        // 3. The officer sees every automatic check passed, confirms eligibility and seats the panel; the linked expert is excluded.
        campaign = await RatingCampaignAdminPage.OpenAsync(officer.Page, campaign.Id);
        await Assertions.Expect(campaign.Row(Organization)).ToContainTextAsync("待资格审查");
        var file = await campaign.OpenApplicationAsync(Organization);
        await Assertions.Expect(file.Checks.First).ToBeVisibleAsync();
        await Assertions.Expect(file.FailedChecks).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(officer.Page, "05-officer-eligibility-checks", Journey);
        await file.ConfirmEligibleAsync();
        await Assertions.Expect(file.State).ToHaveTextAsync("专家评估中");
        await Assertions.Expect(file.Candidate(LinkedExpert)).ToBeDisabledAsync();
        await file.AssignAsync([.. Panel.Select(p => p.Email)]);
        await Assertions.Expect(file.PanelMembers).ToHaveCountAsync(3);
        await file.SetFieldAssessmentAsync(fixture.Today);
        await Screenshots.SaveAsync(officer.Page, "06-officer-panel-assigned", Journey);

        // 4. Each expert declares no conflict before the file opens, then scores every indicator and submits.
        foreach (var (email, share) in Panel)
        {
            await using var expert = await fixture.OpenSessionAsync();
            var login = await LoginPage.OpenAsync(expert.Page, returnUrl: ExpertSheetPage.PathFor(file.Id));
            await login.SubmitAsync(email, ExpertPassword);
            var sheet = await ExpertSheetPage.OpenAsync(expert.Page, file.Id);
            await Assertions.Expect(sheet.DeclarationForm).ToBeVisibleAsync();
            await Assertions.Expect(sheet.SelfAssessment).ToHaveCountAsync(0);
            await sheet.DeclareNoConflictAsync();
            await Assertions.Expect(sheet.SelfAssessment.First).ToContainTextAsync("按指标逐项自评");
            await sheet.ScoreAllAsync(share, "材料齐全，现场核查属实。");
            if (email == Panel[0].Email)
            {
                await Screenshots.SaveAsync(expert.Page, "07-expert-scores", Journey);
            }

            await sheet.SubmitAsync();
            expert.Problems.ShouldBeEmpty();
        }

        // 5. The officer sees the means and the grade they earn; the committee decides.
        file = await RatingApplicationAdminPage.OpenAsync(officer.Page, file.Id);
        await Assertions.Expect(file.Total).ToHaveTextAsync("850");
        await Assertions.Expect(file.ComputedGrade).ToHaveTextAsync("4A");
        await Screenshots.SaveAsync(officer.Page, "08-officer-score-matrix", Journey);
        await file.DecideAsync();
        await Assertions.Expect(file.DecidedGrade).ToHaveTextAsync("4A");

        // 6. 公示: the association sees its proposed grade and when the publicity ends.
        campaign = await RatingCampaignAdminPage.OpenAsync(officer.Page, campaign.Id);
        await campaign.PublishAsync();
        await Assertions.Expect(campaign.Row(Organization)).ToContainTextAsync("公示中");
        await Screenshots.SaveAsync(officer.Page, "09-officer-publicized", Journey);
        application = await RatingApplicationPage.OpenAsync(applicant.Page, application.Id);
        await Assertions.Expect(application.State).ToHaveTextAsync("结果公示中");
        await Assertions.Expect(application.Grade).ToHaveTextAsync("4A");
        await Assertions.Expect(application.PublicityEnds).ToHaveTextAsync(Day(fixture.Today.AddDays(6)));
        await Screenshots.SaveAsync(applicant.Page, "10-applicant-publicity", Journey);

        // 7. Seven days later (the back-office sign-in has long expired) the publicity is over and the officer announces the grade.
        fixture.Clock.Skip(TimeSpan.FromDays(7));
        officerLogin = await LoginPage.OpenAsync(officer.Page, returnUrl: RatingCampaignAdminPage.PathFor(campaign.Id));
        await officerLogin.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        campaign = await RatingCampaignAdminPage.AttachAsync(officer.Page);
        await campaign.AnnounceAsync();
        await Assertions.Expect(campaign.Row(Organization)).ToContainTextAsync("已公告");
        await Assertions.Expect(campaign.FiguresLine).ToHaveTextAsync("1家社会组织申报评估，评出4A社会组织1家。");
        await Screenshots.SaveAsync(officer.Page, "11-officer-announced", Journey);

        // 8. Anyone sees the grade on the association's public page, in the distribution on /Ratings, and on its certificate.
        await using var visitor = await fixture.OpenSessionAsync();
        var organization = await OrganizationPage.OpenAsync(visitor.Page, await OrganizationIdAsync(officer.Page, file.Id));
        await Assertions.Expect(organization.CurrentGrade).ToHaveTextAsync(CurrentGradePattern());
        await Screenshots.SaveAsync(visitor.Page, "12-public-organization-page", Journey);
        ratings = await RatingsPage.OpenAsync(visitor.Page);
        await Assertions.Expect(ratings.GradeCount(4)).ToHaveTextAsync("1");
        await Assertions.Expect(ratings.CampaignLine(campaign.Id)).ToHaveTextAsync("1家社会组织申报评估，评出4A社会组织1家。");
        await Screenshots.SaveAsync(visitor.Page, "13-public-ratings", Journey);
        await ratings.OpenCampaignAsync(campaign.Id);
        await visitor.Page.GetByTestId($"certificate-{organization.Id.ToString(CultureInfo.InvariantCulture)}").ClickAsync();
        await Assertions.Expect(visitor.Page.GetByTestId("certificate-grade")).ToHaveTextAsync("4A");
        await Assertions.Expect(visitor.Page.Locator("[data-testid=certificate-qr] svg")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(visitor.Page, "14-public-certificate", Journey);

        officer.Problems.ShouldBeEmpty();
        applicant.Problems.ShouldBeEmpty();
        visitor.Problems.ShouldBeEmpty();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The association's id, from the officer's link to its public page.</summary>
    private static async Task<int> OrganizationIdAsync(IPage page, int applicationId)
    {
        await RatingApplicationAdminPage.OpenAsync(page, applicationId);
        var href = await page.Locator("#main a[href^='/Organizations/Org/']").First.GetAttributeAsync("href");
        return int.Parse(href!["/Organizations/Org/".Length..], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*4A\s+.*\d{4}-\d{2}-\d{2}.*\d{4}-\d{2}-\d{2}.*$", RegexOptions.Singleline)]
    private static partial Regex CurrentGradePattern();
}
