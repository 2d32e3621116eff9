namespace Registry.Core.Data;

/// <summary>
/// An aggregate two people can edit: <see cref="Version"/> is an optimistic concurrency token,
/// bumped on every save so a stale edit fails instead of overwriting (works on SQLite and PostgreSQL alike).
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
