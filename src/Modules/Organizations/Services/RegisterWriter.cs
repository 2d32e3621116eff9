using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Auditing;
using Registry.Core.Data;
using Registry.Core.Forms;
using Registry.Core.Identification;
using Registry.Core.Outbox;
using Registry.Core.Security;
using Registry.Organizations.Contracts;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Services;

/// <summary>
/// An organization to add in bulk, with its key set, and its first revision, audit entry and change-feed event: made by
/// <see cref="RegisterBulkAddition.Prepare"/> off the writing thread, written by <see cref="RegisterWriter.AddPreparedAsync"/>.
/// </summary>
public sealed record PreparedAddition(Organization Organization, OrganizationRevision Revision, AuditEntry Entry, OutboxMessage Event);

/// <summary>Every change to the register goes through here: a revision, an audit entry and a change-feed event each time.</summary>
public sealed class RegisterWriter(DbContext db, ISequences sequences, IOutbox outbox, IAuditTrail audit, AuditKey auditKey, ICurrentActor actor, NameChecker names, PartyAccess parties, TimeProvider clock)
{
    /// <summary>
    /// A revision's changes as JSON with Chinese kept as it is (the default escapes every CJK character to six bytes,
    /// which doubled the revisions an import writes); HTML-sensitive characters are still escaped. Readers parse either.
    /// </summary>
    private static readonly JsonSerializerOptions ChangesJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>
    /// Checks a record before it is written by the officer's form, a recipe or an API: <see cref="RegisterValidator"/>,
    /// then codes and names taken by other records. Normalizes what it checks on the candidate (the credit code to its 18
    /// characters, the code that does not belong to the type cleared, the clash key of the name).
    /// <paramref name="checkName"/>: compare the name with other active organizations and reserved or pending names
    /// (when the record becomes or stays active under a new name, so an unchanged record is never blocked by an old clash).
    /// </summary>
    public async Task<IReadOnlyList<FormError>> ValidateAsync(Organization candidate, bool checkName, RegistrationRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(rules);
        Normalize(candidate, rules);
        var errors = RegisterValidator.Validate(candidate, today).ToList();
        var id = candidate.Id;
        if (candidate.CreditCode is { Length: > 0 } code && errors.All(e => e.Field != nameof(Organization.CreditCode))
            && await db.Set<Organization>().AnyAsync(o => o.CreditCode == code && o.Id != id, cancellationToken))
        {
            errors.Add(new FormError(nameof(Organization.CreditCode), "Org.Register.DuplicateCode", code));
        }

        if (candidate.FilingNumber is { Length: > 0 } filing && errors.All(e => e.Field != nameof(Organization.FilingNumber))
            && await db.Set<Organization>().AnyAsync(o => o.FilingNumber == filing && o.Id != id, cancellationToken))
        {
            errors.Add(new FormError(nameof(Organization.FilingNumber), "Org.Register.DuplicateCode", filing));
        }

        if (checkName && candidate.Status == OrganizationStatus.Active && candidate.Name.Length > 0)
        {
            var check = await names.CheckAsync(candidate.Name, NameRulesOf(rules), today, id == 0 ? null : id, [], cancellationToken);
            if (!check.IsFree)
            {
                errors.Add(new FormError(nameof(Organization.Name), "Org.Register.NameClash", string.Join("、", check.Clashes)));
            }
        }

        return errors;
    }

    /// <summary>
    /// The stored forms of what a record's entry path read: the credit code normalized (GB 32100 characters only), only the
    /// identifier that fits the type kept, the name's clash key. Used by every entry path before <see cref="RegisterValidator"/>.
    /// <paramref name="nameRules"/>: <see cref="NameRulesOf"/> the rules, made once by a caller that normalizes many records.
    /// </summary>
    public static void Normalize(Organization candidate, RegistrationRules rules, NameRules? nameRules = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(rules);
        if (candidate.Type.IsRegistered())
        {
            candidate.CreditCode = RegisterValidator.CheckCreditCode(candidate.Type, candidate.CreditCode, out var normalized) is null ? normalized : candidate.CreditCode;
            candidate.FilingNumber = null;
        }
        else
        {
            candidate.CreditCode = null;
            candidate.FilingNumber = string.IsNullOrWhiteSpace(candidate.FilingNumber) ? null : candidate.FilingNumber.Trim();
        }

        candidate.NormalizedName = (nameRules ?? NameRulesOf(rules)).Normalize(candidate.Name);
    }

