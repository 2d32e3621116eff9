using Registry.Grants.Domain;

namespace Registry.Grants.Tests.Domain;

public sealed class ReceiptNumberTests
{
    [Theory]
    [InlineData("2026-12-31T15:59:59", "GC2026-000042")]
    [InlineData("2026-12-31T16:00:00", "GC2027-000042")]
    [InlineData("2027-01-01T03:00:00", "GC2027-000042")]
    public void ReceiptNumber_TakesTheYearOfTheSubmissionDayInChina(string submittedUtc, string expected) =>
        new GrantApplication { Id = 42, SubmittedAt = DateTime.SpecifyKind(DateTime.Parse(submittedUtc, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc) }
            .ReceiptNumber.ShouldBe(expected);

    [Fact]
    public void ReceiptNumber_NotSubmitted_IsEmpty() => new GrantApplication { Id = 42 }.ReceiptNumber.ShouldBeEmpty();
}
