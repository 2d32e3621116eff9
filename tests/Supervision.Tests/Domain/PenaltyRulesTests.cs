using Registry.Supervision.Domain;

namespace Registry.Supervision.Tests.Domain;

/// <summary>Credit-list effects of penalty decisions (民政部令第60号 第十条(五), 第十四条(三)(四)(五)(七)) and hearing rules (行政处罚法).</summary>
public sealed class PenaltyRulesTests
{
    private static readonly DateOnly Decided = new(2026, 6, 15);

    [Fact]
    public void EffectsOf_Art10_5_WarningAlone_AbnormalList() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { Warning = true }, Decided, []).ShouldBe([CreditEffect.WarningOrSmallFine]);

    [Fact]
    public void EffectsOf_Art10_5_FineJustBelow50000Yuan_AbnormalList() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { FineFen = 4_999_999 }, Decided, []).ShouldBe([CreditEffect.WarningOrSmallFine]);

    [Fact]
    public void EffectsOf_Art14_4_FineOf50000Yuan_SeriousList() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { FineFen = 5_000_000 }, Decided, []).ShouldBe([CreditEffect.LargeFine]);

    [Fact]
    public void EffectsOf_Art14_3_SuspensionOfActivities_SeriousList() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { SuspensionMonths = 3 }, Decided, []).ShouldBe([CreditEffect.SeriousPenalty]);

    [Fact]
    public void EffectsOf_Art14_7_Revocation_RegisterRevoked() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { RevokeRegistration = true }, Decided, []).ShouldBe([CreditEffect.RegistrationRevoked]);

    [Fact]
    public void EffectsOf_ConfiscationAlone_NoListing() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { ConfiscatedIncomeFen = 100_000 }, Decided, []).ShouldBeEmpty();

    [Fact]
    public void EffectsOf_WarningWithSmallFine_OneAbnormalEffect() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { Warning = true, FineFen = 100_000 }, Decided, []).ShouldBe([CreditEffect.WarningOrSmallFine]);

    [Fact]
    public void EffectsOf_Art14_5_SecondPenaltyOnTheThirdAnniversary_SeriousList()
    {
        // 民法典 第二百零二条: a period in years ends on the corresponding day, so the anniversary is still within three years.
        var first = Decided.AddYears(-3);

        PenaltyRules.EffectsOf(new PenaltyMeasures { Warning = true }, Decided, [first]).ShouldBe([CreditEffect.RepeatedPenalties]);
    }

    [Fact]
    public void EffectsOf_Art14_5_SecondPenaltyTheDayAfterTheThirdAnniversary_AbnormalListOnly()
    {
        var first = Decided.AddYears(-3).AddDays(-1);

        PenaltyRules.EffectsOf(new PenaltyMeasures { Warning = true }, Decided, [first]).ShouldBe([CreditEffect.WarningOrSmallFine]);
    }

    [Fact]
    public void EffectsOf_Art14_5_LargeFineAlsoRepeated_BothSeriousCauses() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { FineFen = 6_000_000 }, Decided, [Decided.AddMonths(-5)]).ShouldBe([CreditEffect.LargeFine, CreditEffect.RepeatedPenalties]);

    [Fact]
    public void EffectsOf_LaterDecisionOnly_NotCountedAsEarlier() =>
        PenaltyRules.EffectsOf(new PenaltyMeasures { Warning = true }, Decided, [Decided.AddDays(1)]).ShouldBe([CreditEffect.WarningOrSmallFine]);

    [Theory]
    [InlineData(999_999, false)]
    [InlineData(1_000_000, true)]
    public void QualifiesForHearing_Art63_FineAtTheConfiguredLargeAmount_Qualifies(long fen, bool qualifies) =>
        PenaltyRules.QualifiesForHearing(new PenaltyMeasures { FineFen = fen }, new CaseOptions()).ShouldBe(qualifies);

    [Fact]
    public void QualifiesForHearing_Art63_WarningNever_SuspensionAndRevocationAlways()
    {
        var options = new CaseOptions();

        PenaltyRules.QualifiesForHearing(new PenaltyMeasures { Warning = true }, options).ShouldBeFalse();
        PenaltyRules.QualifiesForHearing(new PenaltyMeasures { SuspensionMonths = 1 }, options).ShouldBeTrue();
        PenaltyRules.QualifiesForHearing(new PenaltyMeasures { RevokeRegistration = true }, options).ShouldBeTrue();
        PenaltyRules.QualifiesForHearing(new PenaltyMeasures { ConfiscatedPropertyFen = 1_000_000 }, options).ShouldBeTrue();
    }

    [Fact]
    public void IsHeavier_Art45_HigherFineThanNotice_Heavier()
    {
        var proposed = new PenaltyMeasures { Warning = true, FineFen = 300_000 };

        PenaltyRules.IsHeavier(new PenaltyMeasures { FineFen = 300_001 }, proposed).ShouldBeTrue();
        PenaltyRules.IsHeavier(new PenaltyMeasures { Warning = true, FineFen = 300_000 }, proposed).ShouldBeFalse();
        PenaltyRules.IsHeavier(new PenaltyMeasures { Warning = true }, proposed).ShouldBeFalse();
        PenaltyRules.IsHeavier(new PenaltyMeasures { SuspensionMonths = 1 }, proposed).ShouldBeTrue();
    }

    [Fact]
    public void Problems_NoMeasureOrNegativeAmount_Refused()
    {
        PenaltyRules.Problems(new PenaltyMeasures(), 100).ShouldContain("Sup.Error.NoMeasure");
        PenaltyRules.Problems(new PenaltyMeasures { FineFen = -1, Warning = true }, 100).ShouldContain("Sup.Error.AmountOutOfRange");
        PenaltyRules.Problems(new PenaltyMeasures { FineFen = 101 }, 100).ShouldContain("Sup.Error.AmountOutOfRange");
        PenaltyRules.Problems(new PenaltyMeasures { FineFen = 100 }, 100).ShouldBeEmpty();
    }
}
