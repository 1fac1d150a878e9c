using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Resources;

/// <summary>
/// The in-memory view of a resource's stored rows: its segments merged into one set of reservations, holds,
/// idempotent answers and the resource's current details. Every change a decision makes lands in the open
/// segment, so one write of one row commits a whole batch of decisions and that row's version check fences it.
/// </summary>
internal sealed partial class ResourceLedger
{
    private readonly Dictionary<Guid, Reservation> _reservations = [];
    private readonly Dictionary<Guid, Hold> _holds = [];

    // The segment holding each entity's newest copy or tombstone. Reservations and holds are kept apart: a
    // confirmed hold becomes a reservation under the same id.
    private readonly Dictionary<Guid, int> _reservationHome = [];
    private readonly Dictionary<Guid, int> _holdHome = [];
    private readonly Dictionary<string, int> _answerHome = [];

    // Refusals remembered while no segment is open: memos that may be lost, like any unpersisted refusal.
    private readonly Dictionary<string, IdempotentAnswer> _looseAnswers = [];
    private ResourceSnapshot? _resource;
    private HoldTiming? _holdTiming;
    private IReadOnlyList<OfferCandidate> _demand = [];

    public ResourceSnapshot? Resource
    {
        get => _resource;
        set
        {
            _resource = value;
            Open().State.Resource = value;
        }
    }

    public HoldTiming? HoldTiming
    {
        get => _holdTiming;
        set
        {
            _holdTiming = value;
            Open().State.HoldTiming = value;
        }
    }

    /// <summary>Waiting waitlist entries no offer covers yet, in queue order (see <see cref="ReservationSegment.Demand"/>).</summary>
    public IReadOnlyList<OfferCandidate> Demand
    {
        get => _demand;
        set
        {
            _demand = [.. value];
            Open().State.Demand = [.. value];
        }
    }

    /// <summary>Confirmed and recently cancelled reservations that have not ended yet, from every segment.</summary>
    public IReadOnlyDictionary<Guid, Reservation> Reservations => _reservations;

    /// <summary>Standing holds and waitlist offers; they block capacity like confirmed reservations.</summary>
    public IReadOnlyDictionary<Guid, Hold> Holds => _holds;

    public void PutReservation(Reservation reservation) =>
        Put(reservation.Id, reservation, _reservations, _reservationHome, s => s.Reservations, s => s.RemovedReservations);

    public void RemoveReservation(Guid id) =>
        Remove(id, _reservations, _reservationHome, s => s.Reservations, s => s.RemovedReservations);

    public void PutHold(Hold hold) =>
        Put(hold.Id, hold, _holds, _holdHome, s => s.Holds, s => s.RemovedHolds);

    public void RemoveHold(Guid id) =>
        Remove(id, _holds, _holdHome, s => s.Holds, s => s.RemovedHolds);

    /// <summary>Records an event in the open segment, with the decision it belongs to.</summary>
    public void Record(DomainEvent domainEvent) => Open().State.Outbox.Add(domainEvent);

    public bool TryGetAnswer(string key, out IdempotentAnswer answer)
    {
        if (_answerHome.TryGetValue(key, out var number) && _segments.TryGetValue(number, out var segment)
            && segment.State.Answers.TryGetValue(key, out answer!))
        {
            return true;
        }

        return _looseAnswers.TryGetValue(key, out answer!);
    }

    /// <summary>
    /// Remembers a first answer in the open segment, so the write of the reservation it created persists both. A
    /// refusal changes nothing: it rides along with the open segment's next write, or stays in memory if none is open.
    /// </summary>
    public void RememberAnswer(string key, IdempotentAnswer answer, Guid? createdId)
    {
        ForgetAnswer(key);
        int? number = createdId is not null ? OpenNumber() : _open;
        if (number is not { } home)
        {
            _looseAnswers[key] = answer;
            return;
        }

        _segments[home].State.Answers[key] = answer;
        _answerHome[key] = home;
    }

