using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Tests.Domain;

public sealed class AnswerRulesTests
{
    [Fact]
    public void Check_Art36RefusalWithoutReasonOrExplanation_IsRefused()
    {
        var errors = AnswerRules.Check(AnswerType.Refused, null, null, null, 0);

        errors.ShouldBe(["Disclosure.Error.ReasonRequired", "Disclosure.Error.ExplanationRequired"]);
    }

    [Fact]
    public void Check_Art36RefusalWithLegalReason_IsAccepted() =>
        AnswerRules.Check(AnswerType.Refused, AnswerReason.ThirdPartyRights, "涉及第三方个人隐私，第三方不同意公开。", null, 0).ShouldBeEmpty();

    [Fact]
    public void Check_RefusalWithAReasonOfAnotherType_IsRefused() =>
        AnswerRules.Check(AnswerType.Refused, AnswerReason.NotHeld, "本机关不掌握", null, 0).ShouldContain("Disclosure.Error.ReasonRequired");

    [Fact]
    public void Check_Art36AlreadyPublicWithoutWhere_IsRefused() =>
        AnswerRules.Check(AnswerType.AlreadyPublic, null, null, null, 0).ShouldBe(["Disclosure.Error.WhereRequired"]);

    [Fact]
    public void Check_Art36NotThisAgencyWithoutAgency_IsRefused() =>
        AnswerRules.Check(AnswerType.NotThisAgency, null, null, " ", 0).ShouldBe(["Disclosure.Error.AgencyRequired"]);

    [Theory]
    [InlineData(AnswerType.Granted, 0, false)]
    [InlineData(AnswerType.Granted, 1, true)]
    public void Check_GrantedNeedsTheInformationAttached(AnswerType type, int attachments, bool ok) =>
        (AnswerRules.Check(type, null, null, null, attachments).Count == 0).ShouldBe(ok);

    [Fact]
    public void Check_GrantedWithAReason_IsRefused() =>
        AnswerRules.Check(AnswerType.Granted, AnswerReason.StateSecret, null, null, 1).ShouldBe(["Disclosure.Error.ReasonNotApplicable"]);

    [Theory]
    [InlineData(AnswerType.Refused, AnswerReason.StateSecret, "第十四条")]
    [InlineData(AnswerType.Unavailable, AnswerReason.WouldNeedCreating, "第三十八条")]
    [InlineData(AnswerType.PartlyGranted, null, "第三十七条")]
    public void Article_CitesTheArticleOfTheReason(AnswerType type, AnswerReason? reason, string article) =>
        AnswerRules.Article(type, reason).ShouldBe(article);
}
