using Registry.Core.Calendar;
using Registry.Feedback.Domain;

namespace Registry.Feedback.Tests.Domain;

public sealed class FeedbackCalculationsTests
{
    private readonly WorkingDayCalendar _calendar = new(HolidayCalendarJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "holidays-cn.json"))));

    [Theory]
    [InlineData(SatisfactionLevel.VeryDissatisfied, true)]
    [InlineData(SatisfactionLevel.Dissatisfied, true)]
    [InlineData(SatisfactionLevel.BasicallySatisfied, false)]
    [InlineData(SatisfactionLevel.Satisfied, false)]
    [InlineData(SatisfactionLevel.VerySatisfied, false)]
    public void IsBad_TwoLowestLevels_AreBad(SatisfactionLevel level, bool bad) => FeedbackCalculations.IsBad(level).ShouldBe(bad);

    [Fact]
    public void FollowUpDue_PlainWeeks_FifteenWorkingDaysLater()
    {
        var rating = new ServiceRating { FollowUp = FollowUpState.Open, FollowUpStartedOn = new DateOnly(2026, 3, 2), FollowUpWorkingDays = 15 };

        FeedbackCalculations.FollowUpDue(rating, _calendar).ShouldBe(new DueDate(new DateOnly(2026, 3, 23), false));
    }

    [Fact]
    public void FollowUpDue_OverSpringFestival_SkipsTheHolidayAndCountsTheAdjustedSaturdays()
    {
        // 2026: 春节 15–23 February off, Saturdays 14 and 28 February worked (国办发明电〔2025〕7号).
        var rating = new ServiceRating { FollowUp = FollowUpState.Open, FollowUpStartedOn = new DateOnly(2026, 2, 12), FollowUpWorkingDays = 15 };

        FeedbackCalculations.FollowUpDue(rating, _calendar)!.Value.Date.ShouldBe(new DateOnly(2026, 3, 11));
    }

    [Fact]
    public void IsOverdue_OpenPastDue_TrueAnsweredNever()
    {
        var rating = new ServiceRating { FollowUp = FollowUpState.Open, FollowUpStartedOn = new DateOnly(2026, 3, 2), FollowUpWorkingDays = 15 };

        FeedbackCalculations.IsOverdue(rating, _calendar, new DateOnly(2026, 3, 23)).ShouldBeFalse("the due day itself is in time");
        FeedbackCalculations.IsOverdue(rating, _calendar, new DateOnly(2026, 3, 24)).ShouldBeTrue();
        rating.FollowUp = FollowUpState.Answered;
        FeedbackCalculations.IsOverdue(rating, _calendar, new DateOnly(2026, 4, 24)).ShouldBeFalse();
    }

    [Fact]
    public void FollowUpDue_NoFollowUpOrAnswered_Null()
    {
        FeedbackCalculations.FollowUpDue(new ServiceRating { Level = SatisfactionLevel.Satisfied }, _calendar).ShouldBeNull();
        FeedbackCalculations.FollowUpDue(new ServiceRating { FollowUp = FollowUpState.Answered, FollowUpStartedOn = new DateOnly(2026, 3, 2), FollowUpWorkingDays = 15 }, _calendar).ShouldBeNull();
    }

    [Fact]
    public void FollowUpDue_YearWithoutCalendar_NullNotAGuess()
    {
        var rating = new ServiceRating { FollowUp = FollowUpState.Open, FollowUpStartedOn = new DateOnly(2024, 6, 15), FollowUpWorkingDays = 15 };

        FeedbackCalculations.FollowUpDue(rating, _calendar).ShouldBeNull();
    }

    [Fact]
    public void MayStillRate_WindowOfThirtyDays_IncludesTheLastDay()
    {
        var completed = new DateOnly(2026, 3, 2);

        FeedbackCalculations.RatingWindowEnd(completed, 30).ShouldBe(new DateOnly(2026, 4, 1));
        FeedbackCalculations.MayStillRate(completed, 30, new DateOnly(2026, 4, 1)).ShouldBeTrue();
        FeedbackCalculations.MayStillRate(completed, 30, new DateOnly(2026, 4, 2)).ShouldBeFalse();
        FeedbackCalculations.MayStillRate(completed, 30, new DateOnly(2026, 3, 1)).ShouldBeFalse("not before the decision");
    }

    [Fact]
    public void SatisfactionCounts_MixedLevels_CountsAndRateOfGoodOverAll()
    {
        var counts = SatisfactionCounts.Of([
            SatisfactionLevel.VerySatisfied, SatisfactionLevel.VerySatisfied, SatisfactionLevel.Satisfied,
            SatisfactionLevel.BasicallySatisfied, SatisfactionLevel.Dissatisfied, SatisfactionLevel.VeryDissatisfied]);

        (counts.Total, counts.Good, counts.Count(SatisfactionLevel.VerySatisfied), counts.Count(SatisfactionLevel.Dissatisfied)).ShouldBe((6, 4, 2, 1));
        counts.RatePercent.ShouldBe(66.7m);
    }

    [Fact]
    public void SatisfactionCounts_None_NoRate()
    {
        var counts = SatisfactionCounts.Of([]);

        counts.Total.ShouldBe(0);
        counts.RatePercent.ShouldBeNull();
    }

    [Fact]
    public void SatisfactionCounts_Sum_AddsPerLevel()
    {
        var sum = SatisfactionCounts.Sum([SatisfactionCounts.Of([SatisfactionLevel.Satisfied]), SatisfactionCounts.Of([SatisfactionLevel.Satisfied, SatisfactionLevel.Dissatisfied])]);

        (sum.Count(SatisfactionLevel.Satisfied), sum.Count(SatisfactionLevel.Dissatisfied), sum.RatePercent).ShouldBe((2, 1, 66.7m));
    }
}
