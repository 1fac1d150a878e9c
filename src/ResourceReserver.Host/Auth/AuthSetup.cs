using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Auth;

/// <summary>JWT bearer authentication and the two role policies.</summary>
public static class AuthSetup
{
    public const string AdminPolicy = "admin";

    /// <summary>Adds authentication (JWT bearer, signing key from <see cref="SigningKeyProvider"/>) and authorization.</summary>
    public static WebApplicationBuilder AddReserverAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SigningKeyProvider>();
        builder.Services.AddHostedService<SigningKeyProvider.StartupCheck>();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
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
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        return builder;
    }

    /// <summary>The signed-in user's id.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No subject claim."));

    /// <summary>The signed-in user as a grain-level actor.</summary>
    public static Actor Actor(this ClaimsPrincipal principal) => new(principal.UserId(), principal.IsInRole(Roles.Admin));
}
