namespace ResourceReserver.Resources;

/// <summary>Rows, placement and dirty tracking of the ledger.</summary>
internal sealed partial class ResourceLedger
{
    /// <summary>A segment takes new decisions until it holds this many entries; a series is never split.</summary>
    public const int SegmentCapacity = 64;

    public const string HeaderName = "resource-header";

    private readonly StoredRow<ResourceHeader> _header;
    private readonly SortedDictionary<int, StoredRow<ReservationSegment>> _segments = [];
    private readonly SortedSet<int> _dirtySegments = [];

    // Emptied segments dropped from the header; written once more as empty sealed rows (see Compact).
    private readonly List<StoredRow<ReservationSegment>> _retired = [];
    private bool _headerDirty;
    private bool _headerFirst;

    // The segment taking new entries (null: open one at the next placement) and the one chosen by this decision.
    private int? _open;
    private int? _target;

    /// <summary>Builds the view from what was read; segments found by probing are added to the header.</summary>
    public ResourceLedger(StoredRow<ResourceHeader> header, IEnumerable<(int Number, StoredRow<ReservationSegment> Row)> segments)
    {
        _header = header;
        foreach (var (number, row) in segments.OrderBy(s => s.Number))
        {
            _segments[number] = row;
            Index(number, row.State);
            if (!header.State.Segments.Contains(number))
            {
                // Written before a crash kept the header from listing it: repair the header with the next write.
                header.State.Segments.Add(number);
                _headerDirty = true;
            }

            header.State.NextSegment = Math.Max(header.State.NextSegment, number + 1);
        }

        if (_segments.Count > 0 && !_segments.Last().Value.State.Sealed)
        {
            _open = _segments.Last().Key;
        }
    }

    public static string SegmentName(int number) => $"resource-seg-{number}";

    /// <summary>True when some change is not yet written.</summary>
    public bool IsDirty => _headerDirty || _dirtySegments.Count > 0 || _retired.Count > 0;

    /// <summary>How many segments the resource has; for tests and diagnostics.</summary>
    public int SegmentCount => _segments.Count;

    /// <summary>Every live row, for delivering outboxes that are known to be persisted.</summary>
    public IEnumerable<RowWrite> PersistedOutboxes() =>
        new RowWrite[] { new RowWrite<ResourceHeader>(_header, _header.State) }
            .Concat(_segments.Values.Select(s => new RowWrite<ReservationSegment>(s, s.State)))
            .Where(w => w.Events.Count > 0);

    /// <summary>Marks every row for writing (after migrating a whole-state row).</summary>
    public void MarkAllDirty()
    {
        _headerDirty = true;
        _dirtySegments.UnionWith(_segments.Keys);
    }

    /// <summary>Starts a decision: its new entries all go to one segment.</summary>
    public void BeginDecision() => _target = null;

    /// <summary>The next flush writes the header before the segments (resource deletion: resumable from the header).</summary>
    public void WriteHeaderFirst() => _headerFirst = true;

    /// <summary>
    /// Drops emptied, sealed segments from the header. Their rows are rewritten empty rather than deleted, so a
    /// stale duplicate activation can never create them afresh and book beside the live segments.
    /// </summary>
    public int Compact()
    {
        var empty = _segments.Where(s => s.Key != _open && s.Value.State.Sealed && s.Value.State.EntryCount == 0
            && s.Value.State.Answers.Count == 0 && s.Value.State.Outbox.Count == 0).ToList();
        foreach (var (number, row) in empty)
        {
            _segments.Remove(number);
            _dirtySegments.Remove(number);
            _header.State.Segments.Remove(number);
            _retired.Add(row);
            _headerDirty = true;
        }

        return empty.Count;
    }

    /// <summary>Snapshots every dirty row in write order and marks them clean.</summary>
    public IReadOnlyList<RowWrite> TakeDirty()
    {
        var segments = _dirtySegments.Select(n => (RowWrite)new RowWrite<ReservationSegment>(_segments[n], _segments[n].State.Copy()))
            .Concat(_retired.Select(r => new RowWrite<ReservationSegment>(r, r.State.Copy())))
            .ToList();
        var writes = new List<RowWrite>();
        var header = _headerDirty ? new RowWrite<ResourceHeader>(_header, _header.State.Copy()) : null;
        if (header is not null && _headerFirst)
        {
            writes.Add(header);
        }

        // Ascending numbers: a sealed predecessor is written before the segment that replaces it.
        writes.AddRange(segments);
        if (header is not null && !_headerFirst)
        {
            writes.Add(header);
        }

        _dirtySegments.Clear();
        _retired.Clear();
        _headerDirty = false;
        _headerFirst = false;
        return writes;
    }

    private int HomeOf(Guid id)
    {
        if (LiveHomeNumber(id) is { } number)
        {
            return number;
        }

        var placed = _target ??= PlaceNew();
        _home[id] = placed;
        return placed;
    }

    private int? LiveHomeNumber(Guid id) => _home.TryGetValue(id, out var number) && _segments.ContainsKey(number) ? number : null;

    private int PlaceNew()
    {
        if (_open is { } open && _segments[open].State.EntryCount < SegmentCapacity)
        {
            return open;
        }

        if (_open is { } full)
        {
            _segments[full].State.Sealed = true;
            _dirtySegments.Add(full);
        }

        var number = _header.State.NextSegment++;
        _segments[number] = new StoredRow<ReservationSegment>(SegmentName(number), new ReservationSegment());
        _header.State.Segments.Add(number);
        _headerDirty = true;
        _open = number;
        return number;
    }
}
