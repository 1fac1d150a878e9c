using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>The document's own parts: its description and licence, servers without a trailing slash, and described tags.</summary>
public sealed class DocumentShape : IOpenApiDocumentTransformer
{
    /// <summary>The tag of the Orleans dashboard's routes.</summary>
    public const string DashboardTag = "Dashboard";

    private static readonly Dictionary<string, string> TagTexts = new()
    {
        ["Auth"] = "Registration, tokens (OAuth2 token endpoint) and signing out.",
        ["Users"] = "Your own account: profile, language, permissions, password.",
        ["User administration"] = "Other people's accounts (users.manage).",
        ["Roles"] = "Built-in and custom roles (users.manage).",
        ["MFA"] = "Time-based one-time codes (RFC 6238) and backup codes for your account.",
        ["OAuth2"] = "OAuth2 clients, the authorization code flow, revocation and introspection.",
        ["Resources"] = "Rooms, desks and equipment: details, rules, status, availability and free slots.",
        ["Reservations"] = "Bookings, recurring series, changes, cancellations and history.",
        ["Holds"] = "Short holds on a slot before confirming it.",
        ["Waitlist"] = "Waiting for a slot and answering offers.",
        ["Calendar"] = "iCalendar files and your secret calendar feed.",
        ["Notifications"] = "Your in-app notification feed.",
        ["Webhooks"] = "Signed event deliveries to other systems (webhooks.manage).",
        [DashboardTag] = "The Orleans dashboard's data, for administrators.",
    };

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Resource Reserver API",
            Version = "1",
            License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            Description = "Book rooms, desks and equipment without double bookings. JSON in camelCase; instants are ISO 8601 with an "
                + "offset (answers in UTC, or in the zone X-Timezone names); durations ISO 8601 (PT1H30M). Errors are RFC 9457 "
                + "problems with a stable `code`; Accept-Language (en, es, fr) words their title and detail. Sign in with the "
                + "password flow of the oauth2 scheme, or paste an access token from POST /api/v1/auth/token as the bearer token.",
        };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        }

        var used = (document.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagTexts.GetValueOrDefault(name, name),
        }));
        return Task.CompletedTask;
    }
}
