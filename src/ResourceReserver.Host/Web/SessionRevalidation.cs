using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Web;

/// <summary>
/// Re-checks an open page's session every <see cref="WebOptions.RevalidationInterval"/>: once the session is revoked
/// (sign-out anywhere, a stolen refresh token) or the roles changed, the page loses its sign-in and moves to the
/// sign-in page, whose next request drops the cookie.
/// </summary>
public sealed class SessionRevalidation(ILoggerFactory loggers, UiSession session, IOptions<WebOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    /// <inheritdoc />
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    /// <inheritdoc />
    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        return await session.CurrentRolesAsync(user) is { } roles && UiSession.HasRoles(user, roles);
    }
}
