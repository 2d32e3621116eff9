using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Core.Review;
using Registry.Documents.Contracts;
using Registry.Documents.Domain;
using Registry.Testing;
using Registry.Web.Data;
using UglyToad.PdfPig;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// Its own app: the three-step chain set here would change every other journey's establishment.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SignOffBrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser journeys with a three-step sign-off";
}

/// <summary>
/// Issue 19's 成立登记 in five browsers: the applicant applies under an approved name naming its 业务主管单位; the unit
/// consents online with its opinion; the bureau accepts, then signs off 承办 → 审核 → 批准 with three officers (the first is
/// refused at the second step: separation of duties); the applicant follows the steps, not the internal opinions, and gets
/// the 准予登记决定书 and the 登记证书 as signed, numbered PDFs, screenshotted as a reader draws them.
/// </summary>
[Collection(SignOffBrowserJourneys.Name)]
public sealed class ProcedureJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Establishment_UnitConsentsAndThreeOfficersSignOff_ApplicantGetsTheDecisionAndCertificatePdfs);
    private const string Unit = "海曙区测试主管局甲";

    [Fact]
    public async Task Establishment_UnitConsentsAndThreeOfficersSignOff_ApplicantGetsTheDecisionAndCertificatePdfs()
    {
        await fixture.InScopeAsync(async services =>
        {
            (await services.GetRequiredService<ISignOffs>().SetChainAsync("Organizations.Establishment", 3, CancellationToken.None)).ShouldBeNull();
            return await services.GetRequiredService<RegistryDbContext>().SaveChangesAsync();
        });
        await using var applicant = await fixture.OpenSessionAsync();
        await using var supervisor = await fixture.OpenSessionAsync();
        await using var handler = await fixture.OpenSessionAsync();
        await using var checker = await fixture.OpenSessionAsync();
        await using var approver = await fixture.OpenSessionAsync();
        var core = "晨光" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture).Aggregate("", (s, c) => s + "零壹贰叁肆伍陆柒捌玖"[c - '0']);
        var name = $"宁波市海曙区{core}助老服务中心";

        // 1. An approved name (arranged in the browser too: the applicant applies, the first officer approves).
        await (await LoginPage.OpenAsync(applicant.Page, ApplicantDeskPage.Path)).SubmitAsync(TestAccounts.Applicant.Email, TestAccounts.Applicant.Password);
        var nameForm = await (await ApplicantDeskPage.AttachAsync(applicant.Page)).StartAsync("NameApproval");
        await nameForm.ProposedName(1).FillAsync(name);
        await nameForm.Type.SelectOptionAsync("PrivateNonEnterprise");
        await nameForm.BusinessScope.FillAsync("为辖区老年人提供助餐、助洁和陪伴服务。");
        await nameForm.AttachPdfAsync("NameApplicationLetter");
        var nameApplication = await nameForm.SubmitAsync();
        await (await LoginPage.OpenAsync(handler.Page, ReviewPage.PathFor(nameApplication.Id))).SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var nameReview = await ReviewPage.AttachAsync(handler.Page, nameApplication.Id);
        await nameReview.DecideAsync("Accept", "已受理");
        await nameReview.DecideAsync("StartReview", "审查中");
        await nameReview.DecideAsync("Approve", "准予");

        // 2. The establishment names the supervising unit: it waits for the unit's consent before the bureau receives it.
        var form = await (await ApplicantDeskPage.OpenAsync(applicant.Page)).StartAsync("Establishment");
        await form.NameApplication.SelectOptionAsync(nameApplication.Id.ToString(CultureInfo.InvariantCulture));
        await form.Type.SelectOptionAsync("PrivateNonEnterprise");
        await form.Name.FillAsync(name);
        await applicant.Page.Locator("input[name='Input.SupervisingUnit']").FillAsync(Unit);
        await form.LegalRepresentative.FillAsync("周丽华");
        await form.Street.FillAsync("鼓楼街道");
        await form.Community.FillAsync("孝闻社区");
        await form.Address.FillAsync("宁波市海曙区孝闻街120号");
        await form.ServiceField("养老").CheckAsync();
        await form.BusinessScope.FillAsync("老年助餐、居家助洁、陪伴探访、文体活动。");
        await form.ActivityFunds.FillAsync("30000");
        await form.IndividualMembers.FillAsync("0");
        await form.UnitMembers.FillAsync("0");
        await form.ContactName.FillAsync("周丽华");
        await form.ContactPhone.FillAsync("0574-87112233");
        await form.ContactEmail.FillAsync(TestAccounts.Applicant.Email);
        foreach (var document in new[] { "Charter", "PremisesProof", "FundsProof", "LegalRepId" })
        {
            await form.AttachPdfAsync(document);
        }

        var establishment = await form.SubmitAsync();
        var id = establishment.Id;
        await Assertions.Expect(establishment.State).ToContainTextAsync("待主管单位或街道审查");
        await Screenshots.SaveAsync(applicant.Page, "01-submitted-waiting-for-the-unit", Journey);

        // 3. The supervising unit finds it in its list and consents with its opinion.
        await (await LoginPage.OpenAsync(supervisor.Page, "/Organizations/Parties")).SubmitAsync(TestAccounts.Supervisor.Email, TestAccounts.Supervisor.Password);
        await supervisor.Page.Locator($"a[href='/Organizations/Parties/Application/{id}']").ClickAsync();
        await Arrival.AtAsync(supervisor.Page, $"/Organizations/Parties/Application/{id}");
        await supervisor.Page.Locator("#opinion").FillAsync("同意成立。该中心业务范围与本部门养老服务职能相符。");
        await Screenshots.SaveAsync(supervisor.Page, "02-unit-consents", Journey);
        await supervisor.Page.GetByTestId("pre-review-pass").ClickAsync();
        await Assertions.Expect(supervisor.Page.GetByTestId("pre-review-form")).ToHaveCountAsync(0);

        // 4. The bureau accepts; 承办 by the first officer, who is then refused the 审核 of the same case.
        var review = await ReviewPage.OpenAsync(handler.Page, id);
        await review.DecideAsync("Accept", "已受理");
        await review.DecideAsync("StartReview", "审查中");
        await SignAsync(handler.Page, "拟准予成立登记：材料齐全，主管单位已同意。");
        await handler.Page.Locator("#opinion").FillAsync("同意");
        await handler.Page.GetByTestId("sign-off").ClickAsync();
        await Assertions.Expect(handler.Page.Locator("[data-testid=decision-errors]")).ToContainTextAsync("同一案件中您已签署“承办”，不能再签署“审核”");
        await Screenshots.SaveAsync(handler.Page, "03-same-officer-refused-at-check", Journey);

        // 5. 审核 by the section head, 批准 by the approving head: the decision.
        await (await LoginPage.OpenAsync(checker.Page, ReviewPage.PathFor(id))).SubmitAsync(TestAccounts.Officer2.Email, TestAccounts.Officer2.Password);
        await ReviewPage.AttachAsync(checker.Page, id);
        await SignAsync(checker.Page, "经审核，符合成立登记条件，同意。");
        await (await LoginPage.OpenAsync(approver.Page, ReviewPage.PathFor(id))).SubmitAsync(TestAccounts.Officer3.Email, TestAccounts.Officer3.Password);
        var decision = await ReviewPage.AttachAsync(approver.Page, id);
        await Screenshots.SaveAsync(approver.Page, "04-approver-sees-both-opinions", Journey);
        await decision.DecideAsync("Approve", "准予");
        await Screenshots.SaveAsync(approver.Page, "05-approved", Journey);

        // 6. The applicant sees every step done, but neither the opinions nor who signed them.
        establishment = await ApplicationPage.OpenAsync(applicant.Page, id);
        await Assertions.Expect(establishment.State).ToHaveTextAsync("准予");
        await Assertions.Expect(applicant.Page.GetByTestId("sign-off-Check")).ToHaveAttributeAsync("data-done", "true");
        await Assertions.Expect(applicant.Page.Locator("body")).Not.ToContainTextAsync("拟准予成立登记");
        await Screenshots.SaveAsync(applicant.Page, "06-applicant-progress-by-step", Journey);

        // 7. The documents: the decision and the certificate, issued from the decision's event, in "my documents".
        var documents = await Eventually.ResultAsync(
            () => fixture.InScopeAsync(async services =>
            {
                var db = services.GetRequiredService<RegistryDbContext>();
                var decided = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Source == $"Organizations/application/{id}/Approve");
                var certificate = decided is null ? null : await db.Set<IssuedDocument>().AsNoTracking()
                    .Where(d => d.Kind == DocumentKind.RegistrationCertificate && d.OrganizationId == decided.OrganizationId && d.SupersededById == null).FirstOrDefaultAsync();
                return decided is null || certificate is null ? null : new[] { decided, certificate };
            }),
            "the decision and the certificate are issued from the approval's event");
        await applicant.Page.GotoAsync(DocumentLinks.Mine);
        foreach (var document in documents)
        {
            await Assertions.Expect(applicant.Page.Locator($"[data-testid=documents] tr[data-id='{document.Id}']")).ToContainTextAsync(document.Number);
        }

        await Screenshots.SaveAsync(applicant.Page, "07-my-documents", Journey);
        var steps = new[] { ("08-decision-pdf", "准予"), ("09-certificate-pdf", "登记证书") };
        for (var i = 0; i < documents.Length; i++)
        {
            var response = await applicant.Page.APIRequest.GetAsync(DocumentLinks.Download(documents[i].Id));
            response.Status.ShouldBe(200);
            var pdf = await response.BodyAsync();
            using (var read = PdfDocument.Open(pdf))
            {
                var text = string.Concat(read.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
                text.ShouldContain(steps[i].Item2);
                text.ShouldContain(name);
                text.ShouldContain(documents[i].Number);
            }

            await PdfScreenshots.SaveAsync(applicant.Page.Context.Browser!, pdf, steps[i].Item1, Journey);
        }

        // 8. Anyone checks the certificate on the public verification page (the QR code's address).
        await using var visitor = await fixture.OpenSessionAsync();
        await visitor.Page.GotoAsync(DocumentLinks.Verify(documents[1].VerificationCode));
        await Assertions.Expect(visitor.Page.Locator("#main")).ToContainTextAsync(documents[1].Number);
        await Assertions.Expect(visitor.Page.Locator("#main")).ToContainTextAsync(name);
        await Screenshots.SaveAsync(visitor.Page, "10-public-verification", Journey);

        foreach (var session in new[] { applicant, supervisor, handler, checker, approver, visitor })
        {
            session.Problems.ShouldBeEmpty();
        }
    }

    /// <summary>Signs the step waiting with an opinion and waits for the page to come back without errors.</summary>
    private static async Task SignAsync(IPage page, string opinion)
    {
        await page.Locator("#opinion").FillAsync(opinion);
        await page.GetByTestId("sign-off").ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(opinion);
        await Assertions.Expect(page.Locator("[data-testid='decision-errors'] li:visible")).ToHaveCountAsync(0);
    }
}
