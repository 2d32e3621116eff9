using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

/// <summary>The credit lists' rules, cause by cause (社会组织信用信息管理办法, 民政部令第60号).</summary>
public sealed class CreditListRulesTests
{
    private static readonly DateOnly Entered = new(2026, 6, 1);

    private readonly CreditListRules _rules = new();

    private static CreditListEntry Entry(EntryCause cause, DateOnly enteredOn, DateOnly? verifiedOn = null) =>
        new() { Cause = cause, List = CreditListEntry.ListOf(cause), EnteredOn = enteredOn, FulfilmentVerifiedOn = verifiedOn };

    public static TheoryData<EntryCause> AbnormalWithObligation => new()
    {
        EntryCause.LateAnnualReport, EntryCause.NoPartyOrganization, EntryCause.UnfinishedRectification,
        EntryCause.PublicFundraisingBreach, EntryCause.Unreachable, EntryCause.OtherAbnormal,
    };

    public static TheoryData<EntryCause> SeriousExceptRevoked => new()
    {
        EntryCause.ProlongedAbnormal, EntryCause.ChangeRegistrationRevoked, EntryCause.SeriousPenalty, EntryCause.LargeFine,
        EntryCause.RepeatedPenalties, EntryCause.DishonestJudgmentDebtor, EntryCause.OtherSerious,
    };

    // 第十条 (一)–(七) and 第十四条 (一)–(八): every statutory cause is data, on its list, under its article.
    [Theory]
    [InlineData(EntryCause.LateAnnualReport, CreditList.Abnormal, "第十条(一)", true)]
    [InlineData(EntryCause.NoPartyOrganization, CreditList.Abnormal, "第十条(二)", true)]
    [InlineData(EntryCause.UnfinishedRectification, CreditList.Abnormal, "第十条(三)", true)]
    [InlineData(EntryCause.PublicFundraisingBreach, CreditList.Abnormal, "第十条(四)", true)]
    [InlineData(EntryCause.WarningOrSmallFine, CreditList.Abnormal, "第十条(五)", false)]
    [InlineData(EntryCause.Unreachable, CreditList.Abnormal, "第十条(六)", true)]
    [InlineData(EntryCause.OtherAbnormal, CreditList.Abnormal, "第十条(七)", true)]
    [InlineData(EntryCause.ProlongedAbnormal, CreditList.Serious, "第十四条(一)", true)]
    [InlineData(EntryCause.ChangeRegistrationRevoked, CreditList.Serious, "第十四条(二)", false)]
    [InlineData(EntryCause.SeriousPenalty, CreditList.Serious, "第十四条(三)", false)]
    [InlineData(EntryCause.LargeFine, CreditList.Serious, "第十四条(四)", false)]
    [InlineData(EntryCause.RepeatedPenalties, CreditList.Serious, "第十四条(五)", false)]
    [InlineData(EntryCause.DishonestJudgmentDebtor, CreditList.Serious, "第十四条(六)", true)]
    [InlineData(EntryCause.RegistrationRevoked, CreditList.Serious, "第十四条(七)", false)]
    [InlineData(EntryCause.OtherSerious, CreditList.Serious, "第十四条(八)", true)]
    public void Causes_EachStatutoryCause_HasItsListArticleAndObligation_Art10Art14(EntryCause cause, CreditList list, string article, bool obligation)
    {
        var definition = CreditListCauses.Of(cause);
        (definition.List, definition.Article, definition.HasObligation).ShouldBe((list, article, obligation));
        CreditListEntry.ListOf(cause).ShouldBe(list);
    }

    [Fact]
    public void Causes_EveryEnumValue_IsDefinedOnce() =>
        CreditListCauses.All.Select(c => c.Cause).OrderBy(c => c).ShouldBe(Enum.GetValues<EntryCause>().OrderBy(c => c));

    [Fact]
    public void Causes_MovedUpAndRevoked_AreEnteredOnlyByTheSystem() =>
        CreditListCauses.All.Where(c => c.SystemOnly).Select(c => c.Cause).ShouldBe([EntryCause.ProlongedAbnormal, EntryCause.RegistrationRevoked], ignoreOrder: true);

