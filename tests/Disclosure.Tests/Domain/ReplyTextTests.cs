using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Tests.Domain;

public sealed class ReplyTextTests
{
    private static readonly Func<string, object[], string> Keys = (key, args) => args.Length == 0 ? key : $"{key}({string.Join(",", args)})";

    [Fact]
    public void Paragraphs_Art36Refusal_StateTheRequestTheAnswerItsReasonAndTheRemedies()
    {
        var request = new DisclosureRequest
        {
            ReceiptNumber = "YSQ-2026-000012",
            ReceivedOn = new DateOnly(2026, 3, 2),
            Description = "2025年度年检结果汇总表",
            AnswerType = AnswerType.Refused,
            AnswerReason = AnswerReason.ThirdPartyRights,
            AnswerText = "涉及第三方个人隐私。",
        };

        var paragraphs = ReplyText.Paragraphs(request, Keys);

        paragraphs[0].ShouldBe("Disclosure.Reply.Received(2026-03-02,YSQ-2026-000012)");
        paragraphs[1].ShouldBe("2025年度年检结果汇总表");
        paragraphs[2].ShouldStartWith("Disclosure.Reply.Body.Refused(Disclosure.Reply.Article(");
        paragraphs.ShouldContain("Disclosure.Reply.Reason(Disclosure.AnswerReason.ThirdPartyRights)");
        paragraphs.ShouldContain("涉及第三方个人隐私。");
        paragraphs[^1].ShouldBe("Disclosure.Reply.Remedy");
    }

    [Fact]
    public void Paragraphs_NotAnswered_Throws() =>
        Should.Throw<InvalidOperationException>(() => ReplyText.Paragraphs(new DisclosureRequest(), Keys));
}

public sealed class RequestSecretTests
{
    [Fact]
    public void Matches_TheSecretGivenTypedInLowerCase_OthersAndNoneDoNot()
    {
        var secret = RequestSecret.New();
        var request = new DisclosureRequest { SecretHash = RequestSecret.Hash(secret) };

        secret.Length.ShouldBe(16);
        request.Matches(secret).ShouldBeTrue();
        request.Matches($" {secret.ToLowerInvariant()} ").ShouldBeTrue();
        request.Matches(RequestSecret.New()).ShouldBeFalse();
        request.Matches("").ShouldBeFalse();
        new DisclosureRequest().Matches(secret).ShouldBeFalse("a request without a stored secret never opens");
    }
}
