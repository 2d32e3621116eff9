using Microsoft.EntityFrameworkCore;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Services;

/// <summary>Rubrics by code and version: loading an unchanged definition again adds nothing; a changed one becomes the next version.</summary>
public sealed class RubricStore(DbContext db, TimeProvider clock)
{
    /// <summary>The latest version of each rubric code.</summary>
    public async Task<IReadOnlyList<Rubric>> LatestAsync(CancellationToken cancellationToken)
    {
        var all = await db.Set<Rubric>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. all.GroupBy(r => r.Code).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Code)];
    }

    public Task<Rubric?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Set<Rubric>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Stores the definition as a new version unless the latest version of <paramref name="code"/> is identical. The caller saves.</summary>
    public async Task<IReadOnlyList<string>> LoadAsync(string code, string organizationType, string title, RubricDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = definition.Problems();
        if (problems.Count > 0)
        {
            return problems;
        }

        var json = definition.ToJson();
        var latest = await db.Set<Rubric>().Where(r => r.Code == code).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.DefinitionJson == json && latest.Title == title && latest.OrganizationType == organizationType)
        {
            return [];
        }

        db.Add(new Rubric
        {
            Code = code,
            Version = (latest?.Version ?? 0) + 1,
            OrganizationType = organizationType,
            Title = title,
            DefinitionJson = json,
            LoadedAt = clock.GetUtcNow().UtcDateTime,
        });
        return [];
    }
}
