using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Tests.Domain;

/// <summary>How requests count in the annual report's table 三 (政府信息公开条例 第五十条, national format 国办公开办函〔2021〕30号).</summary>
public sealed class AnnualReportRulesTests
{
    [Fact]
    public void RowsOf_ReceivedAndAnsweredInTheYear_IsNewAndItsResult()
    {
        var request = Answered(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 20), AnswerType.Granted);

        AnnualReportRules.RowsOf(request, 2025).ShouldBe([ReportRow.NewThisYear, ReportRow.Granted]);
        AnnualReportRules.RowsOf(request, 2024).ShouldBeEmpty();
        AnnualReportRules.RowsOf(request, 2026).ShouldBeEmpty();
    }

    [Fact]
    public void RowsOf_ReceivedOn31DecemberAnsweredInJanuary_CarriedOutThenCarriedInWithItsResultNextYear()
    {
        var request = Answered(new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 2), AnswerType.PartlyGranted, AnswerReason.ThirdPartyRights);

        AnnualReportRules.RowsOf(request, 2024).ShouldBe([ReportRow.NewThisYear, ReportRow.CarriedOut]);
        AnnualReportRules.RowsOf(request, 2025).ShouldBe([ReportRow.CarriedIn, ReportRow.PartlyGranted], "部分公开 is counted only as itself, not by its reason");
    }

    [Fact]
    public void RowsOf_StillOpen_CarriedOutOfEveryYearFromItsReceipt()
    {
        var request = Open(new DateOnly(2024, 12, 20));

        AnnualReportRules.RowsOf(request, 2024).ShouldBe([ReportRow.NewThisYear, ReportRow.CarriedOut]);
        AnnualReportRules.RowsOf(request, 2025).ShouldBe([ReportRow.CarriedIn, ReportRow.CarriedOut]);
    }

    [Theory]
    [InlineData(AnswerType.AlreadyPublic, null, ReportRow.Granted)]
    [InlineData(AnswerType.Granted, null, ReportRow.Granted)]
    [InlineData(AnswerType.NotThisAgency, null, ReportRow.UnavailableNotHeld)]
    [InlineData(AnswerType.Refused, AnswerReason.StateSecret, ReportRow.RefusedStateSecret)]
    [InlineData(AnswerType.Refused, AnswerReason.AdministrativeQuery, ReportRow.RefusedAdministrativeQuery)]
    [InlineData(AnswerType.Unavailable, AnswerReason.WouldNeedCreating, ReportRow.UnavailableWouldNeedCreating)]
    [InlineData(AnswerType.Unavailable, AnswerReason.StillUnclear, ReportRow.UnavailableStillUnclear)]
    [InlineData(AnswerType.NotProcessed, AnswerReason.Repeated, ReportRow.NotProcessedRepeated)]
    [InlineData(AnswerType.NotProcessed, AnswerReason.Confirmation, ReportRow.NotProcessedConfirmation)]
    public void ResultOf_Answer_CountsInItsNationalFormatRow(AnswerType type, AnswerReason? reason, ReportRow row) =>
        AnnualReportRules.ResultOf(Answered(new DateOnly(2025, 5, 6), new DateOnly(2025, 5, 20), type, reason)).ShouldBe(row);

    [Fact]
    public void ResultOf_Art30NotCorrectedInTime_IsOtherHandlingOne()
    {
        var request = Open(new DateOnly(2025, 6, 2));
        request.State = RequestState.Abandoned;
        request.Events.Add(new RequestEvent { Kind = RequestEventKind.Abandoned, On = new DateOnly(2025, 6, 30) });

        AnnualReportRules.ResultOf(request).ShouldBe(ReportRow.OtherNotCorrected);
        AnnualReportRules.ConcludedOn(request).ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Fact]
    public void ResultOf_Withdrawn_IsOtherHandlingOther()
    {
        var request = Open(new DateOnly(2025, 6, 2));
        request.State = RequestState.Withdrawn;
        request.Events.Add(new RequestEvent { Kind = RequestEventKind.Withdrawn, On = new DateOnly(2026, 1, 5) });

        AnnualReportRules.ResultOf(request).ShouldBe(ReportRow.OtherOther);
        AnnualReportRules.RowsOf(request, 2025).ShouldBe([ReportRow.NewThisYear, ReportRow.CarriedOut], "withdrawn only in the next year");
    }

    [Theory]
    [InlineData(ApplicantKind.NaturalPerson, null, ReportColumn.NaturalPerson)]
    [InlineData(ApplicantKind.Organization, OrganizationKind.Business, ReportColumn.Business)]
    [InlineData(ApplicantKind.Organization, OrganizationKind.NonProfit, ReportColumn.NonProfit)]
    [InlineData(ApplicantKind.Organization, OrganizationKind.LegalService, ReportColumn.LegalService)]
    [InlineData(ApplicantKind.Organization, null, ReportColumn.OtherOrganization)]
    public void ColumnOf_Applicant_IsItsNationalFormatColumn(ApplicantKind kind, OrganizationKind? organization, ReportColumn column)
    {
        var request = Open(new DateOnly(2025, 1, 6));
        request.ApplicantKind = kind;
        request.OrganizationKind = organization;

        AnnualReportRules.ColumnOf(request).ShouldBe(column);
    }

    [Fact]
    public void CountsIn_EveryYear_NewPlusCarriedInEqualsHandledPlusCarriedOut()
    {
        var requests = new List<DisclosureRequest>
        {
            Answered(new DateOnly(2023, 12, 28), new DateOnly(2024, 1, 10), AnswerType.Granted),
            Answered(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 15), AnswerType.Refused, AnswerReason.InternalAffairs),
            Answered(new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 20), AnswerType.NotThisAgency),
            Open(new DateOnly(2024, 12, 31)),
            Open(new DateOnly(2025, 2, 3)),
            Answered(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 2), AnswerType.NotProcessed, AnswerReason.Petition),
        };

        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            int Count(ReportRow row) => requests.Count(r => AnnualReportRules.CountsIn(r, year, row, ReportColumn.Total));
            (Count(ReportRow.NewThisYear) + Count(ReportRow.CarriedIn)).ShouldBe(Count(ReportRow.ResultsTotal) + Count(ReportRow.CarriedOut), $"year {year}");
        }

        requests.Count(r => AnnualReportRules.CountsIn(r, 2024, ReportRow.NewThisYear, ReportColumn.Total)).ShouldBe(3);
        requests.Count(r => AnnualReportRules.CountsIn(r, 2024, ReportRow.CarriedIn, ReportColumn.Total)).ShouldBe(1);
        requests.Count(r => AnnualReportRules.CountsIn(r, 2024, ReportRow.ResultsTotal, ReportColumn.Total)).ShouldBe(2);
        requests.Count(r => AnnualReportRules.CountsIn(r, 2024, ReportRow.CarriedOut, ReportColumn.Total)).ShouldBe(2);
        requests.Count(r => AnnualReportRules.CountsIn(r, 2025, ReportRow.CarriedIn, ReportColumn.Total)).ShouldBe(2);
    }

    [Fact]
    public void DueOn_Art49_Is31JanuaryOfTheNextYear() => AnnualReportRules.DueOn(2025).ShouldBe(new DateOnly(2026, 1, 31));

    private static DisclosureRequest Open(DateOnly received)
    {
        var request = new DisclosureRequest { ReceivedOn = received, State = RequestState.Received, ApplicantKind = ApplicantKind.NaturalPerson };
        request.Events.Add(new RequestEvent { Kind = RequestEventKind.Received, On = received });
        return request;
    }

    private static DisclosureRequest Answered(DateOnly received, DateOnly answered, AnswerType type, AnswerReason? reason = null)
    {
        var request = Open(received);
        request.State = RequestState.Answered;
        request.AnswerType = type;
        request.AnswerReason = reason;
        request.Events.Add(new RequestEvent { Kind = RequestEventKind.Answered, On = answered });
        return request;
    }
}
