namespace Registry.Core.Workflows;

/// <summary>
/// A workflow's transition table: which trigger moves which state where. Anything not listed is refused, so a
/// workflow's <c>Next</c> answers null and the owning service turns that into a localized refusal. Built once per
/// workflow (<c>Domain/&lt;Thing&gt;Workflow.cs</c>); guards that depend on more than the state stay in the workflow.
/// </summary>
public sealed class TransitionTable<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<(TState From, TTrigger Trigger), TState> _next = [];

    /// <summary>Allows <paramref name="trigger"/> at <paramref name="from"/>, leading to <paramref name="to"/>; a pair listed twice is a bug.</summary>
    public TransitionTable<TState, TTrigger> Permit(TState from, TTrigger trigger, TState to)
    {
        if (!_next.TryAdd((from, trigger), to))
        {
            throw new InvalidOperationException($"{typeof(TState).Name}.{from} + {typeof(TTrigger).Name}.{trigger} is listed twice");
        }

        return this;
    }

    /// <summary>The state after <paramref name="trigger"/>, or null when the table does not allow it at <paramref name="state"/>.</summary>
    public TState? Next(TState state, TTrigger trigger) => _next.TryGetValue((state, trigger), out var to) ? to : null;

    /// <summary>The triggers allowed at <paramref name="state"/>, in declaration order of the trigger enum.</summary>
    public IReadOnlyList<TTrigger> Permitted(TState state) => [.. Enum.GetValues<TTrigger>().Where(t => _next.ContainsKey((state, t)))];

    /// <summary>Whether nothing can happen any more at <paramref name="state"/>.</summary>
    public bool IsFinal(TState state) => !_next.Keys.Any(k => EqualityComparer<TState>.Default.Equals(k.From, state));

    /// <summary>How many transitions the table allows.</summary>
    public int Count => _next.Count;
}
