using System.ComponentModel.DataAnnotations;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.RateLimits;

/// <summary>Requests per <see cref="Window"/> (<c>RateLimits:*</c>): per IP for anonymous callers, per account otherwise.</summary>
public sealed class RateLimitOptions
{
    /// <summary>False turns every limit off (benchmarks, load tests); the headers are not sent then.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The counting window; a window starts with the first request of its partition.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, int.MaxValue)]
    public int Anonymous { get; set; } = 60;

    [Range(1, int.MaxValue)]
    public int Guest { get; set; } = 200;

    [Range(1, int.MaxValue)]
    public int User { get; set; } = 200;

    [Range(1, int.MaxValue)]
    public int Premium { get; set; } = 500;

    [Range(1, int.MaxValue)]
    public int Admin { get; set; } = 1000;

    /// <summary>
    /// Sign-in and registration attempts (<c>/auth/token</c>, <c>/auth/register</c> and the UI's forms) per IP, and
    /// again per username: each one costs a BCrypt hash.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int Auth { get; set; } = 10;

    /// <summary>The limit of a tier (<see cref="AccessTier"/>).</summary>
    public int LimitOf(string tier) => tier switch
    {
        Roles.Admin => Admin,
        Roles.Premium => Premium,
        Roles.User => User,
        Roles.Guest => Guest,
        _ => Anonymous,
    };
}
