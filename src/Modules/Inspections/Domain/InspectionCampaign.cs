using System.Text.Json;
using Registry.Core.Data;

namespace Registry.Inspections.Domain;

/// <summary>年检 (inspection with a result) or 年报 (report, results recorded the same way where the bureau uses them).</summary>
public enum CampaignMode
{
    Inspection,
    Report,
}

/// <summary>The annual inspection of one year: who takes part, by when, and on which form.</summary>
public sealed class InspectionCampaign : IVersioned
{
    public int Id { get; set; }

    /// <summary>The year reported on (Y); reports are due in Y+1.</summary>
    public int Year { get; set; }

    public CampaignMode Mode { get; set; }

    /// <summary>The deadline of every participating type without its own in <see cref="TypeDeadlinesJson"/>.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>
    /// Deadlines of particular organization types, as JSON <c>{"Foundation": "2027-03-31"}</c>: foundations report by
    /// 31 March (基金会管理条例 第三十六条), 社团 and 民非 by 31 May.
    /// </summary>
    public string TypeDeadlinesJson { get; set; } = "{}";

    /// <summary>Participating organization types, comma-separated type codes (see <c>OrganizationCodes</c>).</summary>
    public string OrganizationTypes { get; set; } = "";

    /// <summary>Organizations with at least this grade (e.g. 4 for 4A) file the simplified form without an audit report; null: nobody.</summary>
    public int? SimplifiedFromGrade { get; set; }

    /// <summary>Administrative costs above this share of expenditure (percent) raise a warning.</summary>
    public int AdminCostWarningPercent { get; set; }

    public DateTime OpenedAt { get; set; }

    public string OpenedBy { get; set; } = "";

    /// <summary>Set once the scheduled job has listed the organizations that missed the deadline.</summary>
    public DateTime? LateListedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> Types => OrganizationTypes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyDictionary<string, DateOnly> TypeDeadlines
    {
        get => JsonSerializer.Deserialize<Dictionary<string, DateOnly>>(TypeDeadlinesJson) ?? [];
        set => TypeDeadlinesJson = JsonSerializer.Serialize(value);
    }

    /// <summary>The deadline of an organization type (its own, else the campaign's).</summary>
    public DateOnly DeadlineFor(string typeCode) => TypeDeadlines.TryGetValue(typeCode, out var deadline) ? deadline : Deadline;

    /// <summary>The latest deadline of the participating types: after it, every late report is known.</summary>
    public DateOnly LastDeadline => Types.Select(DeadlineFor).Append(Deadline).Max();

    /// <summary>
    /// Organizations founded less than six months before 31 December of the year skip it (founded after 30 June), and
    /// so do those founded after the year.
    /// </summary>
    public static bool IsExempt(int year, DateOnly foundedOn) => foundedOn > new DateOnly(year, 6, 30);

    /// <summary>Default deadline: 31 May of the following year.</summary>
    public static DateOnly DefaultDeadline(int year) => new(year + 1, 5, 31);

    /// <summary>Default deadline of a foundation: 31 March of the following year (基金会管理条例 第三十六条).</summary>
    public static DateOnly DefaultFoundationDeadline(int year) => new(year + 1, 3, 31);
}
