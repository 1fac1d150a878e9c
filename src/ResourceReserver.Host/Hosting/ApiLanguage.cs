using System.Globalization;
using Microsoft.Net.Http.Headers;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Hosting;

/// <summary>
/// The language of an <c>/api</c> answer's texts (problem titles and details): the best of en, es and fr the
/// <c>Accept-Language</c> header asks for (English when it asks for none of them), named in <c>Content-Language</c>.
/// </summary>
public static class ApiLanguage
{
    /// <summary>The language <paramref name="acceptLanguage"/> picks: the highest quality that is spoken here.</summary>
    public static string Choose(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || !StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var ranges))
        {
            return NotificationPreferences.Languages[0];
        }

        return ranges
            .Where(r => (r.Quality ?? 1) > 0)
            .OrderByDescending(r => r.Quality ?? 1) // stable: equal qualities keep the client's order
            .Select(r => r.Value.Value!.Split('-')[0].ToLowerInvariant())
            .Select(tag => tag == "*" ? NotificationPreferences.Languages[0] : tag)
            .FirstOrDefault(NotificationPreferences.Languages.Contains) ?? NotificationPreferences.Languages[0];
    }

    /// <summary>Sets the UI culture of <c>/api</c> requests and names it in <c>Content-Language</c>.</summary>
    public static WebApplication UseApiLanguage(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            var language = Choose(context.Request.Headers.AcceptLanguage);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentLanguage = language;
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
