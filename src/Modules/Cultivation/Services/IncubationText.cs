using Registry.Cultivation.Domain;

namespace Registry.Cultivation.Services;

/// <summary>The catalog keys of the incubation states and triggers, spelled out so each key is a literal the localization tests see.</summary>
public static class IncubationText
{
    public static string State(IncubationState state) => state switch
    {
        IncubationState.Entered => "Cult.Inc.State.Entered",
        IncubationState.Incubating => "Cult.Inc.State.Incubating",
        IncubationState.Graduated => "Cult.Inc.State.Graduated",
        IncubationState.Left => "Cult.Inc.State.Left",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Trigger(IncubationTrigger trigger) => trigger switch
    {
        IncubationTrigger.Start => "Cult.Inc.Trigger.Start",
        IncubationTrigger.Graduate => "Cult.Inc.Trigger.Graduate",
        IncubationTrigger.Leave => "Cult.Inc.Trigger.Leave",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };
}
