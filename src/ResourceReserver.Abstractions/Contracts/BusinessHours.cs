namespace ResourceReserver.Contracts;

/// <summary>Weekly opening hours in a resource's local time; a day without periods is closed.</summary>
[GenerateSerializer, Immutable, Alias("rr.BusinessHours")]
public sealed record BusinessHours
{
    /// <summary>Open all day, every day: what applies when nothing else is configured.</summary>
    public static BusinessHours AlwaysOpen { get; } = new()
    {
        Periods = Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, TimeOnly.MinValue, TimeOnly.MinValue)).ToList(),
    };

    /// <summary>The opening periods; several per day are allowed (a lunch break).</summary>
    [Id(0)] public IReadOnlyList<OpeningPeriod> Periods { get; init; } = [];
}

/// <summary>
/// One opening period on a weekday, local time. <c>Closes</c> of 00:00 means the end of that day (24:00),
/// so a period never crosses midnight; consecutive open days join up.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.OpeningPeriod")]
public sealed record OpeningPeriod(
    [property: Id(0)] DayOfWeek Day,
    [property: Id(1)] TimeOnly Opens,
    [property: Id(2)] TimeOnly Closes);
