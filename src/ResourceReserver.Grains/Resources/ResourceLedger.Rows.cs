namespace ResourceReserver.Resources;

/// <summary>Rows of the ledger: the open segment, sealing, tidying, compaction and what a flush writes.</summary>
internal sealed partial class ResourceLedger
{
    /// <summary>A write that leaves the open segment holding this many entries seals it; a series is never split.</summary>
    public const int SegmentCapacity = 64;

    public const string IndexName = "resource-index";

    private readonly StoredRow<ResourceIndex> _index;
    private readonly SortedDictionary<int, StoredRow<ReservationSegment>> _segments = [];

    // Sealed segments whose older copies were superseded or removed: written after the fence, never instead of it.
    private readonly SortedSet<int> _tidy = [];

    // Emptied segments dropped from the index; written once more as empty sealed rows (see Compact).
    private readonly List<StoredRow<ReservationSegment>> _retired = [];
    private bool _openDirty;
    private bool _indexDirty;

    // The segment taking every change (null: open the next one at the first change). Always the highest.
    private int? _open;

    /// <summary>Builds the view from the rows read, oldest first; segments found by probing are added to the index.</summary>
    public ResourceLedger(StoredRow<ResourceIndex> index, IEnumerable<(int Number, StoredRow<ReservationSegment> Row)> segments)
    {
        _index = index;
        foreach (var (number, row) in segments.OrderBy(s => s.Number))
        {
            // What storage holds, before older copies are tidied away in memory.
            row.Persisted = row.RecordExists ? row.State.Copy() : null;
            _segments[number] = row;
            Index(number, row.State);
            if (!index.State.Segments.Contains(number))
            {
                index.State.Segments.Add(number);
                _indexDirty = true;
            }

            index.State.NextSegment = Math.Max(index.State.NextSegment, number + 1);
        }

        if (_segments.Count > 0 && !_segments.Last().Value.State.Sealed)
        {
            _open = _segments.Last().Key;
            _openDirty = !_segments[_open.Value].RecordExists;
        }
    }

    public static string SegmentName(int number) => $"resource-seg-{number}";

    /// <summary>True when some change is not yet written.</summary>
    public bool IsDirty => _openDirty || _indexDirty || _tidy.Count > 0 || _retired.Count > 0;

    /// <summary>How many segments the resource has; for tests and diagnostics.</summary>
    public int SegmentCount => _segments.Count;

    /// <summary>
    /// The events storage holds that were not delivered yet, row by row. Only what was read or written is
    /// offered, never an event of a decision still waiting for its write, so this is safe to deliver at any time.
    /// </summary>
    public IEnumerable<RowWrite> PersistedOutboxes()
    {
        foreach (var row in _segments.Values.Where(s => s.State.Outbox.Count > 0 && s.Persisted is { Outbox.Count: > 0 }))
        {
            var pending = row.State.Outbox.Select(e => e.Id).ToHashSet();
            var events = row.Persisted!.Outbox.Where(e => pending.Contains(e.Id)).ToList();
            if (events.Count > 0)
            {
                yield return new RowWrite<ReservationSegment>(row, new ReservationSegment { Outbox = events });
            }
        }
    }

    /// <summary>
    /// Tidies sealed segments (tombstones nothing older needs any more) and drops emptied ones from the index.
    /// Returns how many segments left. The highest segment always stays: it holds the current resource details.
    /// </summary>
    public int Compact()
    {
        foreach (var (number, row) in _segments.Where(s => s.Key != _open).ToList())
        {
            if (DropSettledTombstones(number, row.State))
            {
                _tidy.Add(number);
            }
        }

        var highest = _segments.Count == 0 ? -1 : _segments.Keys.Max();
        var empty = _segments.Where(s => s.Key != _open && s.Key != highest && s.Value.State.Sealed && s.Value.State.IsEmpty
            && s.Value.Persisted is not { HasEntries: true }).ToList();
        foreach (var (number, row) in empty)
        {
            // Only once storage holds it empty too, so no copy it held can come back with it. Rewritten empty rather than deleted, so a stale activation can never create the row afresh.
            _segments.Remove(number);
            _tidy.Remove(number);
            _index.State.Segments.Remove(number);
            _retired.Add(row);
            _indexDirty = true;
        }

        return empty.Count;
    }

    /// <summary>
    /// Snapshots what changed and marks it clean: the open segment as the fence (sealed by this write once full,
    /// its tombstones dropped when no older row needs them), then the index and the tidied sealed segments.
    /// </summary>
    public FlushPlan TakeDirty()
    {
        RowWrite? fence = null;
        if (_openDirty && _open is { } number)
        {
            var open = _segments[number].State;
            DropSettledTombstones(number, open);
            if (open.EntryCount >= SegmentCapacity)
            {
                open.Sealed = true;
                _open = null;
            }

            fence = new RowWrite<ReservationSegment>(_segments[number], open.Copy());
            _tidy.Remove(number);
        }

        var followers = new List<RowWrite>();
        if (_indexDirty)
        {
            followers.Add(new RowWrite<ResourceIndex>(_index, _index.State.Copy()));
        }

        followers.AddRange(_tidy.Where(_segments.ContainsKey).Select(n => new RowWrite<ReservationSegment>(_segments[n], _segments[n].State.Copy())));
        followers.AddRange(_retired.Select(r => new RowWrite<ReservationSegment>(r, new ReservationSegment { Sealed = true })));
        _openDirty = false;
        _indexDirty = false;
        _tidy.Clear();
        _retired.Clear();
        return new FlushPlan(fence, followers);
    }

    private StoredRow<ReservationSegment> Open() => _segments[OpenNumber()];

    /// <summary>
    /// Drops the segment's tombstones that no lower row holds a copy for any more, as storage holds it (a tidy
    /// write not yet done still counts). Every other row is lower than the open segment.
    /// </summary>
    private bool DropSettledTombstones(int number, ReservationSegment segment)
    {
        if (segment.RemovedReservations.Count == 0 && segment.RemovedHolds.Count == 0)
        {
            return false;
        }

        var lower = _segments.Where(s => s.Key < number).Select(s => s.Value.Persisted).OfType<ReservationSegment>().ToList();
        return segment.RemovedReservations.RemoveWhere(id => !lower.Any(p => p.Reservations.ContainsKey(id) || p.RemovedReservations.Contains(id)))
            + segment.RemovedHolds.RemoveWhere(id => !lower.Any(p => p.Holds.ContainsKey(id) || p.RemovedHolds.Contains(id))) > 0;
    }

    /// <summary>The segment taking this change, opened (carrying the current resource details) if none is.</summary>
    private int OpenNumber()
    {
        _openDirty = true;
        if (_open is { } open)
        {
            return open;
        }

        var number = _index.State.NextSegment++;
        _segments[number] = new StoredRow<ReservationSegment>(SegmentName(number), new ReservationSegment
        {
            Resource = _resource,
            HoldTiming = _holdTiming,
            Demand = [.. _demand],
        });
        _index.State.Segments.Add(number);
        _indexDirty = true;
        _open = number;
        return number;
    }

    /// <summary>Drops an older copy (or tombstone) of an entity from a segment other than the open one; written after the fence.</summary>
    private void TidyAway<T>(
        int number,
        Guid id,
        Func<ReservationSegment, Dictionary<Guid, T>> entries,
        Func<ReservationSegment, HashSet<Guid>> removed)
    {
        if (_segments.TryGetValue(number, out var row) && (entries(row.State).Remove(id) | removed(row.State).Remove(id)) && number != _open)
        {
            _tidy.Add(number);
        }
    }
}
