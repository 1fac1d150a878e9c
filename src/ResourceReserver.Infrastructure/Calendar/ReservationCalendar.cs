using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ResourceReserver.Contracts;
using IcalCalendar = Ical.Net.Calendar;

namespace ResourceReserver.Infrastructure.Calendar;

/// <summary>
/// Writes reservations as RFC 5545 iCalendar: times in the resource's zone with its VTIMEZONE, a UID that never
/// changes, SEQUENCE from the reservation's version (so calendars apply updates) and STATUS:CANCELLED.
/// </summary>
public static class ReservationCalendar
{
    /// <summary>The product id written into every calendar.</summary>
    public const string ProductId = "-//Resource Reserver//Resource Reserver//EN";

    /// <summary>The UID of a reservation's event; stable for its whole life.</summary>
    public static string Uid(Guid reservationId) => $"{reservationId}@resource-reserver";

    /// <summary>A calendar with one event per reservation; <paramref name="resources"/> supplies names and zones.</summary>
    public static string Write(IEnumerable<Reservation> reservations, IReadOnlyDictionary<Guid, ResourceSnapshot> resources, string name)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var zones = new HashSet<string>();
        foreach (var reservation in reservations)
        {
            resources.TryGetValue(reservation.ResourceId, out var resource);
            var zone = ZoneOf(resource);
            if (zone != "UTC" && zones.Add(zone))
            {
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, reservation.Start.UtcDateTime.AddYears(-1), includeHistoricalData: false));
            }

            calendar.Events.Add(ToEvent(reservation, resource, zone));
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent ToEvent(Reservation reservation, ResourceSnapshot? resource, string zone)
    {
        var resourceName = resource?.Details.Name ?? "Resource";
        return new CalendarEvent
        {
            Uid = Uid(reservation.Id),
            Sequence = (int)Math.Min(int.MaxValue, Math.Max(0, reservation.Version - 1)),
            Summary = string.IsNullOrWhiteSpace(reservation.Title) ? resourceName : $"{reservation.Title} ({resourceName})",
            Description = reservation.Notes,
            Location = resource?.Details.Location ?? resourceName,
            DtStart = InZone(reservation.Start, zone),
            DtEnd = InZone(reservation.End, zone),
            DtStamp = new CalDateTime(reservation.UpdatedAt.UtcDateTime, "UTC"),
            Created = new CalDateTime(reservation.CreatedAt.UtcDateTime, "UTC"),
            LastModified = new CalDateTime(reservation.UpdatedAt.UtcDateTime, "UTC"),
            Status = reservation.Status == ReservationStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = reservation.Status == ReservationStatus.Cancelled ? "TRANSPARENT" : "OPAQUE",
        };
    }

    private static CalDateTime InZone(DateTimeOffset instant, string zone)
    {
        if (zone == "UTC")
        {
            return new CalDateTime(instant.UtcDateTime, "UTC");
        }

        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private static string ZoneOf(ResourceSnapshot? resource)
    {
        var zone = resource?.Details.TimeZone;
        if (string.IsNullOrEmpty(zone) || zone is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : "UTC";
    }
}
