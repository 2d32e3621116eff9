using Microsoft.Playwright;
using Registry.Browser.Tests.Infrastructure;
using Registry.Browser.Tests.Pages;
using Registry.Testing;
using UglyToad.PdfPig;

namespace Registry.Browser.Tests.Journeys;

/// <summary>
/// The request-to-reply journey of issue #18: an anonymous visitor files a request for disclosure with contact details and
/// keeps the receipt number and secret; the disclosure officer answers it (非本机关, naming the agency); the visitor looks
/// the request up, reads the written reply and downloads its PDF (read back here: the 答复书 with the request's number).
/// </summary>
[Collection(BrowserJourneys.Name)]
public sealed class DisclosureJourneyTests(BrowserFixture fixture)
{
    private const string Journey = nameof(Disclosure_VisitorRequestsOfficerRepliesVisitorReadsAndDownloadsThePdf);

    [Fact]
    public async Task Disclosure_VisitorRequestsOfficerRepliesVisitorReadsAndDownloadsThePdf()
    {
        await using var visitor = await fixture.OpenSessionAsync();
        await using var officer = await fixture.OpenSessionAsync();
        var description = $"2025年度海曙区社会组织年检结果汇总表（{Guid.NewGuid().ToString("N")[..6]}）";

        // 1. The visitor files the request with contact details and is shown the receipt number and the secret.
        var form = await DisclosureRequestPage.OpenAsync(visitor.Page);
        await form.FileAsync("浏览器申请人", $"journey-{Guid.NewGuid():N}@example.com", description);
        await Assertions.Expect(form.Receipt).ToContainTextAsync("申请编号 YSQ-");
        var receipt = System.Text.RegularExpressions.Regex.Match(await form.Receipt.InnerTextAsync(), @"YSQ-\d{4}-\d{6}").Value;
        var secret = (await form.Secret.InnerTextAsync()).Trim();
        secret.Length.ShouldBe(16);
        await Screenshots.SaveAsync(visitor.Page, "01-request-filed", Journey);

        // 2. The disclosure officer opens it from the list and answers: not this agency's information, naming the agency.
        var login = await LoginPage.OpenAsync(officer.Page, returnUrl: "/Disclosure/Admin/Requests");
        await login.SubmitAsync(TestAccounts.DisclosureOfficer.Email, TestAccounts.DisclosureOfficer.Password);
        var request = await DisclosureAdminRequestPage.OpenFromListAsync(officer.Page, receipt);
        await Screenshots.SaveAsync(officer.Page, "02-officer-request", Journey);
        await request.AnswerAsync("NotThisAgency", "宁波市海曙区市场监督管理局");
        await Assertions.Expect(request.State).ToHaveTextAsync("已答复");
        await Screenshots.SaveAsync(officer.Page, "03-officer-answered", Journey);

        // 3. The visitor looks the request up with the receipt number and secret and reads the reply; the PDF is offered
        //    once the documents module has issued it (looked up again until then).
        var follow = await DisclosureFollowPage.OpenAsync(visitor.Page);
        await Eventually.ResultAsync(async () =>
        {
            await follow.LookUpAsync(receipt, secret);
            return await follow.Pdf.IsVisibleAsync() ? "issued" : null;
        }, "the formal reply is issued from the answer's event");
        await Assertions.Expect(follow.State).ToHaveTextAsync("已答复");
        await Assertions.Expect(follow.Reply).ToContainTextAsync("宁波市海曙区市场监督管理局");
        await Screenshots.SaveAsync(visitor.Page, "04-visitor-reads-reply", Journey);

        // 4. The PDF: the formal reply with its own number and the request's.
        var (fileName, content) = await follow.DownloadPdfAsync();
        fileName.ShouldBe($"{receipt}.pdf");
        using (var pdf = PdfDocument.Open(content))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
            text.ShouldContain("政府信息公开申请答复书");
            text.ShouldContain(receipt);
            text.ShouldContain("浏览器申请人");
            text.ShouldContain("宁波市海曙区市场监督管理局");
        }

        visitor.Problems.ShouldBeEmpty();
        officer.Problems.ShouldBeEmpty();
    }
}
