using Orleans.Concurrency;
using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>One bookable resource: the single writer of its reservations, so conflict checks need no lock.</summary>
[Alias("rr.IResourceGrain")]
public interface IResourceGrain : IGrainWithGuidKey
{
    /// <summary>Creates the resource; fails if it already exists.</summary>
    [Alias("Create")]
    Task<Outcome<ResourceSnapshot>> CreateAsync(ResourceDetails details, Actor actor);

    /// <summary>The resource, or null when it does not exist or was deleted.</summary>
    [Alias("Get"), ReadOnly]
    Task<ResourceSnapshot?> GetAsync();

    /// <summary>Applies a partial update; capacity may not drop below what is already booked.</summary>
    [Alias("Update")]
    Task<Outcome<ResourceSnapshot>> UpdateAsync(ResourcePatch patch, Actor actor);

    /// <summary>Deletes the resource and cancels its future reservations.</summary>
    [Alias("Delete")]
    Task<Outcome<ResourceSnapshot>> DeleteAsync(Actor actor);

    /// <summary>Enables, disables or puts the resource into maintenance, optionally resetting by itself.</summary>
    [Alias("SetStatus")]
    Task<Outcome<ResourceSnapshot>> SetStatusAsync(ResourceStatus status, TimeSpan? autoResetAfter, Actor actor);

    /// <summary>Validates, checks conflicts, commits, and only then confirms.</summary>
    /// <remarks>
    /// Interleaves so concurrent bookings can share one commit (group commit); the grain still decides them one
    /// after another in memory and has one commit in flight at a time.
    /// </remarks>
    [Alias("Book")]
    [AlwaysInterleave]
    Task<Outcome<Reservation>> BookAsync(BookingRequest request);

    /// <summary>Cancels a reservation of this resource if the actor owns it or is an administrator.</summary>
    [Alias("Cancel")]
    Task<Outcome<Reservation>> CancelAsync(Guid reservationId, Actor actor, string? reason);

    /// <summary>One reservation held by this grain (active or future), or null.</summary>
    [Alias("GetReservation"), ReadOnly]
    Task<Reservation?> GetReservationAsync(Guid reservationId);

    /// <summary>All reservations the grain holds, including cancelled ones not yet archived.</summary>
    [Alias("GetReservations"), ReadOnly]
    Task<IReadOnlyList<Reservation>> GetReservationsAsync();

    /// <summary>Busy and free intervals in a window.</summary>
    [Alias("GetAvailability"), ReadOnly]
    Task<Outcome<AvailabilityView>> GetAvailabilityAsync(DateTimeOffset from, DateTimeOffset until, bool includeOwners);

    /// <summary>Books every occurrence of a recurring series in one decision and one commit.</summary>
    [Alias("BookSeries")]
    Task<Outcome<SeriesResult>> BookSeriesAsync(SeriesRequest request);

    /// <summary>Cancels one occurrence, it and the following ones, or the whole series.</summary>
    [Alias("CancelSeries")]
    Task<Outcome<IReadOnlyList<Reservation>>> CancelSeriesAsync(Guid reservationId, SeriesScope scope, Actor actor, string? reason);

    /// <summary>Moves or resizes a reservation atomically: it either changes completely or not at all.</summary>
    [Alias("ChangeReservation")]
    Task<Outcome<Reservation>> ChangeReservationAsync(Guid reservationId, ReservationChange change, Actor actor);

    /// <summary>Free slots of a length on a local date of the resource, inside its business hours.</summary>
    [Alias("GetSlots"), ReadOnly]
    Task<Outcome<SlotList>> GetSlotsAsync(DateOnly date, TimeSpan duration, int quantity);

    /// <summary>The earliest bookable range of a length, or null when none lies within the horizon.</summary>
    [Alias("GetNextAvailable"), ReadOnly]
    Task<Outcome<TimeRange?>> GetNextAvailableAsync(TimeSpan duration, int quantity, DateTimeOffset? after);

    /// <summary>Completes ended reservations and drops them from the state; the expiry reminder calls it.</summary>
    [Alias("CompleteEnded")]
    Task<int> CompleteEndedAsync();

    /// <summary>Approves a request pending approval: it becomes confirmed, on the capacity it already held.</summary>
    [Alias("Approve")]
    Task<Outcome<Reservation>> ApproveAsync(Guid reservationId, Actor actor, string? message);

    /// <summary>Rejects a request pending approval; its capacity is offered to the waitlist.</summary>
    [Alias("Reject")]
    Task<Outcome<Reservation>> RejectAsync(Guid reservationId, Actor actor, string? message);
}