    // 第十三条: only an entry with nothing to fulfil ends by itself after 6 months.
    [Fact]
    public void Expires_WarningOrSmallFine_Yes_Art13() => _rules.Expires(Entry(EntryCause.WarningOrSmallFine, Entered)).ShouldBeTrue();

    [Theory]
    [MemberData(nameof(AbnormalWithObligation))]
    public void Expires_CauseWithAnObligation_Never_Art13(EntryCause cause) => _rules.Expires(Entry(cause, Entered)).ShouldBeFalse();

    [Fact]
    public void Expires_LateReportConfiguredToExpire_StillNever_Art13()
    {
        var rules = new CreditListRules { ExpiringCauses = [EntryCause.LateAnnualReport, EntryCause.WarningOrSmallFine] };
        rules.Expires(Entry(EntryCause.LateAnnualReport, Entered)).ShouldBeFalse();
    }

    [Fact]
    public void Expires_WarningNotConfigured_No() =>
        new CreditListRules { ExpiringCauses = [] }.Expires(Entry(EntryCause.WarningOrSmallFine, Entered)).ShouldBeFalse();

    [Theory]
    [MemberData(nameof(SeriousExceptRevoked))]
    public void Expires_SeriousCause_Never_Art16(EntryCause cause) =>
        new CreditListRules { ExpiringCauses = [.. Enum.GetValues<EntryCause>()] }.Expires(Entry(cause, Entered)).ShouldBeFalse();

    [Fact]
    public void ExpiresOn_SixMonthsAfterEntry_Art13() =>
        _rules.ExpiresOn(Entry(EntryCause.WarningOrSmallFine, Entered)).ShouldBe(new DateOnly(2026, 12, 1));

    [Fact]
    public void ExpiresOn_EnteredOnTheLastDayOfAugust_EndsOnTheLastDayOfFebruary() =>
        _rules.ExpiresOn(Entry(EntryCause.WarningOrSmallFine, new DateOnly(2025, 8, 31))).ShouldBe(new DateOnly(2026, 2, 28));

    // 第十四条(一): two years on the abnormal list without fulfilling moves an organization up; a day less does not.
    [Theory]
    [MemberData(nameof(AbnormalWithObligation))]
    public void MovesToSerious_TwoYearsUnfulfilled_Yes_Art14(EntryCause cause) =>
        _rules.MovesToSerious(Entry(cause, Entered), Entered.AddYears(2)).ShouldBeTrue();

    [Theory]
    [MemberData(nameof(AbnormalWithObligation))]
    public void MovesToSerious_OneDayBeforeTwoYears_No_Art14(EntryCause cause) =>
        _rules.MovesToSerious(Entry(cause, Entered), Entered.AddYears(2).AddDays(-1)).ShouldBeFalse();

    [Theory]
    [MemberData(nameof(AbnormalWithObligation))]
    public void MovesToSerious_ObligationVerified_No_Art13(EntryCause cause) =>
        _rules.MovesToSerious(Entry(cause, Entered, verifiedOn: Entered.AddYears(2).AddDays(-1)), Entered.AddYears(2)).ShouldBeFalse();

    [Fact]
    public void MovesToSerious_ExpiringCause_No() =>
        _rules.MovesToSerious(Entry(EntryCause.WarningOrSmallFine, Entered), Entered.AddYears(2)).ShouldBeFalse();

    [Fact]
    public void MovesToSerious_SeriousEntry_No() =>
        _rules.MovesToSerious(Entry(EntryCause.LargeFine, Entered), Entered.AddYears(3)).ShouldBeFalse();

    [Fact]
    public void MovesToSerious_EndedEntry_No()
    {
        var entry = Entry(EntryCause.Unreachable, Entered);
        entry.ExitedOn = Entered.AddMonths(1);
        _rules.MovesToSerious(entry, Entered.AddYears(2)).ShouldBeFalse();
    }