    /// <summary>Drops expired answers from memory only; each segment persists the shorter list with its next write.</summary>
    public void PruneAnswers(DateTimeOffset now)
    {
        foreach (var segment in _segments.Values)
        {
            foreach (var stale in segment.State.Answers.Where(a => a.Value.ExpiresAt <= now).Select(a => a.Key).ToList())
            {
                segment.State.Answers.Remove(stale);
                _answerHome.Remove(stale);
            }
        }

        foreach (var stale in _looseAnswers.Where(a => a.Value.ExpiresAt <= now).Select(a => a.Key).ToList())
        {
            _looseAnswers.Remove(stale);
        }
    }

    private void ForgetAnswer(string key)
    {
        _looseAnswers.Remove(key);
        if (_answerHome.Remove(key, out var number) && _segments.TryGetValue(number, out var segment))
        {
            segment.State.Answers.Remove(key);
        }
    }

    /// <summary>Writes the entity's newest copy into the open segment; an older copy in a sealed segment is tidied away after.</summary>
    private void Put<T>(
        Guid id,
        T entry,
        Dictionary<Guid, T> view,
        Dictionary<Guid, int> home,
        Func<ReservationSegment, Dictionary<Guid, T>> entries,
        Func<ReservationSegment, HashSet<Guid>> removed)
    {
        var open = OpenNumber();
        if (home.TryGetValue(id, out var old) && old != open)
        {
            TidyAway(old, id, entries, removed);
        }

        entries(_segments[open].State)[id] = entry;
        removed(_segments[open].State).Remove(id);
        view[id] = entry;
        home[id] = open;
    }

    /// <summary>
    /// Removes the entity. While an older row may still hold a copy of it in storage, a tombstone in the open
    /// segment keeps that copy from coming back; without one, the removal alone is the change.
    /// </summary>
    private void Remove<T>(
        Guid id,
        Dictionary<Guid, T> view,
        Dictionary<Guid, int> home,
        Func<ReservationSegment, Dictionary<Guid, T>> entries,
        Func<ReservationSegment, HashSet<Guid>> removed)
    {
        if (!view.Remove(id))
        {
            return;
        }

        var open = OpenNumber();
        if (home.Remove(id, out var old) && old != open)
        {
            TidyAway(old, id, entries, removed);
        }

        entries(_segments[open].State).Remove(id);
        if (_segments.Any(s => s.Key != open && s.Value.Persisted is { } stored && (entries(stored).ContainsKey(id) || removed(stored).Contains(id))))
        {
            removed(_segments[open].State).Add(id);
            home[id] = open;
        }
    }

    /// <summary>Merges one segment read from storage; a copy in a higher segment replaces (and tidies away) a lower one.</summary>
    private void Index(int number, ReservationSegment segment)
    {
        Merge(number, segment.Reservations, segment.RemovedReservations, _reservations, _reservationHome, s => s.Reservations, s => s.RemovedReservations);
        Merge(number, segment.Holds, segment.RemovedHolds, _holds, _holdHome, s => s.Holds, s => s.RemovedHolds);
        foreach (var key in segment.Answers.Keys)
        {
            _answerHome[key] = number;
        }

        if (segment.Resource is not null)
        {
            _resource = segment.Resource;
            _holdTiming = segment.HoldTiming;
            _demand = segment.Demand ?? [];
        }
    }

    private void Merge<T>(
        int number,
        Dictionary<Guid, T> copies,
        HashSet<Guid> tombstones,
        Dictionary<Guid, T> view,
        Dictionary<Guid, int> home,
        Func<ReservationSegment, Dictionary<Guid, T>> entries,
        Func<ReservationSegment, HashSet<Guid>> removed)
    {
        foreach (var id in copies.Keys.Concat(tombstones).ToList())
        {
            if (home.TryGetValue(id, out var older) && older != number)
            {
                TidyAway(older, id, entries, removed);
            }

            home[id] = number;
            if (copies.TryGetValue(id, out var copy))
            {
                view[id] = copy;
            }
            else
            {
                view.Remove(id);
            }
        }
    }
}
