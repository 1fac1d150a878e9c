using ResourceReserver.Contracts;

namespace ResourceReserver.Scheduling;

/// <summary>The checks a booking must pass before conflicts are even looked at. Pure: no clock, no I/O.</summary>
public static class BookingPolicy
{
    /// <summary>Instants outside this range are refused as absurd rather than stored.</summary>
    public static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <inheritdoc cref="EarliestInstant"/>
    public static readonly DateTimeOffset LatestInstant = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Longest title and notes accepted.</summary>
    public const int MaxTitleLength = 200;

    /// <inheritdoc cref="MaxTitleLength"/>
    public const int MaxNotesLength = 4000;

    /// <summary>Validates an interval on its own: ordered, sane instants.</summary>
    public static DomainError? ValidateInterval(DateTimeOffset start, DateTimeOffset end)
    {
        if (start < EarliestInstant || start > LatestInstant || end < EarliestInstant || end > LatestInstant)
        {
            return DomainError.Invalid(ProblemCode.InvalidTime, $"Times must lie between {EarliestInstant:yyyy-MM-dd} and {LatestInstant:yyyy-MM-dd}.");
        }

        return end <= start ? DomainError.Invalid(ProblemCode.InvalidInterval, "The end must be after the start.") : null;
    }

    /// <summary>Validates a booking request against the resource's status, capacity and rules at <paramref name="now"/>.</summary>
    public static DomainError? Validate(BookingRequest request, ResourceSnapshot resource, DateTimeOffset now)
    {
        if (ValidateInterval(request.Start, request.End) is { } intervalError)
        {
            return intervalError;
        }

        if (request.Title?.Length > MaxTitleLength || request.Notes?.Length > MaxNotesLength)
        {
            return DomainError.Invalid(ProblemCode.TextTooLong, $"The title may have at most {MaxTitleLength} characters and the notes {MaxNotesLength}.");
        }

        if (resource.Status != ResourceStatus.Available)
        {
            return DomainError.Invalid(ProblemCode.ResourceUnavailable, $"The resource is {resource.Status.ToString().ToLowerInvariant()} and takes no bookings.");
        }

        var details = resource.Details;
        if (request.Quantity < 1 || request.Quantity > details.Capacity)
        {
            return DomainError.Invalid(ProblemCode.InvalidQuantity, $"The quantity must be between 1 and the resource's capacity ({details.Capacity}).");
        }

        var rules = details.Rules;
        var duration = request.End - request.Start;
        if (duration < rules.MinDuration || duration > rules.MaxDuration)
        {
            return DomainError.Invalid(ProblemCode.DurationOutOfRange, $"A booking must last between {rules.MinDuration} and {rules.MaxDuration}.");
        }

        if (request.Start < now + rules.MinNotice)
        {
            return DomainError.Invalid(ProblemCode.TooLate, request.Start < now
                ? "The start is in the past."
                : $"Bookings must be made at least {rules.MinNotice} before they start.");
        }

        return request.Start > now + rules.MaxHorizon
            ? DomainError.Invalid(ProblemCode.TooEarly, $"Bookings may start at most {rules.MaxHorizon.TotalDays:0} days ahead.")
            : null;
    }
}
