using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace ResourceReserver.Scheduling;

/// <summary>
/// Expands an RFC 5545 RRULE with Ical.Net over floating local times, then maps each occurrence to instants
/// in the resource's zone: a weekly 09:00 stays 09:00 local on both sides of a DST change.
/// </summary>
public static class RecurrenceExpander
{
    /// <summary>Most occurrences one series may have.</summary>
    public const int MaxOccurrences = 365;

    /// <summary>The occurrences of the series, first one included when the rule matches it; or why not.</summary>
    public static Outcome<IReadOnlyList<TimeRange>> Expand(string rule, TimeRange first, ResourceCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(rule) || rule.Length > 500)
        {
            return DomainError.Invalid(ProblemCode.InvalidRrule, "rule must be an RRULE value such as FREQ=WEEKLY;COUNT=10.");
        }

        var localStart = Instant.FromDateTimeOffset(first.Start).InZone(calendar.Zone).LocalDateTime;
        var localEnd = Instant.FromDateTimeOffset(first.End).InZone(calendar.Zone).LocalDateTime;
        var length = NodaTime.Period.Between(localStart, localEnd);
        List<DateTime> starts;
        try
        {
            var pattern = new RecurrencePattern(rule.Trim().StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase) ? rule.Trim()[6..] : rule.Trim());
            var template = new CalendarEvent
            {
                // Floating (zone-less) times: recurrence is pure local wall-clock arithmetic.
                DtStart = new CalDateTime(localStart.ToDateTimeUnspecified()),
                Duration = Ical.Net.DataTypes.Duration.FromSeconds(1),
                RecurrenceRule = pattern,
            };
            starts = template.GetOccurrences().Take(MaxOccurrences + 1).Select(o => o.Period.StartTime.Value).ToList();
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return DomainError.Invalid(ProblemCode.InvalidRrule, $"The RRULE cannot be read: {exception.Message}");
        }

        if (starts.Count > MaxOccurrences)
        {
            return DomainError.Invalid(ProblemCode.SeriesTooLong, $"A series may have at most {MaxOccurrences} occurrences; add COUNT or UNTIL.");
        }

        if (starts.Count == 0)
        {
            return DomainError.Invalid(ProblemCode.SeriesEmpty, "The RRULE yields no occurrence.");
        }

        var occurrences = new List<TimeRange>(starts.Count);
        foreach (var start in starts)
        {
            var local = LocalDateTime.FromDateTime(start);
            occurrences.Add(new TimeRange(calendar.ToInstant(local), calendar.ToInstant(local + length)));
        }

        return Outcome<IReadOnlyList<TimeRange>>.Ok(occurrences);
    }
}
