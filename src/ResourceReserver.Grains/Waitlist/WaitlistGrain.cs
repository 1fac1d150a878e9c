using Microsoft.Extensions.Logging;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Grains;
using ResourceReserver.Outbox;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Waitlist;

/// <summary>
/// The waitlist of one resource (keyed by the resource id). Entries are served in join order; offers are holds
/// the resource grain places and releases in one write per settlement, so a slot is never offered twice.
/// The resource is always called first and answers idempotently, so a crash between its write and ours is
/// repaired by the next settlement.
/// </summary>
public sealed partial class WaitlistGrain : Grain, IWaitlistGrain, IRemindable
{
    private const int MaxOpenEntriesPerUser = 20;
    private const int MaxCandidatesPerSettlement = 200;
    private readonly IPersistentState<WaitlistState> _state;
    private readonly TimeProvider _clock;
    private readonly StateCommitter<WaitlistState> _committer;
    private readonly ILogger<WaitlistGrain> _logger;

    /// <summary>Wires the write discipline.</summary>
    public WaitlistGrain(
        [PersistentState("waitlist")] IPersistentState<WaitlistState> state,
        OutboxRelay relay,
        TimeProvider clock,
        ILogger<WaitlistGrain> logger)
    {
        _state = state;
        _clock = clock;
        _logger = logger;
        _committer = new StateCommitter<WaitlistState>(this, state, relay, logger);
    }

    private Guid ResourceId => this.GetPrimaryKey();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private IResourceHoldsGrain Resource => GrainFactory.GetGrain<IResourceHoldsGrain>(ResourceId);

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _committer.DeliverOutboxAsync();

        // Reconcile soon after activation: a crash may have cut a settlement short.
        if (_state.State.Entries.Values.Any(e => e.IsOpen))
        {
            ArmTimer(TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public async Task<Outcome<WaitlistEntry>> JoinAsync(Guid entryId, Guid userId, TimeRange window, FlexibleRange? flexible)
    {
        if (await GrainFactory.GetGrain<IResourceGrain>(ResourceId).GetAsync() is null)
        {
            return DomainError.NotFound(ProblemCode.ResourceNotFound, $"Resource {ResourceId} does not exist.");
        }

        var outcome = await _committer.CommitAsync(() => DecideJoin(entryId, userId, window, flexible));
        if (outcome.IsSuccess)
        {
            await SettleAsync();
            return WithPosition(_state.State.Entries[entryId]);
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<Outcome<WaitlistEntry>> GetAsync(Guid entryId, Actor actor) => Task.FromResult(Visible(entryId, actor) switch
    {
        (null, var error) => Outcome<WaitlistEntry>.Fail(error!),
        (var entry, _) => Outcome<WaitlistEntry>.Ok(WithPosition(entry!)),
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<WaitlistEntry>> ListAsync(Actor actor, bool all) => Task.FromResult<IReadOnlyList<WaitlistEntry>>(
        _state.State.Entries.Values
            .Where(e => e.UserId == actor.UserId || (all && actor.IsAdmin))
            .OrderBy(e => e.Sequence)
            .Select(WithPosition)
            .ToList());

    /// <inheritdoc />
    public Task CapacityFreedAsync() => SettleAsync();

    /// <inheritdoc />
    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == ClockReminder ? SettleAsync() : Task.CompletedTask;

    private Outcome<WaitlistEntry> DecideJoin(Guid entryId, Guid userId, TimeRange window, FlexibleRange? flexible)
    {
        if (_state.State.Entries.TryGetValue(entryId, out var existing))
        {
            return existing.UserId == userId ? existing : DomainError.Conflict(ProblemCode.DuplicateEntryId, "That entry id is taken.");
        }

        var now = Now;
        if (ValidateWindow(window, flexible, now) is { } invalid)
        {
            return invalid;
        }

        var open = _state.State.Entries.Values.Where(e => e.UserId == userId && e.IsOpen).ToList();
        if (open.Any(e => e.Start == window.Start && e.End == window.End && e.Flexible == flexible))
        {
            return DomainError.Conflict(ProblemCode.AlreadyWaiting, "You are already waiting for this window.");
        }

        if (open.Count >= MaxOpenEntriesPerUser)
        {
            return DomainError.Invalid(ProblemCode.TooManyEntries, $"At most {MaxOpenEntriesPerUser} open waitlist entries per resource.");
        }

        var entry = new WaitlistEntry
        {
            Id = entryId,
            ResourceId = ResourceId,
            UserId = userId,
            Start = window.Start.ToUniversalTime(),
            End = window.End.ToUniversalTime(),
            Flexible = flexible is { } f ? new FlexibleRange(f.Earliest.ToUniversalTime(), f.Latest.ToUniversalTime()) : null,
            Status = WaitlistStatus.Waiting,
            Sequence = _state.State.NextSequence++,
            JoinedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Save(entry, EventTypes.WaitlistJoined, userId);
        return entry;
    }

    private static DomainError? ValidateWindow(TimeRange window, FlexibleRange? flexible, DateTimeOffset now)
    {
        if (BookingPolicy.ValidateInterval(window.Start, window.End) is { } invalid)
        {
            return invalid;
        }

        if (flexible is not { } f)
        {
            return window.Start <= now ? DomainError.Invalid(ProblemCode.WindowInPast, "The window has already started.") : null;
        }

        if (BookingPolicy.ValidateInterval(f.Earliest, f.Latest) is { } invalidRange)
        {
            return new DomainError(invalidRange.Kind, ProblemCode.InvalidFlexibleRange, "flexible.latest must be after flexible.earliest, both in range.");
        }

        if (f.Latest - f.Earliest < window.Duration)
        {
            return DomainError.Invalid(ProblemCode.FlexibleRangeTooShort, "The flexible range must be at least as long as the window.");
        }

        return f.Latest - window.Duration <= now ? DomainError.Invalid(ProblemCode.WindowInPast, "The flexible range has already passed.") : null;
    }

    private (WaitlistEntry? Entry, DomainError? Error) Visible(Guid entryId, Actor actor)
    {
        if (!_state.State.Entries.TryGetValue(entryId, out var entry))
        {
            return (null, DomainError.NotFound(ProblemCode.WaitlistEntryNotFound, "No such waitlist entry."));
        }

        return entry.UserId == actor.UserId || actor.IsAdmin
            ? (entry, null)
            : (null, DomainError.Forbidden("This waitlist entry belongs to someone else."));
    }

    /// <summary>Positions count the open entries in join order, so they are always 1..n with no gaps.</summary>
    private WaitlistEntry WithPosition(WaitlistEntry entry) => entry.IsOpen
        ? entry with { Position = 1 + _state.State.Entries.Values.Count(e => e.IsOpen && e.Sequence < entry.Sequence) }
        : entry with { Position = null };

    private void Save(WaitlistEntry entry, string eventType, Guid? actorId, string? detail = null)
    {
        _state.State.Entries[entry.Id] = entry;
        _committer.Record(new DomainEvent
        {
            Type = eventType,
            OccurredAt = Now,
            ActorId = actorId,
            WaitlistEntry = entry,
            Detail = detail,
        });
    }

    private static WaitlistEntry Changed(WaitlistEntry entry, WaitlistStatus status, DateTimeOffset now) =>
        entry with { Status = status, UpdatedAt = now, Version = entry.Version + 1 };
}