    /// <summary>
    /// A person may not be the legal representative of two 社会团体 at once (社会团体登记管理条例; checked at establishment and
    /// at a change of legal representative): the active social group <paramref name="legalRepresentative"/> already
    /// represents, other than <paramref name="ownOrganizationId"/>, as an error; null when free or not a social group.
    /// </summary>
    public async Task<FormError?> CheckLegalRepresentativeAsync(OrganizationType type, string? legalRepresentative, int? ownOrganizationId, CancellationToken cancellationToken)
    {
        var person = legalRepresentative?.Trim() ?? "";
        if (type != OrganizationType.SocialGroup || person.Length == 0)
        {
            return null;
        }

        var other = await db.Set<Organization>().AsNoTracking()
            .Where(o => o.Type == OrganizationType.SocialGroup && o.Status == OrganizationStatus.Active && o.LegalRepresentative == person && o.Id != ownOrganizationId)
            .OrderBy(o => o.Id)
            .Select(o => o.Name)
            .FirstOrDefaultAsync(cancellationToken);
        return other is null ? null : new FormError("LegalRepresentative", "Org.Validation.LegalRepresentativeTaken", person, other);
    }

    /// <summary>The clash rules of the bureau's configuration.</summary>
    public static NameRules NameRulesOf(RegistrationRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new NameRules(rules.NamePrefixes, NameRules.DefaultSuffixes);
    }

    /// <summary>What approval of an application does to the register. Runs inside the decision's transaction.</summary>
    public async Task<OperationResult> ApplyApprovalAsync(RegistrationApplication application, ApplicationForm form, RegistrationRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(rules);
        var nameRules = NameRulesOf(rules);
        switch (application.Kind)
        {
            case ApplicationKind.NameApproval:
                var name = form.ProposedNames.FirstOrDefault();
                if (name is null)
                {
                    return OperationResult.Fail("ProposedNames", "Org.Validation.ProposedNames");
                }

                db.Add(new NameReservation
                {
                    Name = name,
                    NormalizedName = nameRules.Normalize(name),
                    Type = form.Type,
                    ApplicationId = application.Id,
                    ReservedUntil = today.AddMonths(rules.NameReservationMonths),
                });
                return OperationResult.Ok;

            case ApplicationKind.Establishment:
            case ApplicationKind.CommunityFiling:
                if (application.Kind == ApplicationKind.Establishment
                    && await CheckLegalRepresentativeAsync(form.Type, form.LegalRepresentative, null, cancellationToken) is { } repTaken)
                {
                    return new OperationResult([repTaken]);
                }

                var organization = NewOrganization(form, rules, nameRules, today);
                if (application.Kind == ApplicationKind.Establishment)
                {
                    var reservation = await db.Set<NameReservation>().SingleOrDefaultAsync(r => r.ApplicationId == application.NameApplicationId, cancellationToken);
                    if (reservation is null || reservation.UsedByOrganizationId is not null || reservation.ReservedUntil < today)
                    {
                        return OperationResult.Fail("NameApplicationId", "Org.Validation.NoApprovedName");
                    }

                    organization.CreditCode = await IssueCreditCodeAsync(form.Type, rules, cancellationToken);
                    await AddAsync(organization, "Org.Cause.Establishment", application.Id, cancellationToken);
                    reservation.UsedByOrganizationId = organization.Id;
                }
                else
                {
                    organization.FilingNumber = await IssueFilingNumberAsync(rules, today, cancellationToken);
                    await AddAsync(organization, "Org.Cause.Filing", application.Id, cancellationToken);
                }

                application.OrganizationId = organization.Id;
                db.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = application.ApplicantUserId, IsOrgAdmin = true, Since = clock.GetUtcNow().UtcDateTime });
                return OperationResult.Ok;

            case ApplicationKind.Change:
                var changing = await db.Set<Organization>().SingleAsync(o => o.Id == application.OrganizationId, cancellationToken);
                var changes = RegisterFields.RequestedChanges(ApplicationForm.From(changing), form);
                if (changes.Count == 0)
                {
                    return OperationResult.Fail("", "Org.Validation.NothingChanged");
                }

