using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Registry.Core.Auditing;
using Registry.Core.Mail;
using Registry.Core.Notifications;
using Registry.Core.Outbox;
using Registry.Inspections.Contracts;
using Registry.Ratings.Domain;
using Registry.Ratings.Services;

namespace Registry.Ratings.Tests.Services;

/// <summary>
/// The consumer of the inspections module's "result recorded" events on a real (in-memory SQLite) database: one
/// proposal per organization and inspection year whatever is replayed, and only the results the rule names.
/// </summary>
public sealed class InspectionResultConsumerTests : IDisposable
{
    private const int OrganizationId = 7;

    private readonly SqliteConnection _connection = new("DataSource=:memory:");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private readonly List<InspectionRecord> _inspections = [];

    private readonly RecordingAudit _audit = new();

    public InspectionResultConsumerTests()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task Handle_SameMessageTwiceAndTheEventRepeated_OneProposal()
    {
        await GradeAsync(4, new DateOnly(2024, 1, 10));
        var message = Message(1, "Unqualified");

        await HandleAsync(message);
        await HandleAsync(message);
        await HandleAsync(Message(2, "Unqualified"));

        var proposal = (await ProposalsAsync()).ShouldHaveSingleItem();
        (proposal.Kind, proposal.Cause, proposal.ProposedGrade, proposal.SourceMessageId).ShouldBe((ProposalKind.Downgrade, ProposalCause.Unqualified, 0, 1L));
        _audit.Actions.Count(a => a == "ratings.proposal-raised").ShouldBe(1);
    }

    [Fact]
    public async Task Handle_DecidedProposal_EventAgain_NothingReopened()
    {
        await GradeAsync(4, new DateOnly(2024, 1, 10));
        await HandleAsync(Message(1, "Unqualified"));
        await using (var db = NewContext())
        {
            await db.Set<GradeProposal>().ExecuteUpdateAsync(p => p.SetProperty(x => x.State, ProposalState.Dismissed));
        }

        await HandleAsync(Message(2, "Unqualified"));

        (await ProposalsAsync()).ShouldHaveSingleItem().State.ShouldBe(ProposalState.Dismissed);
    }

    [Fact]
    public async Task Handle_BasicallyQualifiedAfterBasicallyQualified_ProposesOneLower()
    {
        await GradeAsync(3, new DateOnly(2024, 1, 10));
        _inspections.Add(new InspectionRecord(2024, "Concluded", "BasicallyQualified", false));

        await HandleAsync(Message(1, "BasicallyQualified"));

        var proposal = (await ProposalsAsync()).ShouldHaveSingleItem();
        (proposal.Cause, proposal.CurrentGrade, proposal.ProposedGrade).ShouldBe((ProposalCause.BasicallyQualifiedTwice, 3, 2));
    }

    [Fact]
    public async Task Handle_BasicallyQualifiedOnce_NoProposal()
    {
        await GradeAsync(3, new DateOnly(2024, 1, 10));
        _inspections.Add(new InspectionRecord(2024, "Concluded", "Qualified", false));

        await HandleAsync(Message(1, "BasicallyQualified"));

        (await ProposalsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Handle_ResultCorrectedWhileOpen_TheProposalFollowsTheLatestResult()
    {
        await GradeAsync(3, new DateOnly(2024, 1, 10));
        _inspections.Add(new InspectionRecord(2024, "Concluded", "BasicallyQualified", false));
        await HandleAsync(Message(1, "BasicallyQualified"));

        await HandleAsync(Message(2, "Unqualified"));

        var proposal = (await ProposalsAsync()).ShouldHaveSingleItem();
        (proposal.Cause, proposal.ProposedGrade, proposal.SourceMessageId).ShouldBe((ProposalCause.Unqualified, 0, 2L));
    }

    /// <summary>A grade awarded under the 2026 revision: a check evaluation is proposed, not a downgrade.</summary>
    [Fact]
    public async Task Handle_GradeAwardedUnderThe2026Rules_ProposesACheckEvaluation()
    {
        await GradeAsync(5, new DateOnly(2026, 3, 1));

        await HandleAsync(Message(1, "Unqualified"));

        (await ProposalsAsync()).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Kind.ShouldBe(ProposalKind.CheckEvaluation), p => p.ProposedGrade.ShouldBe(5));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"organizationId":0,"year":2025,"result":"Unqualified"}""")]
    [InlineData("""{"organizationId":7,"year":2025}""")]
    public async Task Handle_UnreadableOrIncompletePayload_SkippedWithoutProposal(string payload)
    {
        await GradeAsync(4, new DateOnly(2024, 1, 10));

        await HandleAsync(new OutboxMessage { Id = 1, Topic = InspectionResultConsumer.Topic, Payload = payload });

        (await ProposalsAsync()).ShouldBeEmpty();
    }

    /// <summary>As the dispatcher does: handle, then save with the checkpoint in one transaction.</summary>
    private async Task HandleAsync(OutboxMessage message)
    {
        await using var db = NewContext();
        var consumer = new InspectionResultConsumer(db, new Standings(_inspections), new SilentNotifier(), _audit, _clock, NullLogger<InspectionResultConsumer>.Instance);
        consumer.Accepts(message.Topic).ShouldBeTrue();
        await consumer.HandleAsync(message, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private static OutboxMessage Message(long id, string result) => new()
    {
        Id = id,
        Topic = InspectionResultConsumer.Topic,
        Payload = $$"""{"organizationId":{{OrganizationId}},"year":2025,"result":"{{result}}"}""",
    };

    private async Task GradeAsync(int grade, DateOnly awardedOn)
    {
        await using var db = NewContext();
        db.Add(new OrganizationGrade { OrganizationId = OrganizationId, OrganizationName = "宁波市海曙区老年协会", Grade = grade, AwardedOn = awardedOn, ValidFrom = awardedOn, ValidUntil = awardedOn.AddYears(5).AddDays(-1) });
        await db.SaveChangesAsync();
    }

    private async Task<List<GradeProposal>> ProposalsAsync()
    {
        await using var db = NewContext();
        return await db.Set<GradeProposal>().AsNoTracking().ToListAsync();
    }

    private RatingsOnlyContext NewContext() => new(new DbContextOptionsBuilder<RatingsOnlyContext>().UseSqlite(_connection).Options);

    private sealed class RatingsOnlyContext(DbContextOptions<RatingsOnlyContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfigurationsFromAssembly(typeof(GradeProposal).Assembly);
    }

    private sealed class Standings(List<InspectionRecord> inspections) : IOrganizationStandings
    {
        public Task<OrganizationStanding> GetAsync(int organizationId, CancellationToken cancellationToken) =>
            Task.FromResult(new OrganizationStanding(organizationId, false, false, [.. inspections], []));
    }

    private sealed class SilentNotifier : INotifier
    {
        public Task NotifyUserAsync(string userId, string templateName, IReadOnlyDictionary<string, string> values, string? link, IReadOnlyList<MailFile> attachments, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task NotifyPermissionHoldersAsync(string permission, string templateName, IReadOnlyDictionary<string, string> values, string? link, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class RecordingAudit : IAuditTrail
    {
        public List<string> Actions { get; } = [];

        public void Record(string action, string entityType, string entityId, string summary) => Actions.Add(action);
    }
}
