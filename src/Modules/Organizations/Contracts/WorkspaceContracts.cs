namespace Registry.Organizations.Contracts;

/// <summary>
/// One dated obligation of an organization (an annual report, a rectification, a progress report, a grade to renew …), as
/// the owning module sees it now. <see cref="Key"/> is stable while the obligation stands (e.g. "inspections.report.2025"),
/// so a reminder is sent once per obligation and threshold. Titles and consequences are the owning module's localization
/// keys, formatted with their arguments (numbers and <see cref="DateOnly"/> values, formatted in the reader's language by
/// the key's own format, e.g. <c>{1:yyyy年M月d日}</c>). The due date is derived when read, never stored as a result.
/// </summary>
public sealed record Obligation(
    int OrganizationId,
    string Key,
    DateOnly DueOn,
    bool Provisional,
    string TitleKey,
    IReadOnlyList<object> TitleArguments,
    string ConsequenceKey,
    IReadOnlyList<object> ConsequenceArguments,
    string Url);

/// <summary>
/// A module's contribution to the organizations' workspace and reminders: the dated obligations still open for the given
/// organizations on <c>today</c> (China date). Register it as a scoped service; modules never read each other's.
/// </summary>
public interface IObligationSource
{
    Task<IReadOnlyList<Obligation>> OpenAsync(IReadOnlyCollection<int> organizationIds, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>
/// One application of an organization and its current step (办件进度): <see cref="KindKey"/> and <see cref="StepKey"/> are
/// the owning module's localization keys; <see cref="Reference"/> the receipt number (or a draft label), <see cref="Url"/> its page.
/// </summary>
public sealed record ApplicationProgress(
    int OrganizationId,
    string Reference,
    string KindKey,
    string Title,
    string StepKey,
    DateTime UpdatedAt,
    string Url);

/// <summary>A module's applications (registration, rating, venture fund) for the organizations' workspace.</summary>
public interface IApplicationProgressSource
{
    Task<IReadOnlyList<ApplicationProgress>> ForAsync(int organizationId, CancellationToken cancellationToken);
}
