using System.Security.Claims;
using Registry.Core.Review;
using Registry.Core.Security;

namespace Registry.Core.Tests.Review;

/// <summary>Issue 19, internal sign-off (承办 → 审核 → 批准): chains of 1–3 steps, opinions, separation of duties.</summary>
public sealed class SignOffRulesTests
{
    private static readonly SignOffChain Three = SignOffChain.OfLength(3);

    private static SignOffEntry Entry(SignOffStep step, string userId, bool superseded = false) =>
        new() { Step = step, UserId = userId, UserName = userId, Opinion = "同意", Superseded = superseded };

    [Theory]
    [InlineData(1, new[] { SignOffStep.Approve })]
    [InlineData(2, new[] { SignOffStep.Handle, SignOffStep.Approve })]
    [InlineData(3, new[] { SignOffStep.Handle, SignOffStep.Check, SignOffStep.Approve })]
    public void OfLength_OneToThree_StepsInOrderEndingWithApproval(int length, SignOffStep[] expected)
    {
        SignOffChain.OfLength(length).Steps.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void OfLength_OutsideOneToThree_Throws(int length)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SignOffChain.OfLength(length));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("3", 3)]
    [InlineData("0", null)]
    [InlineData("4", null)]
    [InlineData("-1", null)]
    [InlineData(" 2", null)]
    [InlineData("two", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Parse_StoredSetting_OnlyOneToThreeDigits(string? text, int? expected)
    {
        (SignOffChain.Parse(text)?.Length).ShouldBe(expected);
    }

    [Fact]
    public void Waiting_SupersededEntriesDoNotCount_TheChainRestarts()
    {
        Three.Waiting([Entry(SignOffStep.Handle, "a", superseded: true), Entry(SignOffStep.Check, "b", superseded: true)]).ShouldBe(SignOffStep.Handle);
        Three.Waiting([Entry(SignOffStep.Handle, "a")]).ShouldBe(SignOffStep.Check);
        Three.Waiting([Entry(SignOffStep.Handle, "a"), Entry(SignOffStep.Check, "b"), Entry(SignOffStep.Approve, "c")]).ShouldBeNull();
    }

    [Fact]
    public void Check_FirstStepByAnyone_IsAllowed()
    {
        SignOffRules.Check(Three, [], SignOffStep.Handle, "a", "拟准予登记").ShouldBeNull();
    }

    [Fact]
    public void Check_StepNotWaiting_IsRefusedNamingTheWaitingStep()
    {
        var error = SignOffRules.Check(Three, [], SignOffStep.Check, "a", "同意").ShouldNotBeNull();

        error.Key.ShouldBe("Core.SignOff.NotWaiting");
        error.Args.ShouldBe(["Core.SignOff.Step.Check", "Core.SignOff.Step.Handle"]);
    }

    [Fact]
    public void Check_SamePersonAtTheNextStep_IsRefused()
    {
        var error = SignOffRules.Check(Three, [Entry(SignOffStep.Handle, "a")], SignOffStep.Check, "a", "同意").ShouldNotBeNull();

        error.Key.ShouldBe("Core.SignOff.SamePerson");
    }

    [Fact]
    public void Check_SamePersonAtApprovalAfterChecking_IsRefused()
    {
        SignOffRules.Check(Three, [Entry(SignOffStep.Handle, "a"), Entry(SignOffStep.Check, "b")], SignOffStep.Approve, "b", "批准")!.Key.ShouldBe("Core.SignOff.SamePerson");
    }

    [Fact]
    public void Check_AnotherPersonAtEachStep_IsAllowed()
    {
        SignOffRules.Check(Three, [Entry(SignOffStep.Handle, "a")], SignOffStep.Check, "b", "同意").ShouldBeNull();
        SignOffRules.Check(Three, [Entry(SignOffStep.Handle, "a"), Entry(SignOffStep.Check, "b")], SignOffStep.Approve, "c", null).ShouldBeNull();
    }

    [Fact]
    public void Check_SameStepAgainAfterARestart_IsAllowedButNotAnotherStep()
    {
        // Whoever handled the case before it was returned handles it again; a superseded step still binds its taker.
        IReadOnlyCollection<SignOffEntry> restarted = [Entry(SignOffStep.Handle, "a", superseded: true), Entry(SignOffStep.Check, "b", superseded: true)];

        SignOffRules.Check(Three, restarted, SignOffStep.Handle, "a", "拟准予").ShouldBeNull();
        SignOffRules.Check(Three, restarted, SignOffStep.Handle, "b", "拟准予")!.Key.ShouldBe("Core.SignOff.SamePerson");
    }

    [Fact]
    public void Check_SystemActorWithoutUserId_IsNotBoundBySeparation()
    {
        SignOffRules.Check(Three, [Entry(SignOffStep.Handle, "")], SignOffStep.Check, "", "同意").ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NoOpinionBeforeTheFinalStep_IsRefused(string? opinion)
    {
        SignOffRules.Check(Three, [], SignOffStep.Handle, "a", opinion)!.Key.ShouldBe("Core.SignOff.OpinionRequired");
    }

    [Fact]
    public void Check_NoOpinionAtTheFinalStep_IsAllowedTheDecisionIsTheOpinion()
    {
        SignOffRules.Check(SignOffChain.OfLength(1), [], SignOffStep.Approve, "a", null).ShouldBeNull();
    }

    [Fact]
    public void Check_OpinionAtTheLimit_IsAllowedOneMoreIsRefused()
    {
        SignOffRules.Check(Three, [], SignOffStep.Handle, "a", new string('意', SignOffRules.MaxOpinionLength)).ShouldBeNull();
        SignOffRules.Check(Three, [], SignOffStep.Handle, "a", new string('意', SignOffRules.MaxOpinionLength + 1))!.Key.ShouldBe("Core.SignOff.OpinionTooLong");
    }

    [Fact]
    public void Check_CompleteChain_IsRefused()
    {
        SignOffRules.Check(SignOffChain.OfLength(1), [Entry(SignOffStep.Approve, "a")], SignOffStep.Approve, "b", "再批")!.Key.ShouldBe("Core.SignOff.Complete");
    }

    [Theory]
    [InlineData(new[] { RegistryRoles.Leadership }, true)]
    [InlineData(new[] { RegistryRoles.Leadership, RegistryRoles.Officer }, false)]
    [InlineData(new[] { RegistryRoles.Officer }, false)]
    [InlineData(new string[0], false)]
    public void IsReadOnly_OnlyReadOnlyRoles_IsReadOnly(string[] roles, bool expected)
    {
        var identity = new ClaimsIdentity([.. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test");

        ReadOnlyRoles.IsReadOnly(new ClaimsPrincipal(identity)).ShouldBe(expected);
    }
}