                if (changes.Any(c => c.Field == "LegalRepresentative")
                    && await CheckLegalRepresentativeAsync(changing.Type, form.LegalRepresentative, changing.Id, cancellationToken) is { } repInUse)
                {
                    return new OperationResult([repInUse]);
                }

                RegisterFields.Apply(changing, form, changes);
                changing.NormalizedName = nameRules.Normalize(changing.Name);
                await ReviseAsync(changing, changes, "Org.Cause.Change", application.Id, cancellationToken);
                return OperationResult.Ok;

            case ApplicationKind.Deregistration:
                var closing = await db.Set<Organization>().SingleAsync(o => o.Id == application.OrganizationId, cancellationToken);
                var before = closing.Status;
                closing.Status = OrganizationStatus.Deregistered;
                closing.StatusChangedOn = today;
                await ReviseAsync(closing, [new FieldChange("Status", "Org.Status." + before, "Org.Status." + closing.Status)], "Org.Cause.Deregistration", application.Id, cancellationToken);
                return OperationResult.Ok;

            default:
                throw new ArgumentOutOfRangeException(nameof(application), application.Kind, null);
        }
    }

    /// <summary>An officer's direct entry (paper register migration) or import row; audited like any change.</summary>
    public async Task AddAsync(Organization organization, string cause, int? applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var now = clock.GetUtcNow().UtcDateTime;
        organization.CreatedAt = now;
        organization.UpdatedAt = now;
        organization.SupervisingUnitId = await parties.UnitIdByNameAsync(organization.SupervisingUnit, cancellationToken);
        db.Add(organization);
        // The id is needed for the revision and the event.
        await db.SaveChangesAsync(cancellationToken);
        var changes = RegisterFields.Diff(new ApplicationForm { Type = organization.Type }, ApplicationForm.From(organization));
        await ReviseAsync(organization, changes, cause, applicationId, cancellationToken);
    }

    /// <summary>
    /// Starts a bulk entry of up to <paramref name="count"/> organizations (register import) inside the caller's
    /// transaction: draws their keys and reads what every row needs (the instant, the actor, the supervising units), so
    /// <see cref="RegisterBulkAddition.Prepare"/> can then build each organization's first revision, audit entry and change-feed
    /// event on any thread, while <see cref="AddPreparedAsync"/> writes earlier ones. Keys of rows never written are
    /// rolled back with the file (SQLite) or left as sequence gaps (PostgreSQL).
    /// </summary>
    public async Task<RegisterBulkAddition> StartBulkAdditionAsync(int count, string cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var keys = await db.DrawKeysAsync<Organization>(count, cancellationToken);
        var units = await db.Set<SupervisingUnit>().AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.Ordinal, cancellationToken);
        return new RegisterBulkAddition(keys, units, clock.GetUtcNow().UtcDateTime, cause, actor.UserId, actor.Name, auditKey);
    }

    /// <summary>Bulk entry of <paramref name="organizations"/>: <see cref="AddPreparedAsync"/> after preparing each.</summary>
    public async Task AddManyAsync(IReadOnlyList<Organization> organizations, string cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var addition = await StartBulkAdditionAsync(organizations.Count, cause, cancellationToken);
        await AddPreparedAsync([.. organizations.Select(addition.Prepare)], cancellationToken);
    }

    /// <summary>
    /// Bulk entry: what <see cref="AddAsync"/> does for each organization (a first revision, an audit entry, a change-feed
    /// event), written with <see cref="BulkInsert"/> instead of SaveChanges, in order of their keys: the rows, then the
    /// revisions, audit entries (sealed onto the chain later in batches, as always) and events. Nothing is tracked.
    /// Call it inside the transaction of <see cref="StartBulkAdditionAsync"/> for all-or-nothing.
    /// </summary>
    public async Task AddPreparedAsync(IReadOnlyList<PreparedAddition> additions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(additions);
        var organizations = new Organization[additions.Count];
        var revisions = new OrganizationRevision[additions.Count];
        var entries = new AuditEntry[additions.Count];
        var events = new OutboxMessage[additions.Count];
        for (var i = 0; i < additions.Count; i++)
        {
            (organizations[i], revisions[i], entries[i], events[i]) = additions[i];
        }

        await db.InsertWithDrawnKeysAsync(organizations, cancellationToken);
        await db.InsertAsync(revisions, assignKeys: false, cancellationToken);
        await db.InsertAsync(entries, assignKeys: false, cancellationToken);
        await db.InsertAsync(events, assignKeys: false, cancellationToken);
    }

    /// <summary>Records a revision of already-applied changes and publishes them.</summary>
    public async Task ReviseAsync(Organization organization, IReadOnlyList<FieldChange> changes, string cause, int? applicationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        organization.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        organization.SupervisingUnitId = await parties.UnitIdByNameAsync(organization.SupervisingUnit, cancellationToken);
        var number = await db.Set<OrganizationRevision>().Where(r => r.OrganizationId == organization.Id).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
        Record(organization, changes, cause, applicationId, number + 1);
    }

    /// <summary>
    /// The next free credit code: department 5, the type's code, the bureau's division, prefix + sequence, both check characters.
    /// Codes imported from the paper register may already occupy a sequence number, so taken ones are skipped.
    /// </summary>
    public async Task<string> IssueCreditCodeAsync(OrganizationType type, RegistrationRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var typeCode = type.UsccTypeCode() ?? throw new InvalidOperationException("Community organizations are filed, not given a credit code.");
        while (true)
        {
            var sequence = await sequences.NextAsync($"uscc:{rules.DivisionCode}:{typeCode}", cancellationToken);
            var body = UnifiedSocialCreditCode.OrganizationCodeBodyFromSequence(rules.CreditCodePrefix, sequence);
            var code = UnifiedSocialCreditCode.Generate('5', typeCode, rules.DivisionCode, body).Value;
            if (!await db.Set<Organization>().AnyAsync(o => o.CreditCode == code, cancellationToken))
            {
                return code;
            }
        }
    }

    private async Task<string> IssueFilingNumberAsync(RegistrationRules rules, DateOnly today, CancellationToken cancellationToken)
    {
        var sequence = await sequences.NextAsync($"filing:{rules.DivisionCode}:{today.Year}", cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{rules.DivisionCode}SB{today.Year}{sequence:0000}");
    }

    /// <summary>The revision, audit entry and change-feed event of one change; saved with the caller's next SaveChanges.</summary>
    private void Record(Organization organization, IReadOnlyList<FieldChange> changes, string cause, int? applicationId, int number)
    {
        db.Add(NewRevision(organization, ChangesOf(changes), actor.Name, cause, applicationId, number));
        audit.Record(AuditActionOf(cause), nameof(Organization), organization.Id.ToString(CultureInfo.InvariantCulture), AuditSummaryOf(organization, changes));
        outbox.Publish(OrganizationEvents.Changed, new OrganizationChanged(organization.Id));
    }

    internal static string ChangesOf(IReadOnlyList<FieldChange> changes) => JsonSerializer.Serialize(changes, ChangesJson);

    private static readonly JsonWriterOptions ChangesWriting = new() { Encoder = ChangesJson.Encoder };

    /// <summary>
    /// <see cref="ChangesOf(IReadOnlyList{FieldChange})"/> written straight into <paramref name="buffer"/> (reused by a bulk
    /// writer): the same text, without the serializer's per-call work and intermediate buffers.
    /// </summary>
    internal static string ChangesOf(IReadOnlyList<FieldChange> changes, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, ChangesWriting))
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString(nameof(FieldChange.Field), change.Field);
                json.WriteString(nameof(FieldChange.Before), change.Before);
                json.WriteString(nameof(FieldChange.After), change.After);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static OrganizationRevision NewRevision(Organization organization, string changes, string changedBy, string cause, int? applicationId, int number) => new()
    {
        OrganizationId = organization.Id,
        Number = number,
        ChangedAt = organization.UpdatedAt,
        ChangedBy = changedBy,
        Cause = cause,
        ApplicationId = applicationId,
        Changes = changes,
    };

    /// <summary>The audit action of a cause: Org.Cause.Import → organization.import.</summary>
    internal static string AuditActionOf(string cause) => "organization." + cause.Split('.').Last().ToLowerInvariant();

    internal static string AuditSummaryOf(Organization organization, IReadOnlyList<FieldChange> changes) =>
        AppendAuditSummary(new StringBuilder(), organization, changes).ToString();

    /// <summary>"name (code): Field: before → after; …" appended to <paramref name="text"/> (a bulk writer reuses one).</summary>
    internal static StringBuilder AppendAuditSummary(StringBuilder text, Organization organization, IReadOnlyList<FieldChange> changes)
    {
        text.Append(organization.Name).Append(" (").Append(organization.PublicCode).Append("): ");
        for (var i = 0; i < changes.Count; i++)
        {
            text.Append(i == 0 ? "" : "; ").Append(changes[i].Field).Append(": ").Append(changes[i].Before).Append(" → ").Append(changes[i].After);
        }

        return text;
    }

    private static Organization NewOrganization(ApplicationForm form, RegistrationRules rules, NameRules nameRules, DateOnly today)
    {
        var organization = new Organization
        {
            Type = form.Type,
            Status = OrganizationStatus.Active,
            FoundedOn = today,
            RegisteringAuthority = rules.RegisteringAuthority,
        };
        RegisterFields.Apply(organization, form, RegisterFields.Diff(new ApplicationForm(), form));
        organization.NormalizedName = nameRules.Normalize(organization.Name);
        if (string.IsNullOrEmpty(organization.District))
        {
            organization.District = rules.DistrictName;
        }

        return organization;
    }
}

