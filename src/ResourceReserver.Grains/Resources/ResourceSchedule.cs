using NodaTime;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Resources;

/// <summary>
/// What a resource's state says about time: the checks a new booking must pass, the suggestions of a refusal, and
/// the read-only views (availability, slots, next free range). Pure: state and the instant in, answers out.
/// </summary>
internal static class ResourceSchedule
{
    /// <summary>
    /// Every rule a new booking must pass, conflicts last, or null when it may be booked.
    /// <paramref name="alsoHeldByUser"/> counts bookings of the same decision not yet in the state (a series).
    /// </summary>
    public static DomainError? Refusal(ResourceBook book, BookingRequest request, TimeRange range, DateTimeOffset now, int alsoHeldByUser)
    {
        var resource = book.Resource!;
        if (BookingPolicy.Validate(request, resource, now) is { } invalid)
        {
            return invalid;
        }

        if (book.Calendar.Check(range) is { } closed)
        {
            return closed;
        }

        var rules = resource.Details.Rules;
        if (rules.MaxActivePerUser > 0 && ActiveCountOf(book, request.UserId, now) + alsoHeldByUser >= rules.MaxActivePerUser)
        {
            return DomainError.Invalid(ProblemCode.TooManyActiveReservations, $"A user may hold at most {rules.MaxActivePerUser} active reservations of this resource.");
        }

        var occupied = book.Padding.Pad(range);
        if (book.Index.CanFit(occupied, request.Quantity, resource.Details.Capacity))
        {
            return null;
        }

        // Suggestions look two weeks ahead at most, so a refusal stays cheap on a fully booked resource.
        var latestStart = Min(now + rules.MaxHorizon, range.Start + TimeSpan.FromDays(14));
        return new DomainError(ErrorKind.Conflict, ProblemCode.BookingConflict, "The requested time is already booked.")
        {
            Conflicts = book.Index.Overlapping(occupied).Select(e => book.Padding.Unpad(e.Range)).ToList(),
            Suggestions = NextAvailable(book, range.Duration, request.Quantity, range.Start, latestStart) is { } next
                ? SuggestFrom(book, next, request.Quantity, latestStart)
                : [],
        };
    }

    /// <summary>Busy and free intervals in a window (at most 93 days).</summary>
    public static Outcome<AvailabilityView> Availability(ResourceBook book, DateTimeOffset from, DateTimeOffset until, bool includeOwners)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        if (BookingPolicy.ValidateInterval(from, until) is { } invalid)
        {
            return invalid;
        }

        if (until - from > TimeSpan.FromDays(93))
        {
            return DomainError.Invalid(ProblemCode.WindowTooLong, "An availability window may span at most 93 days.");
        }

        var (busy, free) = FreeTime.Split(book.Index, new TimeRange(from, until), book.Resource!.Details.Capacity);
        return new AvailabilityView(
            book.Id,
            from,
            until,
            busy.Select(b => new BusyInterval(b.Range.Start, b.Range.End, includeOwners ? b.Ids : [])).ToList(),
            free);
    }

    /// <summary>Back-to-back free slots of a length on a local date, within notice and horizon.</summary>
    public static Outcome<SlotList> Slots(ResourceBook book, DateOnly date, TimeSpan duration, int quantity, DateTimeOffset now)
    {
        if (CheckQuery(book, duration, quantity) is { } invalid)
        {
            return invalid;
        }

        var details = book.Resource!.Details;
        var slots = Finder(book).SlotsOn(LocalDate.FromDateOnly(date), duration, quantity, now + details.Rules.MinNotice, now + details.Rules.MaxHorizon);
        return new SlotList(book.Id, date, details.TimeZone, duration, slots);
    }

    /// <summary>The earliest bookable range of a length from now plus notice (or <paramref name="after"/>), within the horizon.</summary>
    public static Outcome<TimeRange?> NextAvailable(ResourceBook book, TimeSpan duration, int quantity, DateTimeOffset? after, DateTimeOffset now)
    {
        if (CheckQuery(book, duration, quantity) is { } invalid)
        {
            return invalid;
        }

        var rules = book.Resource!.Details.Rules;
        var earliest = now + rules.MinNotice;
        if (after > earliest)
        {
            earliest = after.Value;
        }

        // Whole minutes read better than the current instant's ticks.
        earliest = new DateTimeOffset((earliest.UtcTicks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        return Finder(book).NextAvailable(duration, quantity, earliest, now + rules.MaxHorizon);
    }

    private static SlotFinder Finder(ResourceBook book) => new(book.Index, book.Calendar, book.Padding, book.Resource!.Details.Capacity);

    private static DomainError? CheckQuery(ResourceBook book, TimeSpan duration, int quantity)
    {
        if (book.Missing() is { } missing)
        {
            return missing;
        }

        var details = book.Resource!.Details;
        if (duration < details.Rules.MinDuration || duration > details.Rules.MaxDuration)
        {
            return DomainError.Invalid(ProblemCode.DurationOutOfRange, $"A booking must last between {details.Rules.MinDuration} and {details.Rules.MaxDuration}.");
        }

        return quantity < 1 || quantity > details.Capacity
            ? DomainError.Invalid(ProblemCode.InvalidQuantity, $"The quantity must be between 1 and the resource's capacity ({details.Capacity}).")
            : null;
    }

    private static List<TimeRange> SuggestFrom(ResourceBook book, TimeRange first, int quantity, DateTimeOffset latestStart)
    {
        var found = new List<TimeRange> { first };
        while (found.Count < 3 && NextAvailable(book, first.Duration, quantity, found[^1].End, latestStart) is { } next)
        {
            found.Add(next);
        }

        return found;
    }

    /// <summary>The slot search of a refusal's suggestions, skipped where it already found nothing (see <see cref="NoFitMemo"/>).</summary>
    private static TimeRange? NextAvailable(ResourceBook book, TimeSpan duration, int quantity, DateTimeOffset earliest, DateTimeOffset latest)
    {
        var key = new MemoKey(book.Index.Version, book.Resource!.Version, duration, quantity);
        if (book.NoFit.Covers(key, earliest, latest))
        {
            return null;
        }

        var found = Finder(book).NextAvailable(duration, quantity, earliest, latest);
        if (found is null)
        {
            book.NoFit.Record(key, earliest, latest);
        }

        return found;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static int ActiveCountOf(ResourceBook book, Guid userId, DateTimeOffset now) =>
        book.Reservations.Values.Count(r => r.UserId == userId && r.Status is ReservationStatus.Confirmed or ReservationStatus.PendingApproval && r.End > now);
}
