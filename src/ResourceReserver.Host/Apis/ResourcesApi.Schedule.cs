using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

public static partial class ResourcesApi
{
    private static async Task<Results<Ok<SlotsView>, ProblemHttpResult>> SlotsAsync(string id, string? date, string? duration, string? quantity, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2199)
        {
            return Problem.Invalid("date", "date is required: a local date of the resource written yyyy-MM-dd.");
        }

        if (ParseSlotLength(duration, quantity) is { Problem: { } problem })
        {
            return problem;
        }

        var (length, units, _) = ParseSlotLength(duration, quantity);
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).GetSlotsAsync(day, length, units);
        if (!outcome.IsSuccess)
        {
            return Problem.From(outcome.Error!);
        }

        var slots = outcome.Value!;
        return TypedResults.Ok(new SlotsView(resourceId, date!, slots.TimeZone, (int)length.TotalMinutes, slots.Slots));
    }

    private static async Task<Results<Ok<TimeRange>, ProblemHttpResult>> NextAvailableAsync(
        string id, string? duration, string? quantity, string? after, IGrainFactory grains)
    {
        if (!Guid.TryParse(id, out var resourceId))
        {
            return NotFound(id);
        }

        if (ParseSlotLength(duration, quantity) is { Problem: { } problem })
        {
            return problem;
        }

        if (!Instants.TryParseOptional(after, out var from) || from < Scheduling.BookingPolicy.EarliestInstant || from > Scheduling.BookingPolicy.LatestInstant)
        {
            return Problem.Invalid("after", "after must be an ISO 8601 instant with an offset between 2000 and 2200.");
        }

        var (length, units, _) = ParseSlotLength(duration, quantity);
        var outcome = await grains.GetGrain<IResourceGrain>(resourceId).GetNextAvailableAsync(length, units, from);
        if (!outcome.IsSuccess)
        {
            return Problem.From(outcome.Error!);
        }

        return outcome.Value is { } found
            ? TypedResults.Ok(found)
            : Problem.Of(404, "no_availability", "No free slot of that length lies within the booking horizon.");
    }

    private static async Task<Ok<AvailabilitySummary>> SummaryAsync(SqlReadStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAvailabilitySummaryAsync(DateTimeOffset.UtcNow, ct));

    /// <summary>Duration as whole minutes (<c>60</c>) or ISO 8601 (<c>PT1H</c>), quantity 1 unless given.</summary>
    private static (TimeSpan Length, int Quantity, ProblemHttpResult? Problem) ParseSlotLength(string? duration, string? quantity)
    {
        TimeSpan? length = int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 44_640
            ? TimeSpan.FromMinutes(minutes)
            : duration?.StartsWith('P') == true && TryParseDuration(duration, out var parsed) && parsed > TimeSpan.Zero && parsed <= TimeSpan.FromDays(31) ? parsed : null;
        if (length is null)
        {
            return (default, 0, Problem.Invalid("duration", "duration is required: whole minutes (60) or an ISO 8601 duration (PT1H), up to 31 days."));
        }

        if (quantity is not null && (!int.TryParse(quantity, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1))
        {
            return (default, 0, Problem.Invalid("quantity", "quantity must be a positive whole number."));
        }

        return (length.Value, quantity is null ? 1 : int.Parse(quantity, CultureInfo.InvariantCulture), null);
    }
}
