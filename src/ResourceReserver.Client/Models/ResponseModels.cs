namespace ResourceReserver.Client.Models;

// Read models of answers the server builds from its own (Orleans or read-store) types, which cannot move here.
// The CLI tests deserialize real answers into these with unknown members refused, so a drift fails a test.

/// <summary>A cursor-paginated list: <c>{ items, nextCursor }</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>A half-open range of instants as the API writes it.</summary>
public sealed record TimeSlot(DateTimeOffset Start, DateTimeOffset End, TimeSpan? Duration = null);

/// <summary>Busy and free intervals of a resource over a window.</summary>
public sealed record AvailabilityView(Guid ResourceId, DateTimeOffset From, DateTimeOffset Until, IReadOnlyList<BusyInterval> Busy, IReadOnlyList<TimeSlot> Free);

/// <summary>A fully booked interval; reservation ids only for administrators.</summary>
public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> ReservationIds);

/// <summary>Free slots of one local date of a resource.</summary>
public sealed record SlotsView(Guid ResourceId, string Date, string TimeZone, int DurationMinutes, IReadOnlyList<TimeSlot> Slots);

/// <summary>Resources by what they can do right now.</summary>
public sealed record AvailabilitySummary(int Total, int AvailableNow, int InUse, int Unavailable);

/// <summary>A tag and how many resources carry it.</summary>
public sealed record TagCount(string Tag, int Count);

/// <summary>One event in a reservation's history.</summary>
public sealed record HistoryEntry(Guid EventId, string Type, DateTimeOffset OccurredAt, Guid? ActorId, string? Detail, string? Status);

/// <summary>The signed-in user's profile.</summary>
public sealed record UserProfile(
    Guid Id,
    string Username,
    string? Email,
    IReadOnlyList<string> Roles,
    NotificationPreferences Preferences,
    DateTimeOffset CreatedAt,
    long Version,
    string Status = "active",
    bool MfaEnabled = false,
    DateTimeOffset? LastLoginAt = null);

/// <summary>How a user wants to be told about their bookings.</summary>
public sealed record NotificationPreferences(bool EmailNotifications, IReadOnlyList<int> ReminderLeadTimesHours, string Language = "en");

/// <summary>A resource's hold and offer durations (ISO 8601, e.g. <c>PT30M</c>).</summary>
public sealed record HoldTiming(TimeSpan HoldDuration, TimeSpan OfferWindow);

/// <summary>One entry of the in-app notification feed.</summary>
public sealed record Notification(
    Guid Id, Guid UserId, string Kind, string Title, string Body, Guid? ReservationId, Guid? ResourceId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>A notification as pushed live over <c>/hubs/live</c>.</summary>
public sealed record LiveNotification(Guid Id, Guid UserId, string Kind, string Title, string Body, Guid? ReservationId, Guid? ResourceId, DateTimeOffset CreatedAt);