/// <summary>
/// One bulk entry's shared facts (<see cref="RegisterWriter.StartBulkAdditionAsync"/>); <see cref="Prepare"/> is safe on any one
/// thread at a time (it hands out the drawn keys in order) and touches no database.
/// </summary>
public sealed class RegisterBulkAddition
{
    private readonly IReadOnlyList<long> _keys;
    private readonly Dictionary<string, int> _units;
    private readonly DateTime _now;
    private readonly string _cause;
    private readonly string _action;
    private readonly string? _userId;
    private readonly string _userName;
    private readonly AuditKey _auditKey;
    private int _next;

    // Reused by every Prepare (one thread at a time): the changes, their JSON and the audit summary.
    private readonly List<FieldChange> _changes = new(16);
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly StringBuilder _summary = new(1024);

    internal RegisterBulkAddition(IReadOnlyList<long> keys, Dictionary<string, int> units, DateTime now, string cause, string? userId, string userName, AuditKey auditKey)
    {
        _keys = keys;
        _units = units;
        _now = now;
        _cause = cause;
        _action = RegisterWriter.AuditActionOf(cause);
        _userId = userId;
        _userName = userName;
        _auditKey = auditKey;
    }

    /// <summary>
    /// Gives <paramref name="organization"/> the next drawn key, its stamps and supervising unit, and builds its first
    /// revision (every field against an empty record), audit entry (with the writer's MAC) and change-feed event.
    /// </summary>
    public PreparedAddition Prepare(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (_next >= _keys.Count)
        {
            throw new InvalidOperationException("More organizations than keys drawn for this bulk entry.");
        }

        organization.Id = checked((int)_keys[_next++]);
        organization.CreatedAt = _now;
        organization.UpdatedAt = _now;
        organization.SupervisingUnitId = organization.SupervisingUnit?.Trim() is { Length: > 0 } unit && _units.TryGetValue(unit, out var unitId) ? unitId : null;
        // What AddAsync records (Diff of an empty form against the record), built with reused buffers: one string per column.
        RegisterFields.Initial(organization, _changes);
        var id = organization.Id.ToString(CultureInfo.InvariantCulture);
        var summary = RegisterWriter.AppendAuditSummary(_summary.Clear(), organization, _changes).ToString();
        return new PreparedAddition(
            organization,
            RegisterWriter.NewRevision(organization, RegisterWriter.ChangesOf(_changes, _json), _userName, _cause, null, 1),
            AuditChain.NewEntry(_now, _userId, _userName, _action, nameof(Organization), id, summary, _auditKey),
            OutboxMessage.Of(OrganizationEvents.Changed, new OrganizationChanged(organization.Id), _now));
    }
}
