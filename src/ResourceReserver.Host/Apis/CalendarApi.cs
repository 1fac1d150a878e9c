using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>iCalendar: one reservation as .ics, and a secret per-user feed URL calendar apps can subscribe to (see <see cref="CalendarService"/>).</summary>
public static class CalendarApi
{
    /// <summary>The media type of iCalendar answers.</summary>
    public const string CalendarType = "text/calendar; charset=utf-8";

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

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReservationAsync(string id, HttpContext http, CalendarService calendar, CancellationToken ct) =>
        AsCalendar(await calendar.ReservationAsync(http.User.Actor(), id, ct));

    private static async Task<Ok<CalendarSubscription>> SubscriptionAsync(HttpContext http, CalendarService calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.SubscriptionAsync(http.User.Actor(), BaseUri(http), ct));

    private static async Task<Ok<CalendarSubscription>> RotateAsync(HttpContext http, CalendarService calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.RotateAsync(http.User.Actor(), BaseUri(http), ct));

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FeedAsync(string token, CalendarService calendar, CancellationToken ct) =>
        AsCalendar(await calendar.FeedAsync(token, ct));

    /// <summary>The document as <c>text/calendar</c>, or the problem.</summary>
    public static Results<ContentHttpResult, ProblemHttpResult> AsCalendar(ResourceReserver.Contracts.Outcome<string> outcome) =>
        outcome.IsSuccess ? TypedResults.Text(outcome.Value!, CalendarType) : Problem.From(outcome.Error!);

    private static string BaseUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
