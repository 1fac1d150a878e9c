using System.Globalization;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Apis;

/// <summary>One opening period as clients write it: <c>{day: "monday", opens: "09:00", closes: "17:00"}</c>.</summary>
public sealed record OpeningPeriodBody(string? Day, string? Opens, string? Closes)
{
    /// <summary>The API shape of stored hours.</summary>
    public static IReadOnlyList<OpeningPeriodBody> From(BusinessHours hours) => hours.Periods
        .Select(p => new OpeningPeriodBody(p.Day.ToString().ToLowerInvariant(), p.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), p.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>Parses periods and blackout dates; a message names the first bad value.</summary>
    public static (BusinessHours? Hours, IReadOnlyList<DateOnly>? Blackouts, string? Field, string? Problem) Parse(
        IReadOnlyList<OpeningPeriodBody>? periods, IReadOnlyList<string>? blackouts)
    {
        BusinessHours? hours = null;
        if (periods is not null)
        {
            var parsed = new List<OpeningPeriod>();
            foreach (var period in periods.Take(71))
            {
                if (period is null || !EnumText.TryParse<DayOfWeek>(period.Day, out var day)
                    || !TryTime(period.Opens, out var opens) || !TryTime(period.Closes, out var closes))
                {
                    return (null, null, "businessHours", "Each period is {day: monday..sunday, opens: \"HH:mm\", closes: \"HH:mm\"}.");
                }

                parsed.Add(new OpeningPeriod(day, opens, closes));
            }

            hours = new BusinessHours { Periods = parsed };
        }

        List<DateOnly>? dates = null;
        if (blackouts is not null)
        {
            dates = [];
            foreach (var text in blackouts.Take(1001))
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return (null, null, "blackouts", "Blackouts are local dates written yyyy-MM-dd.");
                }

                dates.Add(date);
            }
        }

        return (hours, dates, null, null);
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}

/// <summary>Body of <c>POST /reservations/series</c>.</summary>
public sealed record CreateSeriesRequest(
    string? ResourceId, DateTimeOffset? Start, DateTimeOffset? End, string? Rule, string? OnConflict, int? Quantity, string? Title, string? Notes);

/// <summary>Body of <c>POST /reservations/{id}/cancel-series</c>: scope <c>one</c>, <c>following</c> or <c>all</c>.</summary>
public sealed record CancelSeriesRequest(string? Scope, string? Reason);

/// <summary>Body of <c>PATCH /reservations/{id}</c>: only the fields present change.</summary>
public sealed record ChangeReservationRequest(DateTimeOffset? Start, DateTimeOffset? End, int? Quantity, string? Title, string? Notes);

/// <summary>A created series as the API shows it.</summary>
public sealed record SeriesView(Guid SeriesId, IReadOnlyList<ReservationView> Reservations, IReadOnlyList<SkippedView> Skipped);

/// <summary>An occurrence a series skipped, with the rule that refused it.</summary>
public sealed record SkippedView(DateTimeOffset Start, DateTimeOffset End, string Code);

/// <summary>Free slots of one local date.</summary>
public sealed record SlotsView(Guid ResourceId, string Date, string TimeZone, int DurationMinutes, IReadOnlyList<TimeRange> Slots);
