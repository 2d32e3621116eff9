using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Registry.Core.Finance;
using Registry.Core.Forms;
using Registry.Inspections.Contracts;
using Registry.Organizations.Contracts;

namespace Registry.Ratings.Domain;

/// <summary>Where a value of the application's 基本情况 came from.</summary>
public enum FactSource
{
    /// <summary>Typed by the applicant: nothing to pre-fill it from, or the pre-filled value changed.</summary>
    Applicant,

    /// <summary>来自登记信息.</summary>
    Register,

    /// <summary>来自某年度年报 (the year is <see cref="StatedFact.Year"/>).</summary>
    AnnualReport,

    /// <summary>来自等级评估记录: the grade this module holds for the organization.</summary>
    GradeRecord,
}

/// <summary>How a fact is typed and stored.</summary>
public enum FactKind
{
    /// <summary>yyyy-MM-dd.</summary>
    Date,

    /// <summary>A whole number ≥ 0.</summary>
    Count,

    /// <summary>Typed in yuan, stored in fen (≥ 0).</summary>
    Money,

    /// <summary>0 (none) to 5 (5A).</summary>
    Grade,
}

/// <summary>
/// One fact as the application states it: the canonical value ("" when not stated; a date as yyyy-MM-dd, counts and
/// grades as integers, money in fen), its source, and, when the applicant changed a pre-filled value, what was pre-filled
/// (so the officer sees both).
/// </summary>
public sealed record StatedFact(string Value, FactSource Source, int? Year = null, string? Prefilled = null)
{
    [JsonIgnore]
    public bool Edited => Prefilled is not null;
}

/// <summary>One field of the 基本情况 section.</summary>
public sealed record FactField(string Code, FactKind Kind);

/// <summary>
/// The organization's facts the rating application asks for (一次填报，多处复用, #20): pre-filled from the register, the
/// latest filed annual report and the grade held, each with its source; editable; what was submitted is stored.
/// </summary>
public static class RatingFacts
{
    public const string FoundedOn = "FoundedOn";
    public const string IndividualMembers = "IndividualMembers";
    public const string UnitMembers = "UnitMembers";
    public const string FullTimeStaff = "FullTimeStaff";
    public const string PartTimeStaff = "PartTimeStaff";
    public const string Volunteers = "Volunteers";
    public const string Income = "Income";
    public const string Expenditure = "Expenditure";
    public const string CurrentGrade = "CurrentGrade";

    /// <summary>Largest count accepted (a typo of extra digits is refused, not stored).</summary>
    public const int MaxCount = 10_000_000;

    // Sources by name, so the stored record survives a reordering of the enum.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The fields asked of an organization type: members only of a 社会团体 (the others have none).</summary>
    public static IReadOnlyList<FactField> Fields(string typeCode) =>
    [
        new(FoundedOn, FactKind.Date),
        .. typeCode == OrganizationCodes.SocialGroup ? new FactField[] { new(IndividualMembers, FactKind.Count), new(UnitMembers, FactKind.Count) } : [],
        new(FullTimeStaff, FactKind.Count),
        new(PartTimeStaff, FactKind.Count),
        new(Volunteers, FactKind.Count),
        new(Income, FactKind.Money),
        new(Expenditure, FactKind.Money),
        new(CurrentGrade, FactKind.Grade),
    ];

    /// <summary>
    /// The values the sources give: the founding date from the register; members from the latest annual report, else the
    /// register (the report is the newer statement); staff, volunteers and finances from the report only; the grade from
    /// the ratings records. A field no source gives is left out.
    /// </summary>
    public static Dictionary<string, StatedFact> Prefill(string typeCode, RegisterFacts? register, AnnualReportFacts? report, int currentGrade)
    {
        var facts = new Dictionary<string, StatedFact>(StringComparer.Ordinal);
        var fields = Fields(typeCode).Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        void Add(string code, string value, FactSource source, int? year = null)
        {
            if (fields.Contains(code))
            {
                facts[code] = new StatedFact(value, source, year);
            }
        }

        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        if (register is not null)
        {
            Add(FoundedOn, register.FoundedOn.ToString(InputLimits.DateFormat, CultureInfo.InvariantCulture), FactSource.Register);
            Add(IndividualMembers, N(register.IndividualMembers), FactSource.Register);
            Add(UnitMembers, N(register.UnitMembers), FactSource.Register);
        }

        if (report is not null)
        {
            Add(IndividualMembers, N(report.IndividualMembers), FactSource.AnnualReport, report.Year);
            Add(UnitMembers, N(report.UnitMembers), FactSource.AnnualReport, report.Year);
            Add(FullTimeStaff, N(report.FullTimeStaff), FactSource.AnnualReport, report.Year);
            Add(PartTimeStaff, N(report.PartTimeStaff), FactSource.AnnualReport, report.Year);
            Add(Volunteers, N(report.Volunteers), FactSource.AnnualReport, report.Year);
            Add(Income, N(report.IncomeFen), FactSource.AnnualReport, report.Year);
            Add(Expenditure, N(report.ExpenditureFen), FactSource.AnnualReport, report.Year);
        }

        Add(CurrentGrade, N(currentGrade), FactSource.GradeRecord);
        return facts;
    }

