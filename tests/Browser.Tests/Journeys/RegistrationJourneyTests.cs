using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Core.Identification;
using Registry.Testing;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The registration journey end to end in two browsers: a visitor signs up and confirms the address from the real mail,
/// gets a name approved, applies for establishment with its documents; an officer accepts, reviews and approves each;
/// the organization is then 正常 with a valid credit code and a printable certificate, and the public directory finds it.
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed partial class RegistrationJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Registration_NewApplicantGetsNameApprovedAndEstablishes_OrganizationIsActiveWithCertificate);
    private const string Password = "Journey-applicant-2026";
    private const string Type = "PrivateNonEnterprise";

    [Fact]
    public async Task Registration_NewApplicantGetsNameApprovedAndEstablishes_OrganizationIsActiveWithCertificate()
    {
        await using var applicant = await fixture.OpenSessionAsync();
        await using var officer = await fixture.OpenSessionAsync();
        var email = $"journey-{Guid.NewGuid():N}@test.local";
        var core = UniqueCore();
        var name = $"宁波市海曙区{core}养老服务中心";

        // 1. A visitor signs up, confirms the address with the link of the real mail and signs in.
        var register = await RegisterPage.OpenAsync(applicant.Page);
        await register.FillAsync("旅程申请人", email, Password);
        await Screenshots.SaveAsync(applicant.Page, "01-register", Journey);
        await register.SubmitAsync();
        var mail = await MailSink.WaitForAsync(email);
        var confirmation = await ConfirmEmailPage.OpenAsync(applicant.Page, ConfirmationLink(mail.TextBody));
        await Assertions.Expect(confirmation.SignInLink).ToBeVisibleAsync();
        await Screenshots.SaveAsync(applicant.Page, "02-confirmed", Journey);
        var login = await LoginPage.OpenAsync(applicant.Page, returnUrl: ApplicantDeskPage.Path);
        await login.SubmitAsync(email, Password);
        var desk = await ApplicantDeskPage.AttachAsync(applicant.Page);

        // 2. The new applicant applies for name approval with the application letter.
        var nameForm = await desk.StartAsync("NameApproval");
        await nameForm.ProposedName(1).FillAsync(name);
        await nameForm.ProposedName(2).FillAsync($"宁波市海曙区{core}颐养服务中心");
        await nameForm.ProposedName(3).FillAsync($"宁波市海曙区{core}康养服务中心");
        await nameForm.Type.SelectOptionAsync(Type);
        await nameForm.BusinessScope.FillAsync("为辖区老年人提供日间照料、助餐、助浴和文体活动服务。");
        await nameForm.AttachPdfAsync("NameApplicationLetter");
        await Screenshots.SaveAsync(applicant.Page, "03-name-form-filled", Journey);
        var nameApplication = await nameForm.SubmitAsync();
        var nameReceipt = await ReceiptAsync(nameApplication);
        await Assertions.Expect(nameApplication.State).ToHaveTextAsync("已提交");
        await Screenshots.SaveAsync(applicant.Page, "04-name-submitted-receipt", Journey);

        // 3. An officer finds it in the queue, accepts, reviews and approves it: the name is reserved.
        var officerLogin = await LoginPage.OpenAsync(officer.Page, returnUrl: ReviewQueuePage.Path);
        await officerLogin.SubmitAsync(TestAccounts.Officer.Email, TestAccounts.Officer.Password);
        var queue = await ReviewQueuePage.AttachAsync(officer.Page);
        await Assertions.Expect(queue.Row(nameReceipt)).ToContainTextAsync("已提交");
        await Screenshots.SaveAsync(officer.Page, "05-officer-queue", Journey);
        var nameReview = await queue.OpenAsync(nameReceipt, nameApplication.Id);
        await Assertions.Expect(nameReview.State).ToHaveTextAsync("已提交");
        await Screenshots.SaveAsync(officer.Page, "06-officer-decision-page", Journey);
        await nameReview.DecideAsync("Accept", "已受理");
        await nameReview.DecideAsync("StartReview", "审查中");
        await nameReview.DecideAsync("Approve", "准予");
        await Screenshots.SaveAsync(officer.Page, "07-officer-name-approved", Journey);

        // 4. The applicant applies for establishment under the approved name, with the four required documents.
        desk = await ApplicantDeskPage.OpenAsync(applicant.Page);
        var establishmentForm = await desk.StartAsync("Establishment");
        await establishmentForm.NameApplication.SelectOptionAsync(nameApplication.Id.ToString(CultureInfo.InvariantCulture));
        await establishmentForm.Type.SelectOptionAsync(Type);
        await establishmentForm.Name.FillAsync(name);
        await establishmentForm.LegalRepresentative.FillAsync("王晓梅");
        await establishmentForm.Street.FillAsync("鼓楼街道");
        await establishmentForm.Community.FillAsync("孝闻社区");
        await establishmentForm.Address.FillAsync("宁波市海曙区孝闻街88号");
        await establishmentForm.ServiceField("养老").CheckAsync();
        await establishmentForm.ServiceField("助残").CheckAsync();
        await establishmentForm.BusinessScope.FillAsync("日间照料、老年助餐、康复护理、文体活动。");
        await establishmentForm.ActivityFunds.FillAsync("50000");
        await establishmentForm.IndividualMembers.FillAsync("0");
        await establishmentForm.UnitMembers.FillAsync("0");
        await establishmentForm.ContactName.FillAsync("王晓梅");
        await establishmentForm.ContactPhone.FillAsync("0574-87654321");
        await establishmentForm.ContactEmail.FillAsync(email);
        foreach (var document in new[] { "Charter", "PremisesProof", "FundsProof", "LegalRepId" })
        {
            await establishmentForm.AttachPdfAsync(document);
        }

        await Screenshots.SaveAsync(applicant.Page, "08-establishment-form-filled", Journey);
        var establishment = await establishmentForm.SubmitAsync();
        var establishmentReceipt = await ReceiptAsync(establishment);
        establishmentReceipt.ShouldNotBe(nameReceipt);
        await Assertions.Expect(establishment.State).ToHaveTextAsync("已提交");
        await Screenshots.SaveAsync(applicant.Page, "09-establishment-submitted-receipt", Journey);

        // 5. The officer approves the establishment: the organization is registered.
        queue = await ReviewQueuePage.OpenAsync(officer.Page);
        await Assertions.Expect(queue.Row(establishmentReceipt)).ToContainTextAsync("已提交");
        var establishmentReview = await queue.OpenAsync(establishmentReceipt, establishment.Id);
        await Screenshots.SaveAsync(officer.Page, "10-officer-establishment-decision-page", Journey);
        await establishmentReview.DecideAsync("Accept", "已受理");
        await establishmentReview.DecideAsync("StartReview", "审查中");
        await establishmentReview.DecideAsync("Approve", "准予");
        await Screenshots.SaveAsync(officer.Page, "11-officer-establishment-approved", Journey);

        // 6. The applicant sees the approval and opens the printable certificate.
        establishment = await ApplicationPage.OpenAsync(applicant.Page, establishment.Id);
        await Assertions.Expect(establishment.State).ToHaveTextAsync("准予");
        await Assertions.Expect(establishment.CertificateLink).ToBeVisibleAsync();
        await Screenshots.SaveAsync(applicant.Page, "12-establishment-approved", Journey);
        var certificate = await establishment.OpenCertificateAsync();
        await Assertions.Expect(certificate.Title).ToHaveTextAsync("登记证书");
        await Assertions.Expect(certificate.Certificate).ToContainTextAsync(name);
        await Assertions.Expect(certificate.Certificate).ToContainTextAsync("王晓梅");
        await Assertions.Expect(certificate.QrCode).ToBeVisibleAsync();
        await Assertions.Expect(certificate.Void).ToHaveCountAsync(0);
        var creditCode = (await certificate.PublicCode.InnerTextAsync()).Trim();
        creditCode.Length.ShouldBe(18, creditCode);
        UnifiedSocialCreditCode.IsValid(creditCode).ShouldBeTrue(creditCode);
        // 5 = registered by civil affairs, 2 = 民办非企业单位 (社会服务机构), then the district's division code.
        creditCode.ShouldStartWith("52330203");
        await Screenshots.SaveAsync(applicant.Page, "13-certificate", Journey);

        // 7. The public page shows the organization as 正常 with the same code.
        var organization = await certificate.OpenPublicPageAsync();
        await Assertions.Expect(organization.Name).ToHaveTextAsync(name);
        await Assertions.Expect(organization.StatusBadge).ToHaveTextAsync("正常");
        await Assertions.Expect(organization.Particular("状态")).ToHaveTextAsync("正常");
        await Assertions.Expect(organization.PublicCode).ToHaveTextAsync(creditCode);
        await Assertions.Expect(organization.StatusNotice).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(applicant.Page, "14-public-page", Journey);

        // 8. Anyone finds it in the public directory, once the index has caught up from the change feed.
        await using var visitor = await fixture.OpenSessionAsync();
        var directory = await DirectoryPage.OpenAsync(visitor.Page);
        await directory.SearchAsync(name);
        var found = directory.Hit(name);
        await Eventually.HoldsAsync(
            async () =>
            {
                if (await found.CountAsync() > 0)
                {
                    return true;
                }

                await directory.ReloadAsync();
                return false;
            },
            "the new organization appears in the public directory",
            interval: TimeSpan.FromMilliseconds(500));

        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found).ToContainTextAsync(creditCode);
        await Assertions.Expect(found).ToContainTextAsync("民办非企业单位");
        await Assertions.Expect(found.Locator(".badge")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(visitor.Page, "15-directory", Journey);

        applicant.Problems.ShouldBeEmpty();
        officer.Problems.ShouldBeEmpty();
        visitor.Problems.ShouldBeEmpty();
    }

    /// <summary>The confirmation link of the sign-up mail (absolute, on the app's own address).</summary>
    private static Uri ConfirmationLink(string? textBody)
    {
        textBody.ShouldNotBeNull();
        var match = ConfirmLinkPattern().Match(textBody);
        match.Success.ShouldBeTrue($"No confirmation link in the mail: {textBody}");
        return new Uri(match.Value);
    }

    private static async Task<string> ReceiptAsync(ApplicationPage application)
    {
        await Assertions.Expect(application.Receipt).ToHaveTextAsync(ReceiptPattern());
        return (await application.Receipt.InnerTextAsync()).Trim();
    }

    /// <summary>A name core no other test uses (names are checked against every reservation and organization).</summary>
    private static string UniqueCore()
    {
        const string Digits = "零壹贰叁肆伍陆柒捌玖";
        var number = Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);
        return "晨曦" + new string([.. number.Select(c => Digits[c - '0'])]);
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmLinkPattern();

    [GeneratedRegex(@"^\s*DJ-\d{4}-\d{6}\s*$")]
    private static partial Regex ReceiptPattern();
}
