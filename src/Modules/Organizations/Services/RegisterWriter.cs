using System.Globalization;
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
    /// Bulk entry (register import): what <see cref="AddAsync"/> does for each organization (a first revision, an audit
    /// entry, a change-feed event), written with <see cref="BulkInsert"/> instead of SaveChanges: the rows first (their ids
    /// are needed), then the revisions, audit entries (sealed onto the chain later in batches, as always) and events, built
    /// here without the change tracker. Call it inside a transaction for all-or-nothing.
    /// </summary>
    public async Task AddManyAsync(IReadOnlyList<Organization> organizations, string cause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        ArgumentNullException.ThrowIfNull(cause);
        var now = clock.GetUtcNow().UtcDateTime;
        var units = await db.Set<SupervisingUnit>().AsNoTracking().ToDictionaryAsync(u => u.Name, u => u.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var organization in organizations)
        {
            organization.CreatedAt = now;
            organization.UpdatedAt = now;
            organization.SupervisingUnitId = organization.SupervisingUnit?.Trim() is { Length: > 0 } unit && units.TryGetValue(unit, out var unitId) ? unitId : null;
        }

        await db.InsertAsync(organizations, assignKeys: true, cancellationToken);
        var revisions = new List<OrganizationRevision>(organizations.Count);
        var entries = new List<AuditEntry>(organizations.Count);
        var events = new List<OutboxMessage>(organizations.Count);
        var action = AuditActionOf(cause);
        var empty = new ApplicationForm();
        foreach (var organization in organizations)
        {
            // A new organization has no revision yet: this one is its first.
            empty.Type = organization.Type;
            var changes = RegisterFields.Diff(empty, ApplicationForm.From(organization));
            revisions.Add(NewRevision(organization, changes, cause, null, 1));
            entries.Add(AuditChain.NewEntry(now, actor.UserId, actor.Name, action, nameof(Organization), organization.Id.ToString(CultureInfo.InvariantCulture), AuditSummaryOf(organization, changes), auditKey));
            events.Add(OutboxMessage.Of(OrganizationEvents.Changed, new OrganizationChanged(organization.Id), now));
        }

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
        db.Add(NewRevision(organization, changes, cause, applicationId, number));
        audit.Record(AuditActionOf(cause), nameof(Organization), organization.Id.ToString(CultureInfo.InvariantCulture), AuditSummaryOf(organization, changes));
        outbox.Publish(OrganizationEvents.Changed, new OrganizationChanged(organization.Id));
    }

    private OrganizationRevision NewRevision(Organization organization, IReadOnlyList<FieldChange> changes, string cause, int? applicationId, int number) => new()
    {
        OrganizationId = organization.Id,
        Number = number,
        ChangedAt = organization.UpdatedAt,
        ChangedBy = actor.Name,
        Cause = cause,
        ApplicationId = applicationId,
        Changes = JsonSerializer.Serialize(changes, ChangesJson),
    };

    /// <summary>The audit action of a cause: Org.Cause.Import → organization.import.</summary>
    private static string AuditActionOf(string cause) => "organization." + cause.Split('.').Last().ToLowerInvariant();

    private static string AuditSummaryOf(Organization organization, IReadOnlyList<FieldChange> changes) =>
        $"{organization.Name} ({organization.PublicCode}): {string.Join("; ", changes.Select(c => $"{c.Field}: {c.Before} → {c.After}"))}";

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