    /// <summary>
    /// Reads the typed values (dates yyyy-MM-dd, money in yuan) of every field of the type. A value as stored before keeps
    /// its source; one equal to the pre-fill takes the pre-fill's; any other is the applicant's, remembering the pre-filled
    /// value it replaced. Blank is allowed (not stated). Errors carry the field code and the field's label key.
    /// </summary>
    public static (Dictionary<string, StatedFact> Facts, IReadOnlyList<FormError> Errors) Merge(
        string typeCode, IReadOnlyDictionary<string, string?> typed, IReadOnlyDictionary<string, StatedFact> stored, IReadOnlyDictionary<string, StatedFact> prefill)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(prefill);
        var facts = new Dictionary<string, StatedFact>(StringComparer.Ordinal);
        var errors = new List<FormError>();
        foreach (var field in Fields(typeCode))
        {
            var text = typed.GetValueOrDefault(field.Code)?.Trim() ?? "";
            string value;
            if (text.Length == 0)
            {
                value = "";
            }
            else if (Parse(field.Kind, text, out var error) is { } parsed)
            {
                value = parsed;
            }
            else
            {
                errors.Add(new FormError(field.Code, error!, Label(field.Code)));
                continue;
            }

            var before = stored.GetValueOrDefault(field.Code);
            var offered = prefill.GetValueOrDefault(field.Code);
            facts[field.Code] = before is not null && before.Value == value ? before
                : offered is not null && offered.Value == value ? offered
                : new StatedFact(value, FactSource.Applicant, null, offered is { Value.Length: > 0 } ? offered.Value : null);
        }

        return (facts, errors);
    }

    /// <summary>The canonical value of typed text, or null with the error key.</summary>
    public static string? Parse(FactKind kind, string text, out string? error)
    {
        error = null;
        switch (kind)
        {
            case FactKind.Date:
                if (InputLimits.TryParseDate(text, out var day, out var outOfRange))
                {
                    return day.ToString(InputLimits.DateFormat, CultureInfo.InvariantCulture);
                }

                error = outOfRange ? "Rate.Fact.Error.DateRange" : "Rate.Fact.Error.Date";
                return null;
            case FactKind.Count:
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= MaxCount)
                {
                    return count.ToString(CultureInfo.InvariantCulture);
                }

                error = "Rate.Fact.Error.Count";
                return null;
            case FactKind.Money:
                if (!Money.TryParse(text, out var money, out var moneyError))
                {
                    error = moneyError == Money.ErrorPrecision ? "Rate.Fact.Error.MoneyPrecision" : "Rate.Fact.Error.Money";
                    return null;
                }

                if (money.Fen < 0)
                {
                    error = "Rate.Fact.Error.Money";
                    return null;
                }

                return money.Fen.ToString(CultureInfo.InvariantCulture);
            default:
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && grade is >= 0 and <= 5)
                {
                    return grade.ToString(CultureInfo.InvariantCulture);
                }

                error = "Rate.Fact.Error.Grade";
                return null;
        }
    }

    /// <summary>The value as a form field shows it: money in yuan, everything else as stored.</summary>
    public static string InputValue(FactKind kind, string value) =>
        kind == FactKind.Money && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fen) ? new Money(fen).ToYuanString() : value;

    /// <summary>The field's label key.</summary>
    public static string Label(string code) => "Rate.Fact." + code;

    public static IReadOnlyDictionary<string, StatedFact> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, StatedFact>>(string.IsNullOrEmpty(json) ? "{}" : json, Json) ?? [];

    public static string Write(IReadOnlyDictionary<string, StatedFact> facts) => JsonSerializer.Serialize(facts, Json);
}
