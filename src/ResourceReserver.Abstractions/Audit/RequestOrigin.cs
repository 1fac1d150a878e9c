using Orleans.Runtime;

namespace ResourceReserver.Audit;

/// <summary>
/// Where a request came from: the signed-in actor, the client address and user agent. The host puts it in Orleans'
/// <see cref="RequestContext"/> for each HTTP request and each UI action, so it travels with every grain call the
/// request makes and every audit entry written for it carries it. Absent for the system's own work (reminders,
/// sweeps).
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.RequestOrigin")]
public sealed record RequestOrigin(
    [property: Id(0)] Guid? ActorId,
    [property: Id(1)] string? ActorName,
    [property: Id(2)] string? Ip,
    [property: Id(3)] string? UserAgent)
{
    private const string Key = "rr.origin";

    /// <summary>Longest user agent kept; longer ones are cut.</summary>
    public const int MaxUserAgent = 256;

    /// <summary>The OAuth2 client acting for the actor, if one is.</summary>
    [Id(4)] public string? ClientId { get; init; }

    /// <summary>The origin of the current request, if any.</summary>
    public static RequestOrigin? Current => RequestContext.Get(Key) as RequestOrigin;

    /// <summary>Makes <paramref name="origin"/> the current request's origin (for this async flow and the grain calls it makes).</summary>
    public static void Set(RequestOrigin? origin)
    {
        if (origin is null)
        {
            RequestContext.Remove(Key);
        }
        else
        {
            RequestContext.Set(Key, origin with { UserAgent = origin.UserAgent is { Length: > MaxUserAgent } ua ? ua[..MaxUserAgent] : origin.UserAgent });
        }
    }
}
