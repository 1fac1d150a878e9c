using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.RateLimits;

/// <summary>
/// Spends every <c>/api</c> request from its caller's budget and says so in <c>X-RateLimit-Limit</c>,
/// <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (seconds) on every answer; over the limit it answers
/// 429 <c>rate_limited</c> with <c>Retry-After</c> before anything else runs. Sign-in and registration posts (the
/// API's and the UI's forms) also spend an IP's attempt budget. Runs before the request guard, so malformed requests
/// count too; it authenticates the request itself to know the caller (the result is cached for the request).
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitGate gate)
{
    /// <summary>Counts the request and answers 429 or passes it on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var isApi = request.Path.StartsWithSegments("/api");
        if (!gate.Enabled || !(isApi || IsAttempt(request)))
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress;
        BudgetAnswer? answer = null;
        if (isApi)
        {
            var authenticated = await context.AuthenticateAsync();
            answer = await gate.SpendAsync(authenticated.Succeeded ? authenticated.Principal : null, address);
        }

        if (IsAttempt(request) && await gate.SpendAttemptAsync(address) is { } attempt)
        {
            answer = answer is { } general ? BudgetAnswer.Tightest(general, attempt) : attempt;
        }

        if (answer is not { } spent)
        {
            await next(context);
            return;
        }

        if (isApi)
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["X-RateLimit-Limit"] = spent.Limit.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Remaining"] = spent.Remaining.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Reset"] = Problem.RetryAfterSeconds(spent.ResetIn).ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        if (spent.Allowed)
        {
            await next(context);
        }
        else if (isApi)
        {
            await Problem.From(RateLimitGate.Refusal(spent)).ExecuteAsync(context);
        }
        else
        {
            // The UI's sign-in and registration forms: a plain page a person can read.
            var wait = Problem.RetryAfterSeconds(spent.ResetIn);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsync($"Too many sign-in attempts from your address. Try again in {wait} seconds.");
        }
    }

    /// <summary>A sign-in or registration attempt: each one costs a BCrypt hash.</summary>
    private static bool IsAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/v1/auth/token") || request.Path.StartsWithSegments("/api/v1/auth/register")
            || request.Path.StartsWithSegments("/signin") || request.Path.StartsWithSegments("/register"));
}
