using Registry.Core.Forms;
using Registry.Inspections.Domain;

namespace Registry.Inspections.Tests.Domain;

public sealed class ReportValidatorTests
{
    private static readonly string[] AllDocuments = [ReportDocuments.FinancialStatements, ReportDocuments.AuditReport];

    /// <summary>Start ¥10,000.00 + income ¥5,000.00 − expenditure ¥3,000.00 = end ¥12,000.00.</summary>
    private static ReportContent Balanced() => new()
    {
        WorkSummary = "开展为老服务活动12场。",
        NextYearPlan = "继续开展助餐服务。",
        IncomeDonationsFen = 300_000,
        IncomeServicesFen = 200_000,
        ExpenseProgrammeFen = 250_000,
        ExpenseAdministrativeFen = 50_000,
        NetAssetsStartFen = 1_000_000,
        NetAssetsEndFen = 1_200_000,
    };

    private static IReadOnlyList<FormError> Validate(ReportContent content, bool simplified = false, string[]? documents = null, string typeCode = "SocialGroup") =>
        ReportValidator.Validate(content, ReportDocuments.AuditRequired(simplified, typeCode), documents ?? AllDocuments);

    [Fact]
    public void Validate_BalancedWithDocuments_HasNoErrors() => Validate(Balanced()).ShouldBeEmpty();

    [Fact]
    public void Validate_EndDiffersFromIdentity_ReportsEveryTermAndBothEnds()
    {
        var content = Balanced();
        content.NetAssetsEndFen = 1_150_000;

        var error = Validate(content).ShouldHaveSingleItem();

        error.Field.ShouldBe(nameof(ReportContent.NetAssetsEndFen));
        error.Key.ShouldBe("Insp.Error.NetAssetIdentity");
        error.Args.ShouldBe(["¥10,000.00", "¥5,000.00", "¥3,000.00", "¥0.00", "¥12,000.00", "¥11,500.00"]);
    }

    [Fact]
    public void Validate_ExplainedAdjustmentClosesTheGap_HasNoErrors()
    {
        var content = Balanced();
        content.NetAssetsEndFen = 1_150_000;
        content.AdjustmentFen = -50_000;
        content.AdjustmentExplanation = "以前年度损益调整。";

        Validate(content).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_AdjustmentWithoutExplanation_IsRefused()
    {
        var content = Balanced();
        content.NetAssetsEndFen = 1_150_000;
        content.AdjustmentFen = -50_000;

        Validate(content).ShouldHaveSingleItem().Key.ShouldBe("Insp.Error.AdjustmentUnexplained");
    }

    [Fact]
    public void Validate_NegativeAmount_IsRefusedOnThatField()
    {
        var content = Balanced();
        content.ExpenseOtherFen = -1;
        content.NetAssetsEndFen = ReportValidator.ExpectedNetAssetsEnd(content);

        var error = Validate(content).ShouldHaveSingleItem();

        error.Field.ShouldBe(nameof(ReportContent.ExpenseOtherFen));
        error.Key.ShouldBe("Insp.Error.Negative");
    }

    [Fact]
    public void Validate_NoFinancialStatements_IsRefused() =>
        Validate(Balanced(), documents: [ReportDocuments.AuditReport]).ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(e => e.Key.ShouldBe("Insp.Error.DocumentMissing"), e => e.Args.ShouldBe(["Insp.Doc.FinancialStatements"]));

    [Fact]
    public void Validate_FullFormWithoutAuditReport_IsRefused() =>
        Validate(Balanced(), documents: [ReportDocuments.FinancialStatements]).ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(e => e.Key.ShouldBe("Insp.Error.DocumentMissing"), e => e.Args.ShouldBe(["Insp.Doc.AuditReport"]));

    [Fact]
    public void Validate_SimplifiedFormWithoutAuditReport_HasNoErrors() =>
        Validate(Balanced(), simplified: true, documents: [ReportDocuments.FinancialStatements]).ShouldBeEmpty();

    /// <summary>基金会管理条例 第三十六条: a foundation's annual report always includes the CPA audit report, simplified form or not.</summary>
    [Fact]
    public void Validate_SimplifiedFoundationWithoutAuditReport_IsRefused_Art36() =>
        Validate(Balanced(), simplified: true, documents: [ReportDocuments.FinancialStatements], typeCode: "Foundation").ShouldHaveSingleItem()
            .ShouldSatisfyAllConditions(e => e.Key.ShouldBe("Insp.Error.DocumentMissing"), e => e.Args.ShouldBe(["Insp.Doc.AuditReport"]));

    [Fact]
    public void Validate_SimplifiedFoundationWithAuditReport_HasNoErrors_Art36() =>
        Validate(Balanced(), simplified: true, typeCode: "Foundation").ShouldBeEmpty();

    [Theory]
    [InlineData("Foundation", true, true)]
    [InlineData("Foundation", false, true)]
    [InlineData("SocialGroup", true, false)]
    [InlineData("PrivateNonEnterprise", true, false)]
    [InlineData("SocialGroup", false, true)]
    public void AuditRequired_ByTypeAndForm_OnlySimplifiedNonFoundationsAreSpared_Art36(string typeCode, bool simplified, bool required) =>
        ReportDocuments.AuditRequired(simplified, typeCode).ShouldBe(required);

    [Fact]
    public void Validate_SimplifiedFormWithoutFinancialStatements_IsRefused() =>
        Validate(Balanced(), simplified: true, documents: []).ShouldHaveSingleItem().Args.ShouldBe(["Insp.Doc.FinancialStatements"]);

    [Fact]
    public void Validate_BlankWorkSummaryAndPlan_AreRequired() =>
        Validate(new ReportContent()).Where(e => e.Key == "Validation.Required").Select(e => e.Field)
            .ShouldBe([nameof(ReportContent.WorkSummary), nameof(ReportContent.NextYearPlan)]);

    [Fact]
    public void Warnings_AdminShareAboveThreshold_WarnsWithTheShare()
    {
        // Administrative ¥1,000.00 of ¥3,000.00 expenditure: 33.3 %.
        var content = Balanced();
        content.ExpenseProgrammeFen = 200_000;
        content.ExpenseAdministrativeFen = 100_000;

        var warning = ReportValidator.Warnings(content, adminCostWarningPercent: 20).ShouldHaveSingleItem();

        warning.Key.ShouldBe("Insp.Warning.AdminShare");
        warning.Args.ShouldBe(["33.3", 20]);
    }

    [Fact]
    public void Validate_AdminShareAboveThreshold_IsNotAnError()
    {
        var content = Balanced();
        content.ExpenseProgrammeFen = 200_000;
        content.ExpenseAdministrativeFen = 100_000;

        Validate(content).ShouldBeEmpty();
    }

    [Fact]
    public void Warnings_AdminShareAtThreshold_NoWarning()
    {
        // ¥500.00 of ¥2,500.00 is exactly 20 %: only a share above the threshold warns.
        var content = Balanced();
        content.ExpenseProgrammeFen = 200_000;

        ReportValidator.Warnings(content, adminCostWarningPercent: 20).ShouldBeEmpty();
    }
}
