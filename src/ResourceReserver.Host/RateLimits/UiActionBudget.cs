using Microsoft.AspNetCore.Components.Authorization;

namespace ResourceReserver.Host.RateLimits;

/// <summary>
/// The web UI's side of the rate limits. What a user does in an interactive page arrives through the circuit, which
/// HTTP middleware never sees; every such action spends from the same budget as the user's API requests (per
/// account, or per IP when nobody is signed in). Used by <see cref="Components.ReserverComponent"/>.
/// </summary>
public sealed class UiActionBudget(RateLimitGate gate, AuthenticationStateProvider authentication, CircuitCaller caller)
{
    /// <summary>Spends one action; the used-up budget when it is refused, else null.</summary>
    public async Task<BudgetAnswer?> RefusalAsync()
    {
        if (!gate.Enabled)
        {
            return null;
        }

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return await gate.SpendAsync(user, caller.Address) is { Allowed: false } refused ? refused : null;
    }
}
