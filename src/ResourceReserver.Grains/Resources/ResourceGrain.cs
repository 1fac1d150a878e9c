using Microsoft.Extensions.Logging;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

/// <summary>
/// One bookable resource. Non-reentrant: requests run one at a time, so the conflict check and the write that
/// confirms a booking can never interleave with another booking of the same resource.
/// </summary>
public sealed partial class ResourceGrain : Grain, IResourceGrain, IRemindable
{
    private const string MaintenanceReminder = "maintenance-reset";
    private readonly IPersistentState<ResourceState> _state;
    private readonly TimeProvider _clock;
    private readonly IntervalIndex _index = new();
    private readonly StateCommitter<ResourceState> _committer;

    // Capacity released by the decision being committed; handed on (to the waitlist) only once the write succeeded.
    private readonly List<TimeRange> _freedCapacity = [];

    /// <summary>Wires the write discipline; the index is rebuilt whenever state is re-read.</summary>
    public ResourceGrain(
        [PersistentState("resource")] IPersistentState<ResourceState> state,
        OutboxRelay relay,
        TimeProvider clock,
        ILogger<ResourceGrain> logger)
    {
        _state = state;
        _clock = clock;
        _committer = new StateCommitter<ResourceState>(this, state, relay, logger, RebuildIndex);
    }

    private Guid ResourceId => this.GetPrimaryKey();

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RebuildIndex();
        await _committer.DeliverOutboxAsync();
    }

    /// <inheritdoc />
    public Task<ResourceSnapshot?> GetAsync() =>
        Task.FromResult(_state.State.Resource is { Deleted: false } resource ? resource : null);

    /// <inheritdoc />
    public Task<Reservation?> GetReservationAsync(Guid reservationId) =>
        Task.FromResult(_state.State.Reservations.GetValueOrDefault(reservationId));

    /// <inheritdoc />
    public Task<IReadOnlyList<Reservation>> GetReservationsAsync() =>
        Task.FromResult<IReadOnlyList<Reservation>>(_state.State.Reservations.Values.OrderBy(r => r.Start).ToList());

    private void RebuildIndex()
    {
        // Rebuilt from scratch: after a failed write the index may hold bookings the store never saw.
        _index.Clear();
        foreach (var reservation in _state.State.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed))
        {
            _index.Add(reservation.Id, Padding.Pad(reservation.Range), reservation.Quantity);
        }

        IndexHolds();
    }

    private void Record(string type, Actor? actor, Reservation? reservation = null, ResourceSnapshot? resource = null, string? detail = null) =>
        _committer.Record(new DomainEvent
        {
            Type = type,
            OccurredAt = Now,
            ActorId = actor?.UserId,
            Reservation = reservation,
            Resource = resource,
            Detail = detail,
        });

    private async Task<Outcome<T>> CommitAsync<T>(Func<Outcome<T>> decide)
    {
        _freedCapacity.Clear();
        var outcome = await _committer.CommitAsync(() =>
        {
            // A retried decision starts from scratch, so only the committed attempt's releases count.
            _freedCapacity.Clear();
            return decide();
        });
        if (outcome.IsSuccess && _freedCapacity.Count > 0)
        {
            var freed = _freedCapacity.ToList();
            _freedCapacity.Clear();
            await OnCapacityFreedAsync(freed);
        }

        return outcome;
    }

    /// <summary>Call from any decision that releases booked capacity (cancel, shorten, move, series deletion...).</summary>
    private void CapacityFreed(TimeRange range) => _freedCapacity.Add(range);

    private DomainError? MissingResource() =>
        _state.State.Resource is null or { Deleted: true }
            ? DomainError.NotFound("resource_not_found", $"Resource {ResourceId} does not exist.")
            : null;
}
