using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// One bookable resource; it only orchestrates. Decisions are pure functions in plain classes
/// (<see cref="BookingDecisions"/>, <see cref="SeriesDecisions"/>, <see cref="HoldDecisions"/>, <see cref="ApprovalDecisions"/>,
/// <see cref="OfferDecisions"/>, <see cref="ResourceDecisions"/>) run one after another on the state in memory;
/// <see cref="ResourceCommitQueue"/> stores them, a batch per transaction, before anyone is answered. Non-reentrant
/// except for <see cref="BookAsync"/>, which interleaves so concurrent bookings share a commit.
/// </summary>
public sealed partial class ResourceGrain : Grain, IResourceGrain, IResourceHoldsGrain, IRemindable
{
    private readonly TimeProvider _clock;
    private readonly ResourceCommitQueue _commits;

    /// <summary>Wires the commit queue to the resource store.</summary>
    public ResourceGrain(IResourceStore store, TimeProvider clock, IServiceProvider services, ILogger<ResourceGrain> logger)
    {
        _clock = clock;
        var defaults = services.GetService<IOptions<SchedulingDefaults>>()?.Value ?? new SchedulingDefaults();
        _commits = new ResourceCommitQueue(this.GetPrimaryKey(), store, defaults, logger, DeactivateOnIdle);
    }

    private ResourceBook Book => _commits.Book;

    private Guid ResourceId => this.GetPrimaryKey();

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _commits.LoadAsync();

        // Holds due while nobody was active lapse now rather than at the reminder's next tick.
        ArmHoldTimer();
    }

    /// <inheritdoc />
    public Task<ResourceSnapshot?> GetAsync() =>
        Task.FromResult(Book.Resource is { Deleted: false } resource ? resource : null);

    /// <inheritdoc />
    public Task<Reservation?> GetReservationAsync(Guid reservationId) =>
        Task.FromResult(Book.Reservations.GetValueOrDefault(reservationId));

    /// <inheritdoc />
    public Task<IReadOnlyList<Reservation>> GetReservationsAsync() =>
        Task.FromResult<IReadOnlyList<Reservation>>(Book.Reservations.Values.OrderBy(r => r.Start).ToList());

    /// <inheritdoc />
    public Task<Outcome<AvailabilityView>> GetAvailabilityAsync(DateTimeOffset from, DateTimeOffset until, bool includeOwners) =>
        Task.FromResult(ResourceSchedule.Availability(Book, from, until, includeOwners));

    /// <inheritdoc />
    public Task<Outcome<SlotList>> GetSlotsAsync(DateOnly date, TimeSpan duration, int quantity) =>
        Task.FromResult(ResourceSchedule.Slots(Book, date, duration, quantity, Now));

    /// <inheritdoc />
    public Task<Outcome<TimeRange?>> GetNextAvailableAsync(TimeSpan duration, int quantity, DateTimeOffset? after) =>
        Task.FromResult(ResourceSchedule.NextAvailable(Book, duration, quantity, after, Now));

    /// <inheritdoc />
    public Task<Hold?> GetHoldAsync(Guid holdId) => Task.FromResult(Book.Holds.GetValueOrDefault(holdId));

    /// <inheritdoc />
    public Task<HoldTiming> GetHoldTimingAsync() => Task.FromResult(Book.Timing);

    /// <summary>
    /// Decides on the state in memory, applies the change, offers any capacity it freed to waiting waitlist
    /// entries in the same change, and answers once the commit holding it is stored. After the commit: the waitlist
    /// is told about freed capacity, and the hold clock follows the new state.
    /// </summary>
    private async Task<Outcome<T>> DecideAsync<T>(Func<ResourceBook, DateTimeOffset, Decided<T>> decide)
    {
        var decided = await _commits.SubmitAsync(book => book.Decide(decide, Now));
        if (decided.Outcome.IsSuccess)
        {
            if (decided.Changes.Freed.Count > 0)
            {
                // One-way, so the waitlist may call back into this grain. A poke lost in a crash is made up by the
                // waitlist's own reconciling reminder: freed capacity is offered late at worst, never forgotten.
                await GrainFactory.GetGrain<IWaitlistGrain>(ResourceId).CapacityFreedAsync();
            }

            await ScheduleHoldClockAsync();
        }

        return decided.Outcome;
    }
}
