using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Resources;

/// <summary>
/// The in-memory view of a resource's stored rows: the header plus its reservation segments, merged into one
/// set of reservations, holds and idempotent answers. Every change marks the row it belongs to, so a flush
/// writes only the rows a batch of decisions touched; a booking touches one.
/// </summary>
internal sealed partial class ResourceLedger
{
    private readonly Dictionary<Guid, Reservation> _reservations = [];
    private readonly Dictionary<Guid, Hold> _holds = [];

    // Where each reservation or hold lives. Kept after removal, so its closing event lands in the same row.
    private readonly Dictionary<Guid, int> _home = [];
    private readonly Dictionary<string, int> _answerHome = [];

    // Refusals remembered while no segment is open: memos that may be lost, like any unpersisted refusal.
    private readonly Dictionary<string, IdempotentAnswer> _looseAnswers = [];

    public ResourceSnapshot? Resource
    {
        get => _header.State.Resource;
        set
        {
            _header.State.Resource = value;
            _headerDirty = true;
        }
    }

    public HoldTiming? HoldTiming
    {
        get => _header.State.HoldTiming;
        set
        {
            _header.State.HoldTiming = value;
            _headerDirty = true;
        }
    }

    /// <summary>Confirmed and recently cancelled reservations that have not ended yet, from every segment.</summary>
    public IReadOnlyDictionary<Guid, Reservation> Reservations => _reservations;

    /// <summary>Standing holds and waitlist offers; they block capacity like confirmed reservations.</summary>
    public IReadOnlyDictionary<Guid, Hold> Holds => _holds;

    public void PutReservation(Reservation reservation)
    {
        var number = HomeOf(reservation.Id);
        _segments[number].State.Reservations[reservation.Id] = reservation;
        _reservations[reservation.Id] = reservation;
        _dirtySegments.Add(number);
    }

    public void RemoveReservation(Guid id)
    {
        _reservations.Remove(id);
        if (LiveHomeNumber(id) is { } number && _segments[number].State.Reservations.Remove(id))
        {
            _dirtySegments.Add(number);
        }
    }

    public void PutHold(Hold hold)
    {
        var number = HomeOf(hold.Id);
        _segments[number].State.Holds[hold.Id] = hold;
        _holds[hold.Id] = hold;
        _dirtySegments.Add(number);
    }

    public void RemoveHold(Guid id)
    {
        _holds.Remove(id);
        if (LiveHomeNumber(id) is { } number && _segments[number].State.Holds.Remove(id))
        {
            _dirtySegments.Add(number);
        }
    }

    /// <summary>Records an event in the row of the entity it describes (the header for resource-level events).</summary>
    public void Record(DomainEvent domainEvent, Guid? entityId)
    {
        if (entityId is { } id && LiveHomeNumber(id) is { } number)
        {
            _segments[number].State.Outbox.Add(domainEvent);
            _dirtySegments.Add(number);
            return;
        }

        _header.State.Outbox.Add(domainEvent);
        _headerDirty = true;
    }

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
    /// Remembers a first answer next to the reservation it created, so one write persists both. A refusal goes to
    /// the open segment without marking it: it changes nothing and is persisted with that segment's next write.
    /// </summary>
    public void RememberAnswer(string key, IdempotentAnswer answer, Guid? createdId)
    {
        ForgetAnswer(key);
        var number = (createdId is { } id ? LiveHomeNumber(id) : null) ?? _open;
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

    private void Index(int number, ReservationSegment segment)
    {
        foreach (var reservation in segment.Reservations.Values)
        {
            _reservations[reservation.Id] = reservation;
            _home[reservation.Id] = number;
        }

        foreach (var hold in segment.Holds.Values)
        {
            _holds[hold.Id] = hold;
            _home[hold.Id] = number;
        }

        foreach (var key in segment.Answers.Keys)
        {
            _answerHome[key] = number;
        }
    }
}
