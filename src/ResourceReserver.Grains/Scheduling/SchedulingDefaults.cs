namespace ResourceReserver.Scheduling;

/// <summary>Global scheduling settings (configuration section <c>Scheduling</c>) every resource falls back to.</summary>
public sealed class SchedulingDefaults
{
    /// <summary>Default weekly opening hours; empty means open around the clock.</summary>
    public List<OpeningPeriodSetting> BusinessHours { get; set; } = [];

    /// <summary>Dates closed everywhere (public holidays), as local dates of each resource.</summary>
    public List<DateOnly> Blackouts { get; set; } = [];

    /// <summary>The default hours as a contract value.</summary>
    public BusinessHours ToBusinessHours() => BusinessHours.Count == 0
        ? Contracts.BusinessHours.AlwaysOpen
        : new Contracts.BusinessHours { Periods = BusinessHours.Select(p => new OpeningPeriod(p.Day, p.Opens, p.Closes)).ToList() };
}

/// <summary>One opening period as configuration binds it.</summary>
public sealed class OpeningPeriodSetting
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}
