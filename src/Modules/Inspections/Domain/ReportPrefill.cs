using System.Text.Json;

namespace Registry.Inspections.Domain;

/// <summary>Where a pre-filled value came from (一次填报，多处复用). Stored by name: never rename a value.</summary>
public enum PrefillSource
{
    /// <summary>上年年报: the organization's latest earlier report that was filed.</summary>
    PreviousReport,

    /// <summary>登记信息: the register (membership as registered).</summary>
    Register,
}

/// <summary>A part of the form the applicant confirms at once ("I confirm the pre-filled values").</summary>
public enum PrefillSection
{
    /// <summary>人员情况: members, staff, volunteers, party organization.</summary>
    People,

    /// <summary>净资产: the opening net assets, last year's closing ones.</summary>
    NetAssets,
}

/// <summary>A field of the report filled in for the applicant: the content property, the source and the value put in.</summary>
public sealed record PrefilledField(string Field, PrefillSource Source, long Value)
{
    public PrefillSection Section => ReportPrefill.SectionOf(Field);
}

/// <summary>
/// The rules of the pre-filled annual report: a new report opens with last year's people figures and party organization
/// (from the latest earlier report the organization filed) and its closing net assets as this year's opening ones; with
/// no such report, the membership comes from the register. Only values that say something are filled in (a zero or
/// "none" is what a blank form shows anyway). A pre-filled field stays marked until the applicant changes it or confirms
/// its section; a report with marks left cannot be filed.
/// </summary>
public static class ReportPrefill
{
    /// <summary>The fields that can be pre-filled, in form order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        nameof(ReportContent.IndividualMembers), nameof(ReportContent.UnitMembers), nameof(ReportContent.FullTimeStaff),
        nameof(ReportContent.PartTimeStaff), nameof(ReportContent.Volunteers), nameof(ReportContent.PartyOrganization),
        nameof(ReportContent.PartyMembers), nameof(ReportContent.NetAssetsStartFen),
    ];

    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static PrefillSection SectionOf(string field) =>
        field == nameof(ReportContent.NetAssetsStartFen) ? PrefillSection.NetAssets : PrefillSection.People;

    /// <summary>What a new report is filled with: from <paramref name="previous"/> (last filed report's content), else the register's membership.</summary>
    public static IReadOnlyList<PrefilledField> Suggest(ReportContent? previous, int registerIndividualMembers, int registerUnitMembers)
    {
        var fields = new List<PrefilledField>();
        if (previous is not null)
        {
            foreach (var field in Fields)
            {
                var value = field == nameof(ReportContent.NetAssetsStartFen) ? previous.NetAssetsEndFen : ValueOf(previous, field);
                if (value != 0)
                {
                    fields.Add(new PrefilledField(field, PrefillSource.PreviousReport, value));
                }
            }

            return fields;
        }

        if (registerIndividualMembers > 0)
        {
            fields.Add(new PrefilledField(nameof(ReportContent.IndividualMembers), PrefillSource.Register, registerIndividualMembers));
        }

        if (registerUnitMembers > 0)
        {
            fields.Add(new PrefilledField(nameof(ReportContent.UnitMembers), PrefillSource.Register, registerUnitMembers));
        }

        return fields;
    }

    /// <summary>Whether a report's content says nothing yet (an imported result without its paper content, a report never started).</summary>
    public static bool IsBlank(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return string.IsNullOrWhiteSpace(content.WorkSummary) && Fields.All(f => ValueOf(content, f) == 0) && content.NetAssetsEndFen == 0 && content.IncomeFen == 0 && content.ExpenditureFen == 0;
    }

    /// <summary>The content with the pre-filled values put in.</summary>
    public static void Apply(ReportContent content, IEnumerable<PrefilledField> fields)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            SetValue(content, field.Field, field.Value);
        }
    }

    /// <summary>
    /// The marks left after the applicant saved <paramref name="saved"/>: a field whose value the applicant changed is
    /// theirs now, and a confirmed section's fields are confirmed.
    /// </summary>
    public static IReadOnlyList<PrefilledField> Reconcile(IEnumerable<PrefilledField> marks, ReportContent saved, IReadOnlySet<PrefillSection> confirmed)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(confirmed);
        return [.. marks.Where(m => ValueOf(saved, m.Field) == m.Value && !confirmed.Contains(m.Section))];
    }

    /// <summary>The sections that still have unconfirmed pre-filled values, in form order.</summary>
    public static IReadOnlyList<PrefillSection> Unconfirmed(IEnumerable<PrefilledField> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return [.. marks.Select(m => m.Section).Distinct().Order()];
    }

    public static long ValueOf(ReportContent content, string field)
    {
        ArgumentNullException.ThrowIfNull(content);
        return field switch
        {
            nameof(ReportContent.IndividualMembers) => content.IndividualMembers,
            nameof(ReportContent.UnitMembers) => content.UnitMembers,
            nameof(ReportContent.FullTimeStaff) => content.FullTimeStaff,
            nameof(ReportContent.PartTimeStaff) => content.PartTimeStaff,
            nameof(ReportContent.Volunteers) => content.Volunteers,
            nameof(ReportContent.PartyOrganization) => (long)content.PartyOrganization,
            nameof(ReportContent.PartyMembers) => content.PartyMembers,
            nameof(ReportContent.NetAssetsStartFen) => content.NetAssetsStartFen,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a pre-fillable field."),
        };
    }

    private static void SetValue(ReportContent content, string field, long value)
    {
        switch (field)
        {
            case nameof(ReportContent.IndividualMembers): content.IndividualMembers = checked((int)value); break;
            case nameof(ReportContent.UnitMembers): content.UnitMembers = checked((int)value); break;
            case nameof(ReportContent.FullTimeStaff): content.FullTimeStaff = checked((int)value); break;
            case nameof(ReportContent.PartTimeStaff): content.PartTimeStaff = checked((int)value); break;
            case nameof(ReportContent.Volunteers): content.Volunteers = checked((int)value); break;
            case nameof(ReportContent.PartyOrganization): content.PartyOrganization = (PartyOrganization)checked((int)value); break;
            case nameof(ReportContent.PartyMembers): content.PartyMembers = checked((int)value); break;
            case nameof(ReportContent.NetAssetsStartFen): content.NetAssetsStartFen = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Not a pre-fillable field.");
        }
    }

    /// <summary>The marks stored on a report (<see cref="AnnualReport.PrefillJson"/>).</summary>
    public static IReadOnlyList<PrefilledField> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<PrefilledField>>(json, Json)?.Where(f => Fields.Contains(f.Field)).ToList() ?? [];

    public static string? Write(IReadOnlyCollection<PrefilledField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Count == 0 ? null : JsonSerializer.Serialize(fields, Json);
    }
}
