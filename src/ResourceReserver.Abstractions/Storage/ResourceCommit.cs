using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Storage;

/// <summary>
/// Everything one batch of a resource's decisions changed, written in one transaction that first moves the
/// resource's version from <see cref="ExpectedVersion"/> to the next (the fence).
/// </summary>
public sealed record ResourceCommit(Guid ResourceId, long ExpectedVersion)
{
    /// <summary>The resource's details and status when they changed; also its row in the resource lists.</summary>
    public ResourceSnapshot? Resource { get; init; }

    /// <summary>The head's grain-only fields when they changed (hold timing, waitlist demand).</summary>
    public ResourceHeadFields? Head { get; init; }

    /// <summary>Changed rows, each at most once, in the state it is left in.</summary>
    public IReadOnlyList<ReservationRow> Rows { get; init; } = [];

    /// <summary>Answers to remember (new or replaced).</summary>
    public IReadOnlyList<RememberedAnswer> Answers { get; init; } = [];

    /// <summary>Drops remembered answers that expired before this instant.</summary>
    public DateTimeOffset? ForgetAnswersBefore { get; init; }

    /// <summary>The events of the batch, in the order they happened.</summary>
    public IReadOnlyList<DomainEvent> Events { get; init; } = [];

    /// <summary>True when nothing would be written (remembered refusals alone do not make a commit).</summary>
    public bool IsEmpty => Resource is null && Head is null && Rows.Count == 0 && Events.Count == 0 && ForgetAnswersBefore is null;
}

/// <summary>The head fields only the resource's grain reads.</summary>
public sealed record ResourceHeadFields(HoldTiming? HoldTiming, IReadOnlyList<OfferCandidate> Demand);
