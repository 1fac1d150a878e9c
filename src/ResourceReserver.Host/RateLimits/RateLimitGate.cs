using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.RateLimits;

/// <summary>
/// Which budget a caller spends from, for every way requests arrive (REST middleware, the web UI's circuit, the
/// sign-in and registration services): signed-in callers per account in their tier (<see cref="AccessTier"/>),
/// anonymous ones per IP, sign-in and registration attempts also per IP and per username.
/// </summary>
public sealed class RateLimitGate(IRequestBudget budget, IOptions<RateLimitOptions> options)
{
    private RateLimitOptions Options => options.Value;

    /// <summary>False when <c>RateLimits:Enabled=false</c>: nothing is counted.</summary>
    public bool Enabled => Options.Enabled;

    /// <summary>Spends one request of the caller's tier budget; null when limits are off.</summary>
    public async ValueTask<BudgetAnswer?> SpendAsync(ClaimsPrincipal? user, IPAddress? address)
    {
        if (!Enabled)
        {
            return null;
        }

        var (tier, partition) = user?.Identity?.IsAuthenticated == true && user.FindFirstValue(JwtRegisteredClaimNames.Sub) is { } subject
            ? (AccessTier.Of(user.FindAll(ClaimTypes.Role).Select(c => c.Value)), subject)
            : (AccessTier.Anonymous, AddressText(address));
        return await budget.SpendAsync($"{tier}:{partition}", Options.LimitOf(tier));
    }

    /// <summary>Spends one sign-in or registration attempt of an IP's budget; null when limits are off.</summary>
    public async ValueTask<BudgetAnswer?> SpendAttemptAsync(IPAddress? address) =>
        Enabled ? await budget.SpendAsync($"auth-ip:{AddressText(address)}", Options.Auth) : null;

    /// <summary>
    /// Spends one sign-in or registration attempt for <paramref name="username"/> (from any IP); the refusal
    /// (429 <c>rate_limited</c>) when its budget is used up, else null.
    /// </summary>
    public async ValueTask<DomainError?> RefuseAttemptForAsync(string? username)
    {
        if (!Enabled || string.IsNullOrEmpty(username))
        {
            return null;
        }

        var answer = await budget.SpendAsync($"auth-user:{username.Trim().ToLowerInvariant()}", Options.Auth);
        return answer.Allowed ? null : Refusal(answer, "Too many sign-in or registration attempts for this username.");
    }

    /// <summary>The 429 <c>rate_limited</c> refusal for a used-up budget.</summary>
    public static DomainError Refusal(BudgetAnswer answer, string? message = null) =>
        new(ErrorKind.TooManyRequests, "rate_limited", $"{message ?? "Too many requests."} The limit is {answer.Limit} per window; try again in {Problems.Problem.RetryAfterSeconds(answer.ResetIn)} s.")
        {
            RetryAfter = answer.ResetIn,
        };

    private static string AddressText(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
