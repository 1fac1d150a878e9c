using ResourceReserver.Scheduling;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// One resource's state in memory: what storage holds (head, reservations, holds, remembered answers) plus the
/// interval index over everything that blocks capacity. Decisions only read it; <see cref="Apply"/> is the one
/// way it changes, so memory and the commit that follows always describe the same change.
/// </summary>
internal sealed class ResourceBook
{
    private readonly Dictionary<Guid, Reservation> _reservations = [];
    private readonly Dictionary<Guid, Hold> _holds = [];
    private readonly Dictionary<string, RememberedAnswer> _answers = [];
    private ResourceCalendar? _calendar;

    /// <summary>Builds the state from what activation read.</summary>
    public ResourceBook(Guid id, ResourceRecord record, SchedulingDefaults defaults)
    {
        Id = id;
        Defaults = defaults;
        Version = record.Version;
        Resource = record.Resource;
        HoldTiming = record.HoldTiming;
        Demand = record.Demand;
        foreach (var row in record.Rows)
        {
            Keep(row);
        }

        foreach (var answer in record.Answers)
        {
            _answers[answer.Key] = answer;
        }

        RebuildIndex();
    }

    public Guid Id { get; }

    public SchedulingDefaults Defaults { get; }

    /// <summary>The version storage holds: the fence the next commit checks and bumps.</summary>
    public long Version { get; set; }

    public ResourceSnapshot? Resource { get; private set; }

    /// <summary>This resource's own hold timing, null for the defaults.</summary>
    public HoldTiming? HoldTiming { get; private set; }

    public HoldTiming Timing => HoldTiming ?? HoldTiming.Default;

    /// <summary>Waiting waitlist entries no offer covers yet, in queue order, as the waitlist last said.</summary>
    public IReadOnlyList<OfferCandidate> Demand { get; private set; }

    /// <summary>Confirmed reservations and cancelled ones that have not ended yet.</summary>
    public IReadOnlyDictionary<Guid, Reservation> Reservations => _reservations;

    /// <summary>Standing holds and waitlist offers.</summary>
    public IReadOnlyDictionary<Guid, Hold> Holds => _holds;

    public IReadOnlyDictionary<string, RememberedAnswer> Answers => _answers;

    /// <summary>Confirmed and pending-approval reservations (padded by the buffers) and holds: what a new booking must fit beside.</summary>
    public IntervalIndex Index { get; } = new();

    /// <summary>Where refusals found nothing to suggest; a cache, not state.</summary>
    public NoFitMemo NoFit { get; } = new();

    public Buffers Padding => Buffers.Of(Resource?.Details.Rules ?? BookingRules.Default);

    /// <summary>Business hours, blackouts and time zone; only for an existing resource.</summary>
    public ResourceCalendar Calendar => _calendar ??= ResourceCalendar.For(Resource!.Details, Defaults);

    /// <summary>The refusal for a resource that does not exist (or no longer does), else null.</summary>
    public DomainError? Missing() => Resource is null or { Deleted: true }
        ? DomainError.NotFound(ProblemCode.ResourceNotFound, $"Resource {Id} does not exist.")
        : null;

    /// <summary>
    /// Takes a decision on this state and applies it; capacity it freed is offered, in the same change, to waiting
    /// waitlist entries (<see cref="OfferDecisions.OfferFreed"/>). What the grain runs for every command.
    /// </summary>
    public Decided<T> Decide<T>(Func<ResourceBook, DateTimeOffset, Decided<T>> decide, DateTimeOffset now)
    {
        var decided = decide(this, now);
        Apply(decided.Changes);
        if (decided.Outcome.IsSuccess && decided.Changes.Freed.Count > 0 && Demand.Count > 0)
        {
            var offers = OfferDecisions.OfferFreed(this, now);
            Apply(offers);
            decided.Changes.Merge(offers);
        }

        return decided;
    }

    /// <summary>Makes a decision's changes part of the state.</summary>
    public void Apply(ResourceChanges changes)
    {
        var reindex = false;
        if (changes.Resource is { } resource)
        {
            reindex = Resource?.Details.Rules is not { } rules || Buffers.Of(rules) != Buffers.Of(resource.Details.Rules);
            Resource = resource;
            _calendar = null;
        }

        if (changes.Head is { } head)
        {
            HoldTiming = head.HoldTiming;
            Demand = head.Demand;
        }

        foreach (var row in changes.Rows)
        {
            Keep(row);
            if (!reindex)
            {
                Index.Remove(row.Reservation.Id);
                IndexRow(row.Reservation.Id);
            }
        }

        foreach (var answer in changes.Answers)
        {
            _answers[answer.Key] = answer;
        }

        if (changes.ForgetAnswersBefore is { } before)
        {
            foreach (var expired in _answers.Values.Where(a => a.ExpiresAt <= before).Select(a => a.Key).ToList())
            {
                _answers.Remove(expired);
            }
        }

        if (reindex)
        {
            RebuildIndex();
        }
    }

    private void Keep(ReservationRow row)
    {
        var id = row.Reservation.Id;
        _reservations.Remove(id);
        _holds.Remove(id);
        if (row.Role == RowRole.Reservation)
        {
            _reservations[id] = row.Reservation;
        }
        else if (row is { Role: RowRole.Hold, Hold: { } hold })
        {
            _holds[id] = hold;
        }
    }

    private void IndexRow(Guid id)
    {
        if (_reservations.TryGetValue(id, out var reservation) && reservation.Status is ReservationStatus.Confirmed or ReservationStatus.PendingApproval)
        {
            Index.Add(id, Padding.Pad(reservation.Range), reservation.Quantity);
        }
        else if (_holds.TryGetValue(id, out var hold))
        {
            Index.Add(id, hold.Range, hold.Quantity);
        }
    }

    private void RebuildIndex()
    {
        Index.Clear();
        foreach (var id in _reservations.Keys.Concat(_holds.Keys))
        {
            IndexRow(id);
        }
    }
}
