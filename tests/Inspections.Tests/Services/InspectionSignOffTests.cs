using Registry.Core.Review;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Tests.Services;

/// <summary>
/// The order of the internal sign-off on an inspection result and on a credit-list decision (承办 → 审核 → 批准): by default
/// the deciding officer alone, as before; a longer chain refuses the decision (批准) until the earlier steps are signed, by
/// other people.
/// </summary>
public sealed class InspectionSignOffTests
{
    private static SignOffEntry Signed(SignOffStep step, string userId) => new() { Step = step, UserId = userId, Opinion = "同意" };

    [Fact]
    public void DefaultChains_AreTheDecidingOfficerAlone()
    {
        ReportService.DefaultSignOffSteps.ShouldBe(1);
        CreditListService.DefaultSignOffSteps.ShouldBe(1);
        var chain = SignOffChain.OfLength(ReportService.DefaultSignOffSteps);
        chain.Waiting([]).ShouldBe(SignOffStep.Approve);
        SignOffRules.Check(chain, [], SignOffStep.Approve, "officer", "合格").ShouldBeNull();
    }

    [Fact]
    public void TwoSteps_DecisionRefusedUntilHandled_ThenByAnotherPerson()
    {
        var chain = SignOffChain.OfLength(2);
        SignOffRules.Check(chain, [], SignOffStep.Approve, "officer", "合格")!.Key.ShouldBe("Core.SignOff.NotWaiting");
        SignOffRules.Check(chain, [], SignOffStep.Handle, "officer", " ")!.Key.ShouldBe("Core.SignOff.OpinionRequired");
        SignOffRules.Check(chain, [], SignOffStep.Handle, "officer", "拟评为合格").ShouldBeNull();

        var handled = new[] { Signed(SignOffStep.Handle, "officer") };
        chain.Waiting(handled).ShouldBe(SignOffStep.Approve);
        SignOffRules.Check(chain, handled, SignOffStep.Handle, "officer2", "再拟")!.Key.ShouldBe("Core.SignOff.NotWaiting");
        SignOffRules.Check(chain, handled, SignOffStep.Approve, "officer", "合格")!.Key.ShouldBe("Core.SignOff.SamePerson");
        SignOffRules.Check(chain, handled, SignOffStep.Approve, "officer2", "合格").ShouldBeNull();
    }

    [Fact]
    public void ReturnedCase_StepsSuperseded_ChainStartsAgain_ButTheirTakersStayBound()
    {
        var chain = SignOffChain.OfLength(2);
        var entries = new[] { new SignOffEntry { Step = SignOffStep.Handle, UserId = "officer", Opinion = "拟合格", Superseded = true } };

        chain.Waiting(entries).ShouldBe(SignOffStep.Handle);
        SignOffRules.Check(chain, entries, SignOffStep.Handle, "officer2", "拟基本合格").ShouldBeNull();
    }

    [Fact]
    public void ListingCases_AreOnePerListingOfAnOrganizationForACause()
    {
        CreditListService.ListingCase(12, EntryCause.Unreachable, 1).ShouldBe("12:Unreachable:1");
        CreditListService.ListingCase(12, EntryCause.Unreachable, 2).ShouldNotBe(CreditListService.ListingCase(12, EntryCause.Unreachable, 1));
    }
}
