using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// Authentication: JWT bearer for the API and the live hub, a session cookie for the web UI, chosen per request by
/// one policy scheme; the admin policy and one policy per permission.
/// </summary>
public static class AuthSetup
{
    public const string AdminPolicy = "admin";

    /// <summary>The default scheme: forwards to JWT or to the UI cookie (<see cref="SelectScheme"/>).</summary>
    public const string SelectorScheme = "jwt-or-cookie";

    /// <summary>Adds authentication (JWT bearer, signing key from <see cref="SigningKeyProvider"/>) and authorization.</summary>
    public static WebApplicationBuilder AddReserverAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddHostedService<SigningKeyProvider.StartupCheck>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddSingleton<AccessResolver>();
        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "JWT for the API, cookie for the UI", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer()
            .AddCookie(UiSession.Scheme);
        builder.Services.AddSingleton<UiSession>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(UiSession.Scheme).Configure<UiSession>((options, session) => session.Configure(options));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider>((options, keys) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenService.Issuer,
                    ValidAudience = TokenService.Audience,
                    IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
                    NameClaimType = JwtRegisteredClaimNames.UniqueName,
                    RoleClaimType = ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    // Roles and permissions are current, not what they were when the token was issued.
                    OnTokenValidated = async context =>
                    {
                        var resolver = context.HttpContext.RequestServices.GetRequiredService<AccessResolver>();
                        if (context.Principal?.Identity is not ClaimsIdentity identity || !await resolver.ApplyAsync(identity))
                        {
                            context.Fail("The session behind this token has ended.");
                        }
                    },
                    // SignalR clients pass the token in the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: > 0 } token)
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPermissionPolicies()
            .AddUiPolicies();
        return builder;
    }

    /// <summary>
    /// A bearer token always means JWT; the API and the hub never accept the UI cookie (so no cross-site request can
    /// act through it); everything else (the UI, its sign-out and downloads, the dashboard) uses the cookie.
    /// </summary>
    public static string SelectScheme(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        var path = context.Request.Path;
        return path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") ? JwtBearerDefaults.AuthenticationScheme : UiSession.Scheme;
    }

    /// <summary>The signed-in user's id.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No subject claim."));

    /// <summary>The signed-in user as an actor with the permissions resolved for this request.</summary>
    public static Actor Actor(this ClaimsPrincipal principal) => Contracts.Actor.With(principal.UserId(), AccessResolver.PermissionsOf(principal));

    /// <summary>The signed-in user as an actor, or null when nobody is signed in.</summary>
    public static Actor? OptionalActor(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.FindFirstValue(JwtRegisteredClaimNames.Sub) is { } sub && Guid.TryParse(sub, out var id)
            ? Contracts.Actor.With(id, AccessResolver.PermissionsOf(principal))
            : null;

    /// <summary>The session (refresh-token family) the principal's token or cookie belongs to.</summary>
    public static Guid? SessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(AccessResolver.SessionClaim), out var session) ? session : null;
}
