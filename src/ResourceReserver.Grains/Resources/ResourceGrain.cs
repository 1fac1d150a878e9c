using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Providers;
using Orleans.Storage;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

/// <summary>
/// One bookable resource. Non-reentrant except for <see cref="BookAsync"/>, which interleaves so concurrent
/// bookings share a write. Every decision still runs alone and synchronously on the in-memory state, and every
/// write goes through one single-flight writer (<see cref="DecisionQueue"/>), so the conflict check always sees
/// every decision before it and nobody is answered before the write holding their decision returned.
/// </summary>
public sealed partial class ResourceGrain : Grain, IResourceGrain, IRemindable
{
    private const string MaintenanceReminder = "maintenance-reset";
    private readonly TimeProvider _clock;
    private readonly IntervalIndex _index = new();
    private readonly NoFitMemo _noFit = new();
    private readonly DecisionQueue _decisions;

    // Capacity released by the decision being taken; each caller hands its own on once its write succeeded.
    private readonly List<TimeRange> _freedCapacity = [];

    /// <summary>Wires the write discipline; the index is rebuilt whenever state is re-read.</summary>
    public ResourceGrain(OutboxRelay relay, TimeProvider clock, ILogger<ResourceGrain> logger)
    {
        _clock = clock;
        _decisions = new DecisionQueue(this, relay, logger, OnReloadedAsync);
    }

    private ResourceLedger Ledger => _decisions.Ledger;

    private Guid ResourceId => this.GetPrimaryKey();

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The grain's own storage provider, used row by row: a header and segments instead of one whole state.
        await _decisions.LoadAsync(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        await OnReloadedAsync();
        if (Ledger.IsDirty)
        {
            // A migrated whole-state row or a header that missed a segment: write the repair before anything else.
            await _decisions.CommitAsync(() => Outcome<bool>.Ok(true));
        }

        _decisions.DeliverAll();
    }

    /// <inheritdoc />
    public Task<ResourceSnapshot?> GetAsync() =>
        Task.FromResult(Ledger.Resource is { Deleted: false } resource ? resource : null);

    /// <inheritdoc />
    public Task<Reservation?> GetReservationAsync(Guid reservationId) =>
        Task.FromResult(Ledger.Reservations.GetValueOrDefault(reservationId));

    /// <inheritdoc />
    public Task<IReadOnlyList<Reservation>> GetReservationsAsync() =>
        Task.FromResult<IReadOnlyList<Reservation>>(Ledger.Reservations.Values.OrderBy(r => r.Start).ToList());

    private Task OnReloadedAsync()
    {
        RebuildIndex();
        return Task.CompletedTask;
    }

    private void RebuildIndex()
    {
        // Rebuilt from scratch: after a failed write the index may hold bookings the store never saw.
        _index.Clear();
        foreach (var reservation in Ledger.Reservations.Values.Where(r => r.Status == ReservationStatus.Confirmed))
        {
            _index.Add(reservation.Id, Padding.Pad(reservation.Range), reservation.Quantity);
        }

        IndexHolds();
    }

    private void Record(string type, Actor? actor, Reservation? reservation = null, ResourceSnapshot? resource = null, string? detail = null) =>
        Ledger.Record(new DomainEvent
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
        List<TimeRange> freed = [];
        var offered = 0;
        var outcome = await _decisions.CommitAsync(() =>
        {
            // Decisions run one at a time; a decision taken again starts from scratch, so only its last take counts.
            _freedCapacity.Clear();
            var decided = decide();
            freed = [.. _freedCapacity];
            _freedCapacity.Clear();
            offered = decided.IsSuccess && freed.Count > 0 ? OfferFreedCapacity() : 0;
            return decided;
        });
        if (outcome.IsSuccess && freed.Count > 0)
        {
            await OnCapacityFreedAsync(freed);
        }

        if (outcome.IsSuccess && offered > 0)
        {
            await ScheduleHoldClockAsync();
        }

        return outcome;
    }

    /// <summary>Call from any decision that releases booked capacity (cancel, shorten, move, series deletion...).</summary>
    private void CapacityFreed(TimeRange range) => _freedCapacity.Add(range);

    private DomainError? MissingResource() =>
        Ledger.Resource is null or { Deleted: true }
            ? DomainError.NotFound("resource_not_found", $"Resource {ResourceId} does not exist.")
            : null;
}
