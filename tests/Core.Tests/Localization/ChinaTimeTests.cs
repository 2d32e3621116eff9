using Registry.Core.Localization;

namespace Registry.Core.Tests.Localization;

/// <summary>The fixed offset queries use for a China date agrees with the time zone rules for every instant the register holds.</summary>
public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("1991-09-15T00:00:00")]
    [InlineData("2025-09-04T15:59:59.9999999")]
    [InlineData("2025-09-04T16:00:00")]
    [InlineData("2026-12-31T16:00:00")]
    [InlineData("2099-06-30T23:59:59")]
    public void UtcOffsetHours_GivesTheSameDateAsTheTimeZone(string instant)
    {
        var utc = DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        DateOnly.FromDateTime(utc.AddHours(ChinaTime.UtcOffsetHours)).ShouldBe(ChinaTime.Date(utc));
    }

    [Fact]
    public void UtcOffsetHours_HoldsEveryHourSinceDaylightSavingEnded()
    {
        var mismatches = new List<DateTime>();
        for (var utc = new DateTime(1991, 9, 15, 0, 0, 0, DateTimeKind.Utc); utc.Year < 2040; utc = utc.AddHours(1))
        {
            if (DateOnly.FromDateTime(utc.AddHours(ChinaTime.UtcOffsetHours)) != ChinaTime.Date(utc))
            {
                mismatches.Add(utc);
            }
        }

        mismatches.ShouldBeEmpty();
    }
}
