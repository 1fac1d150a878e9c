using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Web;

/// <summary>
/// Re-checks an open page's session every <see cref="WebOptions.RevalidationInterval"/>. Once the session is revoked
/// (sign-out anywhere, a stolen refresh token, a disabled account) the page loses its sign-in and moves to the sign-in
/// page; when the user's roles or their permissions changed, the page gets the new ones in place, so navigation and
/// admin pages follow a grant or a revocation without a reload.
/// </summary>
public sealed class SessionRevalidation : ServerAuthenticationStateProvider, IDisposable
{
    private readonly UiSession _session;
    private readonly IOptions<WebOptions> _options;
    private readonly ILogger<SessionRevalidation> _logger;
    private CancellationTokenSource? _loop;

    /// <summary>Starts a revalidation loop for every authentication state the circuit is given.</summary>
    public SessionRevalidation(UiSession session, IOptions<WebOptions> options, ILogger<SessionRevalidation> logger)
    {
        (_session, _options, _logger) = (session, options, logger);
        AuthenticationStateChanged += OnChanged;
    }

    private void OnChanged(Task<AuthenticationState> state)
    {
        _loop?.Cancel();
        _loop?.Dispose();
        _loop = new CancellationTokenSource();
        _ = LoopAsync(state, _loop.Token);
    }

    private async Task LoopAsync(Task<AuthenticationState> state, CancellationToken ct)
    {
        var user = (await state).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.Value.RevalidationInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (await RefreshAsync(user) is { } current && (current.User.Identity?.IsAuthenticated != true || !UiSession.SameAccess(user, current.User)))
                {
                    // Raises AuthenticationStateChanged, which starts the next loop with the new principal.
                    SetAuthenticationState(Task.FromResult(current));
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit ended or a newer state replaced this one.
        }
    }

    /// <summary>The state the page should have now; null when it is unchanged or could not be checked this time.</summary>
    private async Task<AuthenticationState?> RefreshAsync(ClaimsPrincipal user)
    {
        try
        {
            var current = await _session.RefreshAsync(user);
            return new AuthenticationState(current ?? new ClaimsPrincipal(new ClaimsIdentity()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A silo briefly unreachable: keep the page as it is and ask again at the next tick.
            _logger.LogWarning(exception, "Revalidating the UI session failed; the page keeps its current sign-in.");
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        AuthenticationStateChanged -= OnChanged;
        _loop?.Cancel();
        _loop?.Dispose();
    }
}
