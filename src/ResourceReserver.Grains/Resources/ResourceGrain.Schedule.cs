using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    private SchedulingDefaults? _defaults;

    private SchedulingDefaults Defaults => _defaults ??= ServiceProvider.GetService<IOptions<SchedulingDefaults>>()?.Value ?? new SchedulingDefaults();

    private ResourceCalendar Calendar => ResourceCalendar.For(Ledger.Resource!.Details, Defaults);

    private Buffers Padding => Buffers.Of(Ledger.Resource?.Details.Rules ?? BookingRules.Default);

    /// <inheritdoc />
    public Task<Outcome<SlotList>> GetSlotsAsync(DateOnly date, TimeSpan duration, int quantity)
    {
        if (CheckQuery(duration, quantity) is { } invalid)
        {
            return Task.FromResult(Outcome<SlotList>.Fail(invalid));
        }

        var (resource, now) = (Ledger.Resource!, Now);
        var slots = Finder().SlotsOn(LocalDate.FromDateOnly(date), duration, quantity, now + resource.Details.Rules.MinNotice, now + resource.Details.Rules.MaxHorizon);
        return Task.FromResult(Outcome<SlotList>.Ok(new SlotList(ResourceId, date, resource.Details.TimeZone, duration, slots)));
    }

    /// <inheritdoc />
    public Task<Outcome<TimeRange?>> GetNextAvailableAsync(TimeSpan duration, int quantity, DateTimeOffset? after)
    {
        if (CheckQuery(duration, quantity) is { } invalid)
        {
            return Task.FromResult(Outcome<TimeRange?>.Fail(invalid));
        }

        var (rules, now) = (Ledger.Resource!.Details.Rules, Now);
        var earliest = now + rules.MinNotice;
        if (after > earliest)
        {
            earliest = after.Value;
        }

        // Whole minutes read better than the current instant's ticks.
        earliest = new DateTimeOffset((earliest.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var found = Finder().NextAvailable(duration, quantity, earliest, now + rules.MaxHorizon);
        return Task.FromResult(Outcome<TimeRange?>.Ok(found));
    }

    private SlotFinder Finder() => new(_index, Calendar, Padding, Ledger.Resource!.Details.Capacity);

    private DomainError? CheckQuery(TimeSpan duration, int quantity)
    {
        if (MissingResource() is { } missing)
        {
            return missing;
        }

        var details = Ledger.Resource!.Details;
        if (duration < details.Rules.MinDuration || duration > details.Rules.MaxDuration)
        {
            return DomainError.Invalid("duration_out_of_range", $"A booking must last between {details.Rules.MinDuration} and {details.Rules.MaxDuration}.");
        }

        return quantity < 1 || quantity > details.Capacity
            ? DomainError.Invalid("invalid_quantity", $"The quantity must be between 1 and the resource's capacity ({details.Capacity}).")
            : null;
    }

    /// <summary>
    /// Every rule a new booking must pass, conflicts last. Pure with respect to state: it only reads.
    /// <paramref name="alsoHeldByUser"/> counts bookings of the same decision not yet in state (a series).
    /// </summary>
    private DomainError? CheckBookable(BookingRequest request, TimeRange range, DateTimeOffset now, int alsoHeldByUser)
    {
        var resource = Ledger.Resource!;
        if (BookingPolicy.Validate(request, resource, now) is { } invalid)
        {
            return invalid;
        }

        if (Calendar.Check(range) is { } closed)
        {
            return closed;
        }

        var rules = resource.Details.Rules;
        if (rules.MaxActivePerUser > 0 && ActiveCountOf(request.UserId, now) + alsoHeldByUser >= rules.MaxActivePerUser)
        {
            return DomainError.Invalid("too_many_active_reservations", $"A user may hold at most {rules.MaxActivePerUser} active reservations of this resource.");
        }

        var occupied = Padding.Pad(range);
        var capacity = resource.Details.Capacity;
        if (_index.CanFit(occupied, request.Quantity, capacity))
        {
            return null;
        }

        // Suggestions look two weeks ahead at most, so a refusal stays cheap on a fully booked resource.
        var latestStart = Min(now + rules.MaxHorizon, range.Start + TimeSpan.FromDays(14));
        return new DomainError(ErrorKind.Conflict, "booking_conflict", "The requested time is already booked.")
        {
            Conflicts = _index.Overlapping(occupied).Select(e => Padding.Unpad(e.Range)).ToList(),
            Suggestions = NextAvailable(range.Duration, request.Quantity, range.Start, latestStart) is { } next
                ? SuggestFrom(next, request.Quantity, latestStart)
                : [],
        };
    }

    private List<TimeRange> SuggestFrom(TimeRange first, int quantity, DateTimeOffset latestStart)
    {
        var found = new List<TimeRange> { first };
        while (found.Count < 3 && NextAvailable(first.Duration, quantity, found[^1].End, latestStart) is { } next)
        {
            found.Add(next);
        }

        return found;
    }

    /// <summary>The slot search of a refusal's suggestions, skipped where it already found nothing (see <see cref="NoFitMemo"/>).</summary>
    private TimeRange? NextAvailable(TimeSpan duration, int quantity, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var key = new MemoKey(_index.Version, Ledger.Resource!.Version, duration, quantity);
        if (_noFit.Covers(key, earliest, latest))
        {
            return null;
        }

        var found = Finder().NextAvailable(duration, quantity, earliest, latest);
        if (found is null)
        {
            _noFit.Record(key, earliest, latest);
        }

        return found;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private int ActiveCountOf(Guid userId, DateTimeOffset now) =>
        Ledger.Reservations.Values.Count(r => r.UserId == userId && r.Status == ReservationStatus.Confirmed && r.End > now);
}
