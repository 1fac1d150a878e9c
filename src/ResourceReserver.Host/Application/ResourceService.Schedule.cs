using System.Globalization;
using System.Xml;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Apis;
using ResourceReserver.Scheduling;

namespace ResourceReserver.Host.Application;

public sealed partial class ResourceService
{
    /// <summary>Free back-to-back slots of a length on a local date of the resource.</summary>
    public async Task<Outcome<SlotsView>> SlotsAsync(string id, string? date, string? duration, string? quantity)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2199)
        {
            return Refusal.Invalid("date", "date is required: a local date of the resource written yyyy-MM-dd.");
        }

        var (length, units, problem) = ParseSlotLength(duration, quantity);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).GetSlotsAsync(day, length, units);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        var slots = outcome.Value!;
        return new SlotsView(resourceId, date!, slots.TimeZone, (int)length.TotalMinutes, slots.Slots);
    }

    /// <summary>The earliest bookable range of a length inside business hours, within the horizon.</summary>
    public async Task<Outcome<TimeRange>> NextAvailableAsync(string id, string? duration, string? quantity, string? after)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        var (length, units, problem) = ParseSlotLength(duration, quantity);
        if (problem is not null)
        {
            return problem;
        }

        if (!Instants.TryParseOptional(after, out var from) || from < BookingPolicy.EarliestInstant || from > BookingPolicy.LatestInstant)
        {
            return Refusal.Invalid("after", "after must be an ISO 8601 instant with an offset between 2000 and 2200.");
        }

        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).GetNextAvailableAsync(length, units, from);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!;
        }

        return outcome.Value is { } found
            ? found
            : DomainError.NotFound(ProblemCode.NoAvailability, "No free slot of that length lies within the booking horizon.");
    }

    /// <summary>Duration as whole minutes (<c>60</c>) or ISO 8601 (<c>PT1H</c>), quantity 1 unless given.</summary>
    private static (TimeSpan Length, int Quantity, DomainError? Problem) ParseSlotLength(string? duration, string? quantity)
    {
        TimeSpan? length = int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 44_640
            ? TimeSpan.FromMinutes(minutes)
            : duration?.StartsWith('P') == true && TryParseDuration(duration, out var parsed) && parsed > TimeSpan.Zero && parsed <= TimeSpan.FromDays(31) ? parsed : null;
        if (length is null)
        {
            return (default, 0, Refusal.Invalid("duration", "duration is required: whole minutes (60) or an ISO 8601 duration (PT1H), up to 31 days."));
        }

        if (quantity is not null && (!int.TryParse(quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1))
        {
            return (default, 0, Refusal.Invalid("quantity", "quantity must be a positive whole number."));
        }

        return (length.Value, quantity is null ? 1 : int.Parse(quantity, CultureInfo.InvariantCulture), null);
    }

    private static bool TryParseDuration(string? text, out TimeSpan? duration)
    {
        duration = null;
        if (text is null)
        {
            return true;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
