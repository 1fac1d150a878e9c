using Microsoft.AspNetCore.Authorization;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Auth;

/// <summary>
/// Which scope an OAuth2 client's token needs for an endpoint, and the middleware that refuses it otherwise
/// (403 <c>insufficient_scope</c>), before authorization looks at permissions. An endpoint may say so itself
/// (<see cref="RequireScope{TBuilder}"/>, <see cref="FirstPartyOnly{TBuilder}"/>); otherwise a management permission
/// needs <c>admin</c>, reads need <c>read</c>, deletes <c>delete</c> and every other change <c>write</c>. First-party
/// tokens (a person's own sign-in) are not limited by scopes.
/// </summary>
public static class ScopeRules
{
    /// <summary>What an endpoint asks of client tokens.</summary>
    /// <param name="Scope">The scope needed (null: none).</param>
    /// <param name="ClientsAllowed">False when no client token may call it at all.</param>
    public sealed record ScopeRequirement(string? Scope, bool ClientsAllowed = true);

    /// <summary>Client tokens need <paramref name="scope"/> here.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ScopeRequirement(scope));

    /// <summary>Only a person's own sign-in may call this (passwords, MFA, client registration, consent).</summary>
    public static TBuilder FirstPartyOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ScopeRequirement(null, ClientsAllowed: false));

    /// <summary>Any token may call this (the OAuth2 endpoints authenticate clients themselves).</summary>
    public static TBuilder AnyScope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ScopeRequirement(null));

    /// <summary>The requirement of an endpoint for client tokens.</summary>
    public static ScopeRequirement RequirementOf(Endpoint endpoint, string method)
    {
        if (endpoint.Metadata.GetMetadata<ScopeRequirement>() is { } declared)
        {
            return declared;
        }

        var management = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => PermissionPolicies.PermissionOf(a.Policy))
            .Any(p => p is { } permission && permission != Contracts.Permission.ReservationsBook);
        return new ScopeRequirement(
            management ? Scopes.Admin
            : HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? Scopes.Read
            : HttpMethods.IsDelete(method) ? Scopes.Delete
            : Scopes.Write);
    }

    /// <summary>Refuses client tokens lacking the endpoint's scope; runs after authentication, before authorization.</summary>
    public static IApplicationBuilder UseScopeEnforcement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirst(Scopes.ClientClaim) is null || context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }

        var granted = (context.User.FindFirst(Scopes.Claim)?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var requirement = context.Request.Path.StartsWithSegments("/hubs") ? new ScopeRequirement(Scopes.Read) : RequirementOf(endpoint, context.Request.Method);
        if (requirement.ClientsAllowed && (requirement.Scope is null || granted.Contains(requirement.Scope)))
        {
            await next(context);
            return;
        }

        var detail = requirement.ClientsAllowed
            ? $"This needs the scope '{requirement.Scope}'; the token has '{string.Join(' ', granted)}'."
            : "Only the account holder's own sign-in may do this; no OAuth2 scope grants it.";
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{requirement.Scope}\"";
        await Problem.Of(StatusCodes.Status403Forbidden, ProblemCode.InsufficientScope, detail).ExecuteAsync(context);
    });
}
