using Registry.Core.Forms;
using Registry.Organizations.Contracts;

namespace Registry.Cultivation.Domain;

/// <summary>One hub of a batch as the officer lists it: the organization's code, the field and, for a street hub, the street.</summary>
public sealed record HubLine(string Code, string Field, string? Street);

/// <summary>What a batch's form (or recipe item) says.</summary>
public sealed record BatchInput(int Number, string Title, string DecisionNumber, DateOnly? DecidedOn, IReadOnlyList<HubLine> Hubs);

/// <summary>
/// Coverage of one hub: <see cref="Members"/> all its members, <see cref="Covered"/> those of them in its scope (active, in its
/// field or street), <see cref="Eligible"/> the active organizations in that scope.
/// </summary>
public sealed record HubCoverage(int Members, int Covered, int Eligible)
{
    /// <summary>Covered / eligible in per cent, one decimal; null when nothing is eligible.</summary>
    public decimal? Percent => Eligible == 0 ? null : Math.Round(100m * Covered / Eligible, 1, MidpointRounding.AwayFromZero);
}

/// <summary>Rules of hub recognition and membership: pure, used by the page, the recipe step and the tests alike.</summary>
public static class HubRules
{
    public const int MaxBatchNumber = 99;
    public const int MaxHubsPerBatch = 100;

    /// <summary>Parses "code|field|street" lines (street optional); blank lines are skipped, a malformed line is an error.</summary>
    public static (IReadOnlyList<HubLine> Lines, IReadOnlyList<FormError> Errors) ParseLines(string? text)
    {
        var lines = new List<HubLine>();
        var errors = new List<FormError>();
        var number = 0;
        foreach (var raw in (text ?? "").Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[1].Length is 0 or > 50 || (parts.Length == 3 && parts[2].Length > 50))
            {
                errors.Add(new FormError("Hubs", "Cult.Error.HubLine", number));
                continue;
            }

            lines.Add(new HubLine(parts[0].ToUpperInvariant(), parts[1], parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null));
        }

        return (lines, errors);
    }

    /// <summary>The form's own checks (before the register is asked about the codes).</summary>
    public static IReadOnlyList<FormError> Validate(BatchInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FormError>();
        if (input.Number is < 1 or > MaxBatchNumber)
        {
            errors.Add(new FormError("Number", "Cult.Error.BatchNumber", MaxBatchNumber));
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > HubBatch.MaxShort)
        {
            errors.Add(new FormError("Title", "Cult.Error.Required", "Cult.Field.Title"));
        }

        if (string.IsNullOrWhiteSpace(input.DecisionNumber) || input.DecisionNumber.Length > 60)
        {
            errors.Add(new FormError("DecisionNumber", "Cult.Error.Required", "Cult.Field.DecisionNumber"));
        }

        if (input.DecidedOn is not { } decided)
        {
            errors.Add(new FormError("DecidedOn", "Cult.Error.Required", "Cult.Field.DecidedOn"));
        }
        else if (decided > today)
        {
            errors.Add(new FormError("DecidedOn", "Cult.Error.FutureDate"));
        }

        if (input.Hubs.Count == 0)
        {
            errors.Add(new FormError("Hubs", "Cult.Error.NoHubs"));
        }
        else if (input.Hubs.Count > MaxHubsPerBatch)
        {
            errors.Add(new FormError("Hubs", "Cult.Error.TooManyHubs", MaxHubsPerBatch));
        }
        else if (input.Hubs.GroupBy(h => (h.Code, h.Field)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add(new FormError("Hubs", "Cult.Error.HubTwice", twice.Key.Code, twice.Key.Field));
        }

        return errors;
    }

    /// <summary>Whether a register organization may become a member of <paramref name="hub"/>; null when it may, else the error.</summary>
    public static FormError? CanJoin(Hub hub, OrganizationSummary organization, IReadOnlyCollection<HubMember> membershipsOfOrganization)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(membershipsOfOrganization);
        if (!hub.IsActive)
        {
            return new FormError("Code", "Cult.Error.HubEnded");
        }

        if (organization.Id == hub.OrganizationId)
        {
            return new FormError("Code", "Cult.Error.OwnMember");
        }

        if (organization.Status != OrganizationCodes.Active)
        {
            return new FormError("Code", "Cult.Error.NotActive", organization.Name);
        }

        if (membershipsOfOrganization.Any(m => m.HubId == hub.Id))
        {
            return new FormError("Code", "Cult.Error.AlreadyMember", organization.Name);
        }

        return membershipsOfOrganization.Any(m => m.Field == hub.Field)
            ? new FormError("Code", "Cult.Error.OtherHubInField", organization.Name, hub.Field)
            : null;
    }

    /// <summary>Whether an organization counts in a hub's coverage denominator: active, not the hub itself, in its street or field.</summary>
    public static bool InScope(Hub hub, OrganizationListing organization)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(organization);
        return organization.Status == OrganizationCodes.Active
            && organization.Id != hub.OrganizationId
            && (hub.Street is { } street ? organization.Street == street : organization.ServiceFields.Contains(hub.Field));
    }
}
