using Microsoft.Extensions.Localization;

namespace Registry.Core.Forms;

/// <summary>A problem with a form: the field (for the page to mark), a localization key and its arguments.</summary>
public sealed record FormError(string Field, string Key, params object[] Args);

/// <summary>A catalog key with its own arguments, usable as an argument of another message (a field label naming its kind).</summary>
public sealed record LocalizedText(string Key, params object[] Args);

/// <summary>Outcome of an operation a form asked for: errors to show, or a concurrency conflict.</summary>
public sealed record OperationResult(IReadOnlyList<FormError> Errors, bool Conflict = false)
{
    public static readonly OperationResult Ok = new([]);

    public static readonly OperationResult Stale = new([], Conflict: true);

    public bool Succeeded => Errors.Count == 0 && !Conflict;

    public static OperationResult Fail(string field, string key, params object[] args) => new([new FormError(field, key, args)]);
}

/// <summary>Turns a <see cref="FormError"/> into a sentence: arguments that are catalog keys (documents, fields, states) are localized too.</summary>
public static class FormErrorText
{
    public static string Describe(this IStringLocalizer localizer, FormError error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        return localizer.Describe(error.Key, error.Args);
    }

    public static string Describe(this IStringLocalizer localizer, string key, object[] args)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(args);
        var localizedArgs = args.Select(a => a switch
        {
            LocalizedText nested => localizer.Describe(nested.Key, nested.Args),
            string s when localizer[s] is { ResourceNotFound: false } text => text.Value,
            _ => a,
        }).ToArray();
        return localizer[key, localizedArgs].Value;
    }
}

/// <summary>Puts an operation's errors on a page's model state: field errors under <c>{prefix}{field}</c>, the rest on the form.</summary>
public static class ModelStateResults
{
    public static void AddResult(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, OperationResult result, IStringLocalizer localizer, string prefix, string conflictKey = "Common.Conflict")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Conflict)
        {
            modelState.AddModelError(string.Empty, localizer[conflictKey]);
        }

        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field.Length == 0 ? string.Empty : prefix + error.Field, localizer.Describe(error));
        }
    }
}

/// <summary>Saving a form's changes where someone else may have changed the same rows (row versions).</summary>
public static class ConcurrentSave
{
    /// <summary>Saves; a concurrency conflict comes back as <see cref="OperationResult.Stale"/> instead of an exception.</summary>
    public static Task<OperationResult> SaveOrConflictAsync(this Microsoft.EntityFrameworkCore.DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OrConflictAsync(() => db.SaveChangesAsync(cancellationToken));
    }

    /// <summary>Runs a save that does more than <c>SaveChanges</c> (a flush with follow-up writes); a conflict is <see cref="OperationResult.Stale"/>.</summary>
    public static Task<OperationResult> OrConflictAsync(Func<Task> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        return OrConflictAsync(async () =>
        {
            await save();
            return OperationResult.Ok;
        });
    }

    /// <summary>Runs work that saves and answers its own result; a conflict while saving is <see cref="OperationResult.Stale"/>.</summary>
    public static async Task<OperationResult> OrConflictAsync(Func<Task<OperationResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return OperationResult.Stale;
        }
    }
}
