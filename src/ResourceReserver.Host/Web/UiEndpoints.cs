using Microsoft.AspNetCore.Localization;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Components.Account;

namespace ResourceReserver.Host.Web;

/// <summary>The few plain HTTP endpoints the UI needs beside its pages: the language switch and .ics downloads.</summary>
public static class UiEndpoints
{
    /// <summary>Maps <c>/culture</c> and <c>/calendar/reservations/{id}.ics</c>.</summary>
    public static WebApplication MapUiEndpoints(this WebApplication app)
    {
        app.MapGet("/culture", (string? c, string? returnUrl, HttpContext http) =>
        {
            if (WebSetup.CultureCookie(c) is { } value)
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, value, new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    IsEssential = true,
                });
            }

            return Results.LocalRedirect(ReturnUrl.Safe(returnUrl));
        }).ExcludeFromDescription();

        // The UI's download link: the same rules as GET /api/v1/reservations/{id}.ics, signed in by the UI cookie.
        app.MapGet("/calendar/reservations/{id}.ics", async (string id, HttpContext http, CalendarService calendar, CancellationToken ct) =>
            CalendarApi.AsCalendar(await calendar.ReservationAsync(http.User.Actor(), id, ct)))
            .RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
