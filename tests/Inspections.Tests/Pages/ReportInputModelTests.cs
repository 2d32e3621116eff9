using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Registry.Core.Finance;
using Registry.Inspections.Domain;
using static Registry.Inspections.Areas.Inspections.Pages.Report.EditModel;

namespace Registry.Inspections.Tests.Pages;

/// <summary>Amounts are typed in yuan and stored in fen: exact to the fen, never rounded.</summary>
public sealed class ReportInputModelTests
{
    private static readonly MoneyLimits Limits = new(Microsoft.Extensions.Options.Options.Create(new MoneyLimitOptions()));

    private readonly ModelStateDictionary _modelState = new();

    private ReportContent? ToContent(params (string Field, string? Text)[] amounts) =>
        new InputModel { Amounts = amounts.ToDictionary(a => a.Field, a => a.Text) }.ToContent(_modelState, new KeyLocalizer(), Limits);

    [Fact]
    public void ToContent_YuanWithTwoDecimals_GivesFen() =>
        ToContent((nameof(ReportContent.IncomeDonationsFen), "1234.50"))!.IncomeDonationsFen.ShouldBe(123_450);

    [Fact]
    public void ToContent_BlankAmount_IsZero() =>
        ToContent((nameof(ReportContent.ExpenseStaffFen), " "))!.ExpenseStaffFen.ShouldBe(0);

    [Fact]
    public void ToContent_ThreeDecimals_IsRefusedOnThatField()
    {
        ToContent((nameof(ReportContent.IncomeDonationsFen), "1.234")).ShouldBeNull();

        var state = _modelState[$"Input.Amounts[{nameof(ReportContent.IncomeDonationsFen)}]"].ShouldNotBeNull();
        state.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain(Money.ErrorPrecision);
    }

    [Fact]
    public void ToContent_TwentyNines_IsRefusedAsAboveTheFieldMaximum()
    {
        // Issue 26 item 7: an amount that does not even fit in 64-bit fen is a message, not an overflow.
        ToContent((nameof(ReportContent.IncomeDonationsFen), "99999999999999999999")).ShouldBeNull();

        _modelState[$"Input.Amounts[{nameof(ReportContent.IncomeDonationsFen)}]"].ShouldNotBeNull().Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain(Money.ErrorTooLarge);
    }

    [Fact]
    public void ToContent_AboveTheAnnualReportMaximum_IsRefused()
    {
        var max = Limits.MaxFor(MoneyField.AnnualReport);
        ToContent((nameof(ReportContent.IncomeDonationsFen), (max + new Money(1)).ToYuanString())).ShouldBeNull();

        _modelState[$"Input.Amounts[{nameof(ReportContent.IncomeDonationsFen)}]"].ShouldNotBeNull().Errors.ShouldHaveSingleItem().ErrorMessage.ShouldContain(Money.ErrorTooLarge);
    }

    [Fact]
    public void ToContent_AtTheAnnualReportMaximum_IsAccepted() =>
        ToContent((nameof(ReportContent.IncomeDonationsFen), Limits.MaxFor(MoneyField.AnnualReport).ToYuanString()))!.IncomeDonationsFen.ShouldBe(Limits.MaxFor(MoneyField.AnnualReport).Fen);

    [Fact]
    public void From_ThenToContent_KeepsEveryAmount()
    {
        var content = new ReportContent { IncomeGovernmentFen = 1, NetAssetsStartFen = 99_999_999_99, AdjustmentFen = -250 };
        var input = InputModel.From(content);

        var back = input.ToContent(_modelState, new KeyLocalizer(), Limits)!;

        (back.IncomeGovernmentFen, back.NetAssetsStartFen, back.AdjustmentFen).ShouldBe((1L, 99_999_999_99L, -250L));
    }

    /// <summary>Returns the key followed by its arguments, so a test can see which message was chosen.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, $"{name}({string.Join("|", arguments)})");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
