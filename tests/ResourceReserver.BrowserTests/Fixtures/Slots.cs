namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>Times the tests book: local wall-clock times of the resources' zone, some days ahead.</summary>
public static class Slots
{
    /// <summary>The zone every test resource uses.</summary>
    public const string Zone = "Europe/Madrid";

    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    /// <summary>The local date <paramref name="days"/> days from today in <see cref="Zone"/>.</summary>
    public static DateOnly Day(int days) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Madrid).DateTime).AddDays(days);

    /// <summary>The instant of <paramref name="hour"/>:00 on <paramref name="day"/> in <see cref="Zone"/>.</summary>
    public static DateTimeOffset At(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0));
        return new DateTimeOffset(local, Madrid.GetUtcOffset(local));
    }

    /// <summary>A new resource body: always open, in <see cref="Zone"/>.</summary>
    public static object Resource(string name, int capacity = 1, string[]? tags = null, Guid? groupId = null) =>
        new { name, capacity, timeZone = Zone, tags = tags ?? ["room"], location = "Floor 2", description = "A quiet room with a screen.", groupId };
}
