using NodaTime;
using NodaTime.TimeZones;
using NodaTime.Utility;

namespace ResourceReserver.Scheduling;

/// <summary>
/// A resource's local calendar: its IANA zone, weekly opening hours and blackout dates. Local times are mapped
/// to instants with NodaTime's lenient resolver (a time skipped by DST moves forward, an ambiguous one takes the
/// earlier instant), so every rule stays right across DST changes. Pure: no clock, no I/O.
/// </summary>
public sealed class ResourceCalendar
{
    private readonly ILookup<IsoDayOfWeek, OpeningPeriod> _periods;
    private readonly HashSet<LocalDate> _blackouts;

    /// <summary>Builds a calendar from a zone, hours and blackout dates.</summary>
    public ResourceCalendar(DateTimeZone zone, BusinessHours hours, IEnumerable<DateOnly> blackouts)
    {
        Zone = zone;
        _periods = hours.Periods.ToLookup(p => BclConversions.ToIsoDayOfWeek(p.Day));
        _blackouts = blackouts.Select(LocalDate.FromDateOnly).ToHashSet();
    }

    /// <summary>The resource's zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The calendar of a resource: its own hours or the global default, its own and the global blackouts.</summary>
    public static ResourceCalendar For(ResourceDetails details, SchedulingDefaults defaults) => new(
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(details.TimeZone) ?? DateTimeZone.Utc,
        details.BusinessHours ?? defaults.ToBusinessHours(),
        details.Blackouts.Concat(defaults.Blackouts));

    /// <summary>The local date an instant falls on.</summary>
    public LocalDate DateOf(DateTimeOffset instant) => Instant.FromDateTimeOffset(instant).InZone(Zone).Date;

    /// <summary>The instant a local date and time maps to.</summary>
    public DateTimeOffset ToInstant(LocalDateTime local) =>
        Zone.ResolveLocal(local, Resolvers.LenientResolver).ToDateTimeOffset().ToUniversalTime();

    /// <summary>True when the local date is closed by a blackout.</summary>
    public bool IsBlackout(LocalDate date) => _blackouts.Contains(date);

    /// <summary>Opening intervals of one local date (none on a blackout date), ordered, as instants.</summary>
    public IEnumerable<TimeRange> OpenOn(LocalDate date)
    {
        if (IsBlackout(date))
        {
            yield break;
        }

        foreach (var period in _periods[date.DayOfWeek].OrderBy(p => p.Opens))
        {
            var opens = ToInstant(date + LocalTime.FromTimeOnly(period.Opens));
            var closes = period.Closes == TimeOnly.MinValue
                ? ToInstant(date.PlusDays(1).AtMidnight())
                : ToInstant(date + LocalTime.FromTimeOnly(period.Closes));
            if (opens < closes)
            {
                yield return new TimeRange(opens, closes);
            }
        }
    }

    /// <summary>Opening intervals touching the window, joined where they meet (across midnight too).</summary>
    public IReadOnlyList<TimeRange> OpenDuring(TimeRange window)
    {
        var merged = new List<TimeRange>();
        for (var date = DateOf(window.Start).PlusDays(-1); date <= DateOf(window.End).PlusDays(1); date = date.PlusDays(1))
        {
            foreach (var open in OpenOn(date).Where(o => o.End > window.Start && o.Start < window.End))
            {
                if (merged.Count > 0 && merged[^1].End >= open.Start)
                {
                    merged[^1] = new TimeRange(merged[^1].Start, open.End > merged[^1].End ? open.End : merged[^1].End);
                }
                else
                {
                    merged.Add(open);
                }
            }
        }

        return merged;
    }

    /// <summary>Null when the range lies on no blackout date and inside one stretch of opening hours.</summary>
    public DomainError? Check(TimeRange range)
    {
        for (var date = DateOf(range.Start); date <= DateOf(range.End.AddTicks(-1)); date = date.PlusDays(1))
        {
            if (IsBlackout(date))
            {
                return DomainError.Invalid(ProblemCode.BlackoutDate, $"The resource is closed on {date:yyyy-MM-dd}.");
            }
        }

        return OpenDuring(range).Any(o => o.Start <= range.Start && range.End <= o.End)
            ? null
            : DomainError.Invalid(ProblemCode.OutsideBusinessHours, "The booking lies outside the resource's business hours.");
    }
}
