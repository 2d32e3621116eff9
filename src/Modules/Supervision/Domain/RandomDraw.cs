using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Registry.Supervision.Domain;

/// <summary>One organization of a plan's population, as published with the draw.</summary>
public sealed record DrawCandidate(int OrganizationId, string Code, string Name, string Stratum);

/// <summary>One organization drawn: its stratum, its rank key and its order within the stratum (1 = first).</summary>
public sealed record DrawnCandidate(DrawCandidate Candidate, string RankKey, int Rank);

/// <summary>A member of the inspectors' pool; <see cref="Key"/> is its published, stable identifier within the plan.</summary>
public sealed record PoolMember(string Key, string Name, string? UserId);

/// <summary>The inspectors given to one drawn organization, and those skipped for a link to it (redrawn).</summary>
public sealed record InspectorAssignment(IReadOnlyList<PoolMember> Assigned, IReadOnlyList<PoolMember> Excluded, bool Incomplete);

/// <summary>
/// The verifiable draw of 双随机、一公开 (国务院办公厅关于推广随机抽查规范事中事后监管的通知, 国办发〔2015〕58号). Published
/// algorithm, recomputable by anyone from the revealed seed and the published population:
/// <list type="number">
/// <item>Before the draw the plan publishes the commitment <c>hex(SHA-256(UTF-8(seed)))</c> and the population.</item>
/// <item>Each organization's rank key is <c>hex(SHA-256(UTF-8(seed + "|" + code)))</c> (code = USCC, or filing number).</item>
/// <item>The number to draw (a count, or ⌈N × percent ÷ 100⌉) is shared among the strata in proportion to their size by
/// largest remainder (ties: stratum name, ordinal); each stratum takes its organizations with the smallest rank keys
/// (ordinal comparison of the lowercase hex; ties: code).</item>
/// <item>Inspectors for a drawn organization are the pool members with the smallest keys
/// <c>hex(SHA-256(UTF-8(seed + "|" + code + "|" + memberKey)))</c>, skipping any linked to the organization (the next one
/// is taken: redrawn).</item>
/// </list>
/// </summary>
public static class RandomDraw
{
    /// <summary>A fresh seed: 32 random bytes as lowercase hex.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The commitment published before the draw.</summary>
    public static string Commitment(string seed) => Hash(seed);

    public static string RankKey(string seed, string code) => Hash(seed + "|" + code);

    /// <summary>How many of <paramref name="populationSize"/> a share in percent (1–100) asks for: rounded up, so the share is met.</summary>
    public static int CountForShare(int populationSize, decimal percent) =>
        (int)Math.Min(populationSize, Math.Ceiling(populationSize * percent / 100m));

    /// <summary>Shares <paramref name="total"/> among strata in proportion to their sizes (largest remainder; ties by stratum name).</summary>
    public static IReadOnlyDictionary<string, int> Allocate(IReadOnlyDictionary<string, int> strata, int total)
    {
        ArgumentNullException.ThrowIfNull(strata);
        var size = strata.Values.Sum();
        total = Math.Clamp(total, 0, size);
        if (size == 0)
        {
            return strata.ToDictionary(s => s.Key, _ => 0, StringComparer.Ordinal);
        }

        var quotas = strata.Select(s => (s.Key, Size: s.Value, Exact: (decimal)total * s.Value / size))
            .Select(s => (s.Key, s.Size, Floor: (int)Math.Floor(s.Exact), Remainder: s.Exact - Math.Floor(s.Exact)))
            .ToList();
        var result = quotas.ToDictionary(q => q.Key, q => q.Floor, StringComparer.Ordinal);
        var left = total - quotas.Sum(q => q.Floor);
        foreach (var q in quotas.Where(q => q.Floor < q.Size).OrderByDescending(q => q.Remainder).ThenBy(q => q.Key, StringComparer.Ordinal))
        {
            if (left == 0)
            {
                break;
            }

            result[q.Key]++;
            left--;
        }

        return result;
    }

    /// <summary>Draws <paramref name="total"/> organizations from <paramref name="population"/> (see the class summary).</summary>
    public static IReadOnlyList<DrawnCandidate> Draw(string seed, IReadOnlyCollection<DrawCandidate> population, int total)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentNullException.ThrowIfNull(population);
        var strata = population.GroupBy(c => c.Stratum, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var quota = Allocate(strata, total);
        var drawn = new List<DrawnCandidate>();
        foreach (var stratum in population.GroupBy(c => c.Stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ranked = stratum.Select(c => (Candidate: c, Key: RankKey(seed, c.Code)))
                .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.Candidate.Code, StringComparer.Ordinal)
                .Take(quota[stratum.Key]);
            drawn.AddRange(ranked.Select((x, i) => new DrawnCandidate(x.Candidate, x.Key, i + 1)));
        }

        return drawn;
    }

    /// <summary>
    /// Picks <paramref name="count"/> inspectors for the organization with <paramref name="code"/>: pool members in rank-key
    /// order, skipping those <paramref name="isLinked"/> says are linked to it. <see cref="InspectorAssignment.Incomplete"/> when
    /// the pool has too few unlinked members.
    /// </summary>
    public static InspectorAssignment AssignInspectors(string seed, string code, IReadOnlyCollection<PoolMember> pool, int count, Func<PoolMember, bool> isLinked)
    {
        ArgumentException.ThrowIfNullOrEmpty(seed);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(isLinked);
        var assigned = new List<PoolMember>();
        var excluded = new List<PoolMember>();
        foreach (var member in pool.OrderBy(m => Hash(seed + "|" + code + "|" + m.Key), StringComparer.Ordinal).ThenBy(m => m.Key, StringComparer.Ordinal))
        {
            if (assigned.Count == count)
            {
                break;
            }

            if (isLinked(member))
            {
                excluded.Add(member);
            }
            else
            {
                assigned.Add(member);
            }
        }

        return new InspectorAssignment(assigned, excluded, assigned.Count < count);
    }

    /// <summary>The population as the published text the population hash covers: one "code\tstratum" line per organization, sorted by code.</summary>
    public static string PopulationText(IEnumerable<DrawCandidate> population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var lines = population.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Code}\t{c.Stratum}"));
        return string.Join('\n', lines);
    }
}
