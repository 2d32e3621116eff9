using System.Text.Json;

namespace Registry.Grants.Domain;

/// <summary>Where a pre-filled organization fact on an application came from.</summary>
public enum FactSource
{
    /// <summary>The register (登记信息): founding date.</summary>
    Register,

    /// <summary>The latest accepted annual report (年报): members, staff, volunteers, income and expenditure.</summary>
    AnnualReport,

    /// <summary>The organization's current grade (等级评估).</summary>
    Rating,
}

/// <summary>
/// The organization's facts as a venture-fund application states them (一次填报，多处复用): all optional; money in fen;
/// grade 0 for none, 1–5 for 1A–5A.
/// </summary>
public sealed record OrganizationFacts(
    DateOnly? FoundedOn = null,
    int? Members = null,
    int? Staff = null,
    int? Volunteers = null,
    long? IncomeFen = null,
    long? ExpenditureFen = null,
    int? Grade = null);

/// <summary>
/// What the application states (<see cref="Stated"/>) next to what the register, the latest annual report (of
/// <see cref="ReportYear"/>) and the ratings said when the draft was started (<see cref="Prefilled"/>): a stated value
/// equal to its pre-filled one shows its source; one the applicant changed shows as their own.
/// </summary>
public sealed record ApplicationFacts(OrganizationFacts Stated, OrganizationFacts Prefilled, int? ReportYear)
{
    public static readonly ApplicationFacts None = new(new OrganizationFacts(), new OrganizationFacts(), null);

    /// <summary>Pre-filled facts, stated as they are until the applicant edits them.</summary>
    public static ApplicationFacts From(OrganizationFacts prefilled, int? reportYear) => new(prefilled, prefilled, reportYear);

    public static ApplicationFacts Read(string? json) =>
        string.IsNullOrEmpty(json) ? None : JsonSerializer.Deserialize<ApplicationFacts>(json) ?? None;

    public string ToJson() => JsonSerializer.Serialize(this);
}

/// <summary>The organization facts' fields, their sources and their rules.</summary>
public static class OrganizationFactRules
{
    /// <summary>The form's field names of the facts (<c>Facts.Members</c> …).</summary>
    public const string Prefix = "Facts.";

    public const string FoundedOn = nameof(OrganizationFacts.FoundedOn);
    public const string Members = nameof(OrganizationFacts.Members);
    public const string Staff = nameof(OrganizationFacts.Staff);
    public const string Volunteers = nameof(OrganizationFacts.Volunteers);
    public const string Income = nameof(OrganizationFacts.IncomeFen);
    public const string Expenditure = nameof(OrganizationFacts.ExpenditureFen);
    public const string Grade = nameof(OrganizationFacts.Grade);

    /// <summary>Counts above this are typing errors, not organizations.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>The fields in form order, with their label key and the source each is pre-filled from.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, FactSource Source)> Fields =
    [
        (FoundedOn, "Grant.Fact.FoundedOn", FactSource.Register),
        (Members, "Grant.Fact.Members", FactSource.AnnualReport),
        (Staff, "Grant.Fact.Staff", FactSource.AnnualReport),
        (Volunteers, "Grant.Fact.Volunteers", FactSource.AnnualReport),
        (Income, "Grant.Fact.Income", FactSource.AnnualReport),
        (Expenditure, "Grant.Fact.Expenditure", FactSource.AnnualReport),
        (Grade, "Grant.Fact.Grade", FactSource.Rating),
    ];

    /// <summary>The catalog key naming a source ("来自登记信息"; the annual report's takes its year).</summary>
    public static string SourceKey(FactSource source) => source switch
    {
        FactSource.Register => "Grant.Fact.Source.Register",
        FactSource.AnnualReport => "Grant.Fact.Source.AnnualReport",
        FactSource.Rating => "Grant.Fact.Source.Rating",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static string Label(string field) => Fields.Single(f => f.Field == field).Label;

    /// <summary>A field's value (null when not stated), as a comparable object.</summary>
    public static object? Value(OrganizationFacts facts, string field)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return field switch
        {
            FoundedOn => facts.FoundedOn,
            Members => facts.Members,
            Staff => facts.Staff,
            Volunteers => facts.Volunteers,
            Income => facts.IncomeFen,
            Expenditure => facts.ExpenditureFen,
            Grade => facts.Grade,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not an organization fact"),
        };
    }

    /// <summary>
    /// The source a stated field shows: its pre-fill source while it holds the pre-filled value, else null (the applicant
    /// typed or changed it, or nothing was pre-filled).
    /// </summary>
    public static FactSource? SourceOf(ApplicationFacts facts, string field)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var prefilled = Value(facts.Prefilled, field);
        return prefilled is not null && Equals(prefilled, Value(facts.Stated, field)) ? Fields.Single(f => f.Field == field).Source : null;
    }

    /// <summary>Counts and amounts not negative (nor absurd), grade 0–5, founding not after <paramref name="today"/>.</summary>
    public static IEnumerable<Core.Forms.FormError> Errors(OrganizationFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.FoundedOn is { } founded && founded > today)
        {
            yield return new(Prefix + FoundedOn, "Grant.Fact.Error.FoundedInFuture");
        }

        foreach (var (field, count) in new[] { (Members, facts.Members), (Staff, facts.Staff), (Volunteers, facts.Volunteers) })
        {
            if (count is < 0 or > MaxCount)
            {
                yield return new(Prefix + field, "Grant.Fact.Error.Count", Label(field), MaxCount);
            }
        }

        foreach (var (field, fen) in new[] { (Income, facts.IncomeFen), (Expenditure, facts.ExpenditureFen) })
        {
            if (fen < 0)
            {
                yield return new(Prefix + field, "Grant.Error.Positive", Label(field));
            }
        }

        if (facts.Grade is < 0 or > 5)
        {
            yield return new(Prefix + Grade, "Grant.Fact.Error.Grade");
        }
    }
}