    [Fact]
    public void SeriousFrom_Entered29February_MovesOn28February() =>
        _rules.SeriousFrom(Entry(EntryCause.Unreachable, new DateOnly(2028, 2, 29))).ShouldBe(new DateOnly(2030, 2, 28));

    // 第十三条: an abnormal entry with an obligation leaves once it is fulfilled (the officer's decision verifies it).
    [Theory]
    [MemberData(nameof(AbnormalWithObligation))]
    public void RefusesExit_AbnormalWithObligationRectified_Allowed_Art13(EntryCause cause) =>
        _rules.RefusesExit(Entry(cause, Entered), ExitCause.Rectified, Entered.AddDays(1), Entered).ShouldBeNull();

    [Fact]
    public void RefusesExit_WarningRectified_NothingToFulfil_Art13() =>
        _rules.RefusesExit(Entry(EntryCause.WarningOrSmallFine, Entered), ExitCause.Rectified, Entered.AddDays(1), Entered).ShouldBe("Insp.Error.NothingToFulfil");

    [Fact]
    public void RefusesExit_AbnormalCleanTwoYears_NotForThisList() =>
        _rules.RefusesExit(Entry(EntryCause.Unreachable, Entered), ExitCause.CleanTwoYears, Entered.AddYears(3), Entered).ShouldBe("Insp.Error.ExitCauseNotForList");

    // 第十六条: the serious list ends on application two years after the latest listing, a revoked registration only on deregistration.
    [Theory]
    [MemberData(nameof(SeriousExceptRevoked))]
    public void RefusesExit_SeriousOnTheDayTwoYearsAfter_Allowed_Art16(EntryCause cause) =>
        _rules.RefusesExit(Entry(cause, Entered), ExitCause.CleanTwoYears, Entered.AddYears(2), Entered).ShouldBeNull();

    [Theory]
    [MemberData(nameof(SeriousExceptRevoked))]
    public void RefusesExit_SeriousOneDayBeforeTwoYears_TooEarly_Art16(EntryCause cause) =>
        _rules.RefusesExit(Entry(cause, Entered), ExitCause.CleanTwoYears, Entered.AddYears(2).AddDays(-1), Entered).ShouldBe("Insp.Error.SeriousTooEarly");

    [Fact]
    public void RefusesExit_SeriousListedAgainLater_CountsFromTheLatestListing_Art15() =>
        _rules.RefusesExit(Entry(EntryCause.LargeFine, Entered), ExitCause.CleanTwoYears, Entered.AddYears(2), Entered.AddMonths(6)).ShouldBe("Insp.Error.SeriousTooEarly");

    [Fact]
    public void RefusesExit_SeriousRectified_NotForThisList() =>
        _rules.RefusesExit(Entry(EntryCause.LargeFine, Entered), ExitCause.Rectified, Entered.AddYears(3), Entered).ShouldBe("Insp.Error.ExitCauseNotForList");

    [Fact]
    public void RefusesExit_RevokedRegistrationAfterManyYears_OnlyOnDeregistration_Art16() =>
        _rules.RefusesExit(Entry(EntryCause.RegistrationRevoked, Entered), ExitCause.CleanTwoYears, Entered.AddYears(5), Entered).ShouldBe("Insp.Error.RevokedLeavesOnDeregistration");

    [Theory]
    [InlineData(EntryCause.WarningOrSmallFine)]
    [InlineData(EntryCause.LateAnnualReport)]
    [InlineData(EntryCause.RegistrationRevoked)]
    [InlineData(EntryCause.LargeFine)]
    public void RefusesExit_ListedInError_AlwaysAllowed(EntryCause cause) =>
        _rules.RefusesExit(Entry(cause, Entered), ExitCause.Corrected, Entered, Entered).ShouldBeNull();

    [Fact]
    public void CleanOn_TwoYearsAfterEntry_Art16() =>
        _rules.CleanOn(Entry(EntryCause.SeriousPenalty, new DateOnly(2026, 3, 2)), new DateOnly(2026, 3, 2)).ShouldBe(new DateOnly(2028, 3, 2));
}
