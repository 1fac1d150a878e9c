namespace ResourceReserver.Contracts;

/// <summary>How an error maps onto HTTP; grains stay HTTP-agnostic.</summary>
public enum ErrorKind
{
    Validation = 0,
    Conflict = 1,
    NotFound = 2,
    Forbidden = 3,
    Gone = 4,
    Unauthorized = 5,
    Unavailable = 6,

    /// <summary>A rate limit or a quota is used up; <see cref="DomainError.RetryAfter"/> says for how long.</summary>
    TooManyRequests = 7,
}

/// <summary>A refusal with a stable snake_case code, a human message and, for conflicts, what blocked.</summary>
[GenerateSerializer, Immutable, Alias("rr.DomainError")]
public sealed record DomainError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message)
{
    /// <summary>Blocking intervals for a booking conflict.</summary>
    [Id(3)] public IReadOnlyList<TimeRange> Conflicts { get; init; } = [];

    /// <summary>Free intervals of the requested length that could be booked instead.</summary>
    [Id(4)] public IReadOnlyList<TimeRange> Suggestions { get; init; } = [];

    /// <summary>Field name → messages, for validation failures.</summary>
    [Id(5)] public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: when asking again can succeed.</summary>
    [Id(6)] public TimeSpan? RetryAfter { get; init; }

    public static DomainError NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static DomainError Invalid(string code, string message) => new(ErrorKind.Validation, code, message);
    public static DomainError Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
    public static DomainError Forbidden(string message) => new(ErrorKind.Forbidden, "forbidden", message);
}
