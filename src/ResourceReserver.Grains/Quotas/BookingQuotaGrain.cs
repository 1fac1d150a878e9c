using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResourceReserver.Outbox;

namespace ResourceReserver.Quotas;

/// <summary>
/// One user's daily booking count. Non-reentrant, and every granted unit is stored (with the storage's version check)
/// before the grant is answered, so the units granted on a day never exceed the limit, whichever silos and resources
/// the bookings go through; a booking is only decided once its unit is granted. A unit is handed back only when its
/// booking was certainly refused, so a crash can cost a user a unit for the day but never lets one through.
/// </summary>
public sealed class BookingQuotaGrain : Grain, IBookingQuotaGrain
{
    private readonly IPersistentState<BookingQuotaState> _state;
    private readonly StateCommitter<BookingQuotaState> _committer;
    private readonly TimeProvider _clock;
    private readonly BookingQuotaOptions _tiers;

    /// <summary>Creates the grain with its state and the tier defaults.</summary>
    public BookingQuotaGrain(
        [PersistentState("quota")] IPersistentState<BookingQuotaState> state,
        OutboxRelay relay,
        TimeProvider clock,
        IOptions<BookingQuotaOptions> tiers,
        ILogger<BookingQuotaGrain> logger)
    {
        _state = state;
        _clock = clock;
        _tiers = tiers.Value;
        _committer = new StateCommitter<BookingQuotaState>(this, state, relay, logger);
    }

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <inheritdoc />
    public async Task<Outcome<QuotaUnits>> ReserveAsync(int count)
    {
        var (tier, limit) = await LimitAsync();
        if (limit is null || count <= 0)
        {
            return QuotaUnits.None;
        }

        return await _committer.CommitAsync<QuotaUnits>(() =>
        {
            var used = UsedToday();
            if (used + count > limit)
            {
                var resetsAt = ResetsAt();
                return new DomainError(ErrorKind.TooManyRequests, "quota_exceeded",
                    $"The daily booking quota of the {tier} tier is {limit}; {used} used today. It resets at {resetsAt:yyyy-MM-dd'T'HH:mm:ss'Z'}.")
                {
                    RetryAfter = resetsAt - _clock.GetUtcNow(),
                };
            }

            var units = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
            RollOver();
            _state.State.Units.AddRange(units);
            return new QuotaUnits(units);
        });
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(IReadOnlyList<Guid> units)
    {
        if (_state.State.Day != Today || !units.Any(_state.State.Units.Contains))
        {
            return;
        }

        await _committer.CommitAsync(() =>
        {
            _state.State.Units.RemoveAll(units.Contains);
            return Outcome<bool>.Ok(true);
        });
    }

    /// <inheritdoc />
    public async Task<QuotaStatus> GetAsync()
    {
        var (tier, limit) = await LimitAsync();
        return new QuotaStatus(tier, limit, UsedToday(), ResetsAt(), _state.State.Override is not null);
    }

    /// <inheritdoc />
    public async Task<QuotaStatus> SetOverrideAsync(int? dailyBookings)
    {
        if (_state.State.Override != dailyBookings)
        {
            var outcome = await _committer.CommitAsync(() =>
            {
                _state.State.Override = dailyBookings;
                return Outcome<bool>.Ok(true);
            });
            if (!outcome.IsSuccess)
            {
                throw new InvalidOperationException(outcome.Error!.Message);
            }
        }

        return await GetAsync();
    }

    private async Task<(string Tier, int? Limit)> LimitAsync()
    {
        var profile = await GrainFactory.GetGrain<IUserGrain>(this.GetPrimaryKey()).GetProfileAsync();
        var tier = AccessTier.Of(profile?.Roles ?? []);
        return (tier, _state.State.Override ?? _tiers.DailyBookingsOf(tier));
    }

    private int UsedToday() => _state.State.Day == Today ? _state.State.Units.Count : 0;

    private DateTimeOffset ResetsAt() => new(Today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private void RollOver()
    {
        if (_state.State.Day != Today)
        {
            _state.State.Day = Today;
            _state.State.Units.Clear();
        }
    }
}
