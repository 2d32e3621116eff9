using System.Globalization;
using Registry.Bench.Measuring;
using Registry.Core.Calendar;

namespace Registry.Bench.Suites;

/// <summary>
/// Deadline arithmetic: <see cref="WorkingDayCalendar.AddWorkingDays"/> for 20 and 60 working days from every day of
/// 2025–2026 (the years in <c>Recipes/data/holidays-cn.json</c>) against the same loop with <see cref="DateOnly.AddDays"/>.
/// </summary>
internal sealed class CalendarSuite : IBenchSuite
{
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);

    // Results are summed into here so the JIT cannot drop the loops' work.
    private long _checksum;

    public string Name => "calendar";

    public string Description => "WorkingDayCalendar.AddWorkingDays (20 and 60 working days) vs DateOnly.AddDays";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = Path.Combine(context.RepositoryRoot, "Recipes", "data", "holidays-cn.json");
        var calendar = new WorkingDayCalendar(HolidayCalendarJson.Parse(await File.ReadAllTextAsync(path, cancellationToken)));

        var table = ResultTable.ForStats("calendar: time per deadline computed", "ops/s");
        foreach (var days in (int[])[20, 60])
        {
            var starts = StartDays(calendar, days);
            var comparison = await MeasureAsync(context, starts, start => start.AddDays(days), start => calendar.AddWorkingDays(start, days), cancellationToken);
            table.AddComparison($"DateOnly.AddDays({days})", $"AddWorkingDays(start, {days})", comparison);
            table.AddNote(Invariant($"{days} working days: {starts.Length} start days {First:yyyy-MM-dd}..{starts[^1]:yyyy-MM-dd} (later ones reach {Last.Year + 1}, which has no data and throws by design)"));
        }

        table.AddNote("one sample = whole passes over the start days; percentiles are of the per-operation time within a sample");
        table.Write(context.Out);
        if (_checksum == 0)
        {
            throw new InvalidOperationException("No date was computed.");
        }
    }

    /// <summary>Every day of the data's years whose deadline stays inside them.</summary>
    private static DateOnly[] StartDays(WorkingDayCalendar calendar, int days)
    {
        var starts = new List<DateOnly>();
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            try
            {
                calendar.AddWorkingDays(day, days);
                starts.Add(day);
            }
            catch (CalendarYearMissingException)
            {
                break;
            }
        }

        return [.. starts];
    }

    private async Task<Comparison> MeasureAsync(
        BenchContext context, DateOnly[] starts, Func<DateOnly, DateOnly> baseline, Func<DateOnly, DateOnly> subject, CancellationToken cancellationToken)
    {
        // Warm single passes first, then size the samples: a pass of the plain loop takes a few hundred nanoseconds
        // once optimized, near the timer's resolution, so both kinds of sample repeat passes to last about as long.
        await Sampler.WarmUpAsync(
            [_ => ValueTask.FromResult(Passes(starts, baseline, 1)), _ => ValueTask.FromResult(Passes(starts, subject, 1))],
            new Warmup(MinRounds: 20, MinTime: context.Choose(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)), MaxTime: TimeSpan.FromSeconds(5)),
            cancellationToken);
        var target = context.Choose(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));
        var baselinePasses = Sampler.RepetitionsFor(() => Pass(starts, baseline), target);
        var subjectPasses = Sampler.RepetitionsFor(() => Pass(starts, subject), target);

        return await Sampler.CompareAsync(
            _ => ValueTask.FromResult(Passes(starts, baseline, baselinePasses)),
            _ => ValueTask.FromResult(Passes(starts, subject, subjectPasses)),
            new Warmup(MinRounds: 5, MinTime: TimeSpan.Zero, MaxTime: TimeSpan.FromSeconds(3)),
            samples: context.Choose(150, 500),
            cancellationToken);
    }

    private int Passes(DateOnly[] starts, Func<DateOnly, DateOnly> operation, int passes)
    {
        for (var i = 0; i < passes; i++)
        {
            Pass(starts, operation);
        }

        return passes * starts.Length;
    }

    private void Pass(DateOnly[] starts, Func<DateOnly, DateOnly> operation)
    {
        long sum = 0;
        foreach (var start in starts)
        {
            sum += operation(start).DayNumber;
        }

        _checksum += sum;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
