namespace ResourceReserver.Contracts;

/// <summary>The per-resource limits every booking is checked against inside the resource grain.</summary>
[GenerateSerializer, Immutable, Alias("rr.BookingRules")]
public sealed record BookingRules
{
    /// <summary>The rules a new resource gets unless told otherwise (those of the reference system).</summary>
    public static BookingRules Default { get; } = new();

    /// <summary>Shortest allowed booking.</summary>
    [Id(0)] public TimeSpan MinDuration { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Longest allowed booking.</summary>
    [Id(1)] public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long before its start a booking must be made at the latest.</summary>
    [Id(2)] public TimeSpan MinNotice { get; init; } = TimeSpan.Zero;

    /// <summary>How far ahead a booking may start.</summary>
    [Id(3)] public TimeSpan MaxHorizon { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Free time kept before each booking (cleaning, set-up); counts against capacity.</summary>
    [Id(5)] public TimeSpan BufferBefore { get; init; } = TimeSpan.Zero;

    /// <summary>Free time kept after each booking; counts against capacity.</summary>
    [Id(6)] public TimeSpan BufferAfter { get; init; } = TimeSpan.Zero;

    /// <summary>How many confirmed, not yet ended reservations one user may hold here; 0 means no limit.</summary>
    [Id(7)] public int MaxActivePerUser { get; init; }

    /// <summary>Bookings wait for an approver's decision (status pending_approval) and hold their capacity meanwhile.</summary>
    [Id(8)] public bool RequiresApproval { get; init; }

    /// <summary>Who may decide requests here; empty: anyone with approvals.decide. Administrators always may.</summary>
    [Id(9)] public IReadOnlyList<Guid> Approvers { get; init; } = [];

    /// <summary>How long a request may wait for a decision before it expires; null for the default (2 days).</summary>
    [Id(10)] public TimeSpan? ApprovalTimeout { get; init; }

    /// <summary>The approval timeout in force.</summary>
    public TimeSpan EffectiveApprovalTimeout => ApprovalTimeout ?? TimeSpan.FromDays(2);

    /// <summary>
    /// True when <paramref name="actor"/> may decide requests on a resource with these rules: a listed approver, anyone
    /// with approvals.decide when none is listed, and administrators (reservations.manage) always.
    /// </summary>
    public bool MayDecide(Actor actor) =>
        actor.IsAdmin || (Approvers.Count == 0 ? actor.Has(Permission.ApprovalsDecide) : Approvers.Contains(actor.UserId));
}
