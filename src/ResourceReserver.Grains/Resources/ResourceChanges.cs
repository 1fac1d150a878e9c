using ResourceReserver.Audit;
using ResourceReserver.Events;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// What a decision changes: rows in the state they are left in, the resource, the head, remembered answers and the
/// events that say so. Applied to memory at once (<see cref="ResourceBook.Apply"/>) and written by the next commit.
/// </summary>
internal sealed class ResourceChanges
{
    private readonly Dictionary<Guid, ReservationRow> _rows = [];
    private readonly Dictionary<string, RememberedAnswer> _answers = [];
    private readonly List<DomainEvent> _events = [];
    private readonly List<TimeRange> _freed = [];

    public IReadOnlyCollection<ReservationRow> Rows => _rows.Values;

    public ResourceSnapshot? Resource { get; private set; }

    public ResourceHeadFields? Head { get; private set; }

    public IReadOnlyCollection<RememberedAnswer> Answers => _answers.Values;

    public DateTimeOffset? ForgetAnswersBefore { get; private set; }

    public IReadOnlyList<DomainEvent> Events => _events;

    /// <summary>Capacity given back (cancelled, moved, shortened, released): the waitlist may have a taker.</summary>
    public IReadOnlyList<TimeRange> Freed => _freed;

    /// <summary>True when nothing durable changes: a refusal, or an answer that repeats what is stored.</summary>
    public bool IsEmpty => _rows.Count == 0 && Resource is null && Head is null && _events.Count == 0 && ForgetAnswersBefore is null;

    public void Put(ReservationRow row) => _rows[row.Reservation.Id] = row;

    /// <summary>The row this decision already changed, if any.</summary>
    public bool TryGetRow(Guid id, out ReservationRow row) => _rows.TryGetValue(id, out row!);

    public void SetResource(ResourceSnapshot resource) => Resource = resource;

    public void SetHead(HoldTiming? timing, IReadOnlyList<OfferCandidate> demand) => Head = new ResourceHeadFields(timing, [.. demand]);

    public void Remember(RememberedAnswer answer) => _answers[answer.Key] = answer;

    public void ForgetAnswers(DateTimeOffset before) => ForgetAnswersBefore = before;

    public void Free(TimeRange range) => _freed.Add(range);

    public void Record(string type, DateTimeOffset now, Guid? actorId, Reservation? reservation = null, ResourceSnapshot? resource = null, string? detail = null) =>
        _events.Add(new DomainEvent
        {
            Type = type,
            OccurredAt = now,
            ActorId = actorId,
            Reservation = reservation,
            Resource = resource,
            Detail = detail,
        });

    /// <summary>An audit entry for a change no domain event describes (hold timing), written with the commit but kept out of the event log.</summary>
    public void RecordAudit(string action, DateTimeOffset now, Guid actorId, ResourceSnapshot resource, string? detail = null) =>
        _events.Add(new DomainEvent
        {
            Type = AuditNote.AuditOnlyEventType,
            OccurredAt = now,
            ActorId = actorId,
            Resource = resource,
            Audit = new AuditNote { Action = action, AuditOnly = true, Detail = detail },
        });

    /// <summary>Puts the caller's origin on the events (for their audit entries); the system's own decisions have none.</summary>
    public void Stamp(RequestOrigin? origin)
    {
        for (var i = 0; origin is not null && i < _events.Count; i++)
        {
            _events[i] = _events[i] with { Audit = (_events[i].Audit ?? new AuditNote()) with { Origin = origin } };
        }
    }

    /// <summary>The commit that stores these changes behind the fence <paramref name="expectedVersion"/>, with earlier refusals' answers.</summary>
    public ResourceCommit ToCommit(Guid resourceId, long expectedVersion, IEnumerable<RememberedAnswer> memos) => new(resourceId, expectedVersion)
    {
        Resource = Resource,
        Head = Head,
        Rows = [.. Rows],
        Answers = [.. memos.Where(m => !_answers.ContainsKey(m.Key)), .. Answers],
        ForgetAnswersBefore = ForgetAnswersBefore,
        Events = [.. _events],
    };

    /// <summary>Adds what a later decision changed; the later state of a row, the resource or the head wins.</summary>
    public void Merge(ResourceChanges later)
    {
        foreach (var row in later.Rows)
        {
            Put(row);
        }

        foreach (var answer in later.Answers)
        {
            Remember(answer);
        }

        Resource = later.Resource ?? Resource;
        Head = later.Head ?? Head;
        if (later.ForgetAnswersBefore is { } before && (ForgetAnswersBefore is null || before > ForgetAnswersBefore))
        {
            ForgetAnswersBefore = before;
        }

        _events.AddRange(later.Events);
        _freed.AddRange(later.Freed);
    }
}

/// <summary>A decision's outcome and what it changes (nothing, when it refused).</summary>
internal sealed record Decided<T>(Outcome<T> Outcome, ResourceChanges Changes)
{
    public static implicit operator Decided<T>(DomainError error) => new(Outcome<T>.Fail(error), new ResourceChanges());
}

/// <summary>
/// Temporary changes to the interval index while a decision looks at what-ifs (a series seeing its own earlier
/// occurrences, a move with its old range set aside); undone on dispose, so the state a decision read is the state
/// it leaves.
/// </summary>
internal sealed class IndexScratch(Scheduling.IntervalIndex index) : IDisposable
{
    private readonly List<Guid> _added = [];
    private readonly List<Scheduling.IntervalEntry> _removed = [];

    public void Add(Guid id, TimeRange range, int quantity)
    {
        Remove(id);
        index.Add(id, range, quantity);
        _added.Add(id);
    }

    public void Remove(Guid id)
    {
        if (index.TryGet(id, out var entry) && index.Remove(id) && !_added.Contains(id))
        {
            _removed.Add(entry);
        }
    }

    public void Dispose()
    {
        _added.ForEach(id => index.Remove(id));
        _removed.ForEach(e => index.Add(e.Id, e.Range, e.Quantity));
        _added.Clear();
        _removed.Clear();
    }
}
