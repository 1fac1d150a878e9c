using NodaTime;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Hosting;

/// <summary>
/// Headers of the API contract: every answer says <c>api-version: 1</c>, an <c>/api</c> request may ask for its
/// instants in a zone with <c>X-Timezone</c> (an unknown zone is refused, naming the header) and for its texts in a
/// language with <c>Accept-Language</c> (<see cref="ApiLanguage"/>); deprecated routes say so (<see cref="Deprecation"/>).
/// </summary>
public static class ApiConventions
{
    /// <summary>The version every answer names.</summary>
    public const string Version = "1";

    /// <summary>Adds the version header and applies <c>Accept-Language</c> and <c>X-Timezone</c>.</summary>
    public static WebApplication UseApiConventions(this WebApplication app)
    {
        app.UseApiLanguage();
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["api-version"] = Version;
                Deprecation.AddHeaders(context);
                return Task.CompletedTask;
            });
            var requested = context.Request.Headers["X-Timezone"].ToString();
            if (requested.Length == 0 || !context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(requested.Trim()) is not { } zone)
            {
                await Problem.Invalid("X-Timezone", "X-Timezone must be an IANA time zone such as Europe/Paris.").ExecuteAsync(context);
                return;
            }

            ResponseTimeZone.Current = zone;
            context.Response.Headers["X-Timezone"] = zone.Id;
            await next(context);
        });
        return app;
    }
}
