using Registry.Grants.Domain;
using static Registry.Grants.Tests.TestRounds;

namespace Registry.Grants.Tests.Domain;

/// <summary>What an edit may change as the call, the applications and the review go on (<see cref="RoundRules.CheckEdit"/>).</summary>
public sealed class RoundEditRulesTests
{
    private static readonly DateTime DuringTheCall = ClosesAt.AddDays(-10);

    private static IEnumerable<(string Field, string Key)> Errors(Action<GrantRound> edit, DateTime now, bool submitted = false, bool reviewStarted = false)
    {
        var before = Haishu();
        var after = Haishu();
        edit(after);
        return RoundRules.CheckEdit(before, after, now, submitted, reviewStarted).Select(e => (e.Field, e.Key));
    }

    [Fact]
    public void CheckEdit_BeforeTheCallOpens_WindowMayMove() =>
        Errors(r => (r.OpensAt, r.ClosesAt) = (r.OpensAt.AddDays(3), r.ClosesAt.AddDays(3)), Haishu().OpensAt.AddDays(-1)).ShouldBeEmpty();

    [Fact]
    public void CheckEdit_CallOpened_OpeningInstantRefused() =>
        Errors(r => r.OpensAt = r.OpensAt.AddDays(1), DuringTheCall).ShouldBe([("OpensAt", "Grant.Error.EditOpened")]);

    [Fact]
    public void CheckEdit_CallOpened_ClosingInstantExtended() =>
        Errors(r => r.ClosesAt = r.ClosesAt.AddDays(7), DuringTheCall).ShouldBeEmpty();

    [Fact]
    public void CheckEdit_ClosingInstantMovedIntoThePast_Refused() =>
        Errors(r => r.ClosesAt = DuringTheCall.AddSeconds(-1), DuringTheCall).ShouldBe([("ClosesAt", "Grant.Error.EditClosesInPast")]);

    [Fact]
    public void CheckEdit_ClosingInstantMovedToNow_Refused() =>
        Errors(r => r.ClosesAt = DuringTheCall, DuringTheCall).ShouldBe([("ClosesAt", "Grant.Error.EditClosesInPast")]);

    [Fact]
    public void CheckEdit_CallClosedWindowUntouched_OtherSettingsSaved() =>
        Errors(r => (r.BudgetFen, r.PublicityDays) = (300_000_000, 10), ClosesAt.AddDays(1), submitted: true, reviewStarted: true).ShouldBeEmpty();

    [Fact]
    public void CheckEdit_ApplicationsSubmitted_TighterBudgetRulesRefusedOneByOne() =>
        Errors(r =>
        {
            r.ProjectCapFen--;
            r.MaxGrantShareBasisPoints = 5000;
            (r.MinMonths, r.MaxMonths) = (7, 11);
            r.Categories = [new RoundCategory("为老服务", 60_000_000), new RoundCategory("助残服务"), new RoundCategory("青少年发展")];
        }, DuringTheCall, submitted: true).Select(e => e.Field).ShouldBe(["ProjectCap", "MaxShare", "MinMonths", "MaxMonths", "Categories"]);

    [Fact]
    public void CheckEdit_ApplicationsSubmitted_LooserRulesNewCategoryAndQuotaSaved() =>
        Errors(r =>
        {
            r.ProjectCapFen++;
            r.MaxGrantShareBasisPoints = 7000;
            (r.MinMonths, r.MaxMonths) = (3, 18);
            r.Categories = [new RoundCategory("为老服务", 80_000_000), new RoundCategory("助残服务"), new RoundCategory("青少年服务"), new RoundCategory("社区治理")];
        }, DuringTheCall, submitted: true).ShouldBeEmpty();

    [Fact]
    public void CheckEdit_NothingSubmitted_TighterBudgetRulesSaved() =>
        Errors(r => (r.ProjectCapFen, r.MaxGrantShareBasisPoints) = (4_000_000, 5000), DuringTheCall).ShouldBeEmpty();

    [Fact]
    public void CheckEdit_ReviewersSeated_RubricAndBlindReviewRefused() =>
        Errors(r =>
        {
            r.Rubric = [new RubricCriterion("C1", "公益性", 40), new RubricCriterion("C2", "融合性", 10), new RubricCriterion("C3", "专业性", 30), new RubricCriterion("C4", "经济性", 20)];
            r.BlindReview = true;
        }, ClosesAt.AddDays(1), submitted: true, reviewStarted: true).ShouldBe([("Rubric", "Grant.Error.EditReviewStarted"), ("BlindReview", "Grant.Error.EditReviewStarted")]);

    [Fact]
    public void Changes_BudgetAndClosingInstant_NamedForTheAudit()
    {
        var after = Haishu();
        (after.BudgetFen, after.ClosesAt) = (1, after.ClosesAt.AddHours(1));

        RoundRules.Changes(Haishu(), after).ShouldBe(["BudgetFen", "ClosesAt"]);
    }
}
