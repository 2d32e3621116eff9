using System.Globalization;
using Registry.Core.Auditing;

namespace Registry.Core.Tests.Auditing;

/// <summary>
/// The writer's MAC is built from UTF-8 written part by part (no strings per entry); it must stay the MAC of the text
/// the sealer and <see cref="AuditChain.VerifyAsync"/> check: "entry", the time and the entry's fields joined by U+001F.
/// </summary>
public sealed class AuditEntryMacTests
{
    [Theory]
    [InlineData("u-1", "王五", "宁波市海曙区阳光养老服务协会 (51330203MJ0000000X): Name:  → 宁波市海曙区阳光养老服务协会; Address:  → 中山西路1号")]
    [InlineData(null, "system", "")]
    public void NewEntry_Mac_IsTheMacOfTheEntrysTextAsTheSealerChecksIt(string? userId, string userName, string summary)
    {
        var at = new DateTime(2026, 12, 5, 1, 2, 3, DateTimeKind.Utc).AddTicks(1_234_567);

        var entry = AuditChain.NewEntry(at, userId, userName, "organization.import", "Organization", "42", summary, AuditKey.Development);

        var text = string.Join(
            '\u001f',
            "entry",
            entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            userId ?? "",
            userName,
            "organization.import",
            "Organization",
            "42",
            summary);
        entry.Mac.ShouldBe(AuditKey.Development.Mac(text));
        AuditKey.Development.Verify(text, entry.Mac).ShouldBeTrue();
    }

    [Fact]
    public void NewEntry_SurrogatesAndSeparatorInTheText_MacOfTheSameText()
    {
        var summary = "lone \uD800 surrogate, pair \uD83D\uDE00 and \u001f separator, trailing high \uD83D";

        var entry = AuditChain.NewEntry(DateTime.UtcNow, "u-2", "Zo\u00EB \uD83D", "organization.import", "Organization", "42", summary, AuditKey.Development);

        entry.Mac.ShouldBe(AuditKey.Development.Mac(string.Join('\u001f', "entry", entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), "u-2", "Zo\u00EB \uD83D", "organization.import", "Organization", "42", summary)));
    }

    [Fact]
    public void NewEntry_LongSummary_MacOfTheWholeText()
    {
        var summary = string.Concat(Enumerable.Repeat("业务范围：开展为老服务；", 2_000));

        var entry = AuditChain.NewEntry(DateTime.UtcNow, "u", "王五", "organization.import", "Organization", "7", summary, AuditKey.Development);

        entry.Mac.ShouldBe(AuditChain.ComputeEntryMac(new AuditEntry { At = entry.At, UserId = "u", UserName = "王五", Action = "organization.import", EntityType = "Organization", EntityId = "7", Summary = summary }, AuditKey.Development));
        entry.Mac.ShouldBe(AuditKey.Development.Mac(string.Join('\u001f', "entry", entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), "u", "王五", "organization.import", "Organization", "7", summary)));
    }

    /// <summary>Chains sealed before the hash was written part by part must still verify: the same text, the same hash.</summary>
    [Theory]
    [InlineData(1L, null, "")]
    [InlineData(1_234_567_890_123L, "u-1", "宁波市海曙区阳光养老服务协会: Name:  → 宁波市海曙区阳光养老服务协会 \uD83D\uDE00 \u001f")]
    public void ComputeHash_IsTheMacOfSequenceContentAndPreviousHashJoined(long sequence, string? userId, string summary)
    {
        var entry = AuditChain.NewEntry(DateTime.UtcNow, userId, "王五", "organization.import", "Organization", "42", summary, AuditKey.Development);
        entry.Sequence = sequence;
        entry.PreviousHash = AuditChain.GenesisHash;

        var text = string.Join(
            '\u001f',
            sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            userId ?? "",
            "王五",
            "organization.import",
            "Organization",
            "42",
            summary,
            AuditChain.GenesisHash);
        AuditChain.ComputeHash(entry, AuditKey.Development).ShouldBe(AuditKey.Development.Mac(text));
    }
}
