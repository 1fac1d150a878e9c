using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.Calendar;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>iCalendar: one reservation as .ics, and a secret per-user feed URL calendar apps can subscribe to.</summary>
public static class CalendarApi
{
    private const string CalendarType = "text/calendar; charset=utf-8";
    private const int FeedLimit = 1000;

    /// <summary>Maps <c>/api/v1/calendar</c> and <c>/api/v1/reservations/{id}.ics</c>.</summary>
    public static RouteGroupBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/reservations/{id}.ics", ReservationAsync).WithTags("Calendar").WithName("ReservationIcs").RequireAuthorization();
        var group = routes.MapGroup("/api/v1/calendar").WithTags("Calendar");
        group.MapGet("/subscription", SubscriptionAsync).WithName("CalendarSubscription").RequireAuthorization();
        group.MapPost("/subscription/rotate", RotateAsync).WithName("RotateCalendarSubscription").RequireAuthorization();
        group.MapGet("/feeds/{token}.ics", FeedAsync).WithName("CalendarFeed").AllowAnonymous();
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReservationAsync(
        string id, HttpContext http, SqlReadStore store, EventLog log, CancellationToken ct)
    {
        var actor = http.User.Actor();
        if (!Guid.TryParse(id, out var reservationId) || await store.GetReservationAsync(reservationId, ct) is not { } reservation
            || (reservation.UserId != actor.UserId && !actor.IsAdmin))
        {
            return Problem.Of(404, "reservation_not_found", "No reservation with this id is visible to you.");
        }

        return TypedResults.Text(await WriteAsync([reservation], log, "Reservation", ct), CalendarType);
    }

    private static async Task<Ok<CalendarSubscription>> SubscriptionAsync(HttpContext http, CalendarFeedStore feeds, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(ToSubscription(http, await feeds.GetOrCreateAsync(http.User.UserId(), time.GetUtcNow(), ct)));

    private static async Task<Ok<CalendarSubscription>> RotateAsync(HttpContext http, CalendarFeedStore feeds, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(ToSubscription(http, await feeds.RotateAsync(http.User.UserId(), time.GetUtcNow(), ct)));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedAsync(
        string token, CalendarFeedStore feeds, SqlReadStore store, EventLog log, TimeProvider time, CancellationToken ct)
    {
        if (await feeds.FindOwnerAsync(token, ct) is not { } userId)
        {
            return Problem.Of(404, "feed_not_found", "No calendar feed has this address.");
        }

        var reservations = new List<Reservation>();
        string? cursor = null;
        do
        {
            var page = await store.ListReservationsAsync(new ReservationFilter(userId, null, time.GetUtcNow().AddDays(-90), null, null, 100, cursor), ct);
            reservations.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && reservations.Count < FeedLimit);

        return TypedResults.Text(await WriteAsync(reservations, log, "Reservations", ct), CalendarType);
    }

    private static async Task<string> WriteAsync(IReadOnlyList<Reservation> reservations, EventLog log, string name, CancellationToken ct)
    {
        var resources = new Dictionary<Guid, ResourceSnapshot>();
        foreach (var resourceId in reservations.Select(r => r.ResourceId).Distinct())
        {
            if (await log.GetResourceAsync(resourceId, ct) is { } resource)
            {
                resources[resourceId] = resource;
            }
        }

        return ReservationCalendar.Write(reservations, resources, name);
    }

    private static CalendarSubscription ToSubscription(HttpContext http, string token)
    {
        var path = $"/api/v1/calendar/feeds/{token}.ics";
        return new CalendarSubscription($"{http.Request.Scheme}://{http.Request.Host}{path}", path);
    }
}
