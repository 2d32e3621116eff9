using Registry.Core.Forms;

namespace Registry.Grants.Domain;

/// <summary>The conflict rules for seating people on a file, shared by review and evaluation.</summary>
public static class SeatRules
{
    /// <summary>
    /// Why each candidate can't be seated: not in the pool (<paramref name="notInPoolKey"/>), linked to the
    /// organization, or already seated. <paramref name="pool"/> maps user ids to display names.
    /// </summary>
    public static List<FormError> Refusals(
        IEnumerable<string> candidateIds,
        IReadOnlyDictionary<string, string> pool,
        IReadOnlySet<string> linked,
        IReadOnlySet<string> taken,
        string field,
        string notInPoolKey)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(taken);
        var errors = new List<FormError>();
        foreach (var id in candidateIds.Distinct())
        {
            if (!pool.TryGetValue(id, out var name))
            {
                errors.Add(new FormError(field, notInPoolKey));
            }
            else if (linked.Contains(id))
            {
                errors.Add(new FormError(field, "Grant.Error.LinkedReviewer", name));
            }
            else if (taken.Contains(id))
            {
                errors.Add(new FormError(field, "Grant.Error.AlreadySeated", name));
            }
        }

        return errors;
    }
}
