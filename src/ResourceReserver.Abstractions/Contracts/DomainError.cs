using System.Text.Json.Serialization;

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

/// <summary>A refusal with a stable snake_case code from <see cref="ProblemCode"/>, a human message and, for conflicts, what blocked.</summary>
[GenerateSerializer, Immutable, Alias("rr.DomainError")]
public sealed record DomainError
{
    /// <summary>A refusal of <paramref name="kind"/> with one of the catalogued codes.</summary>
    public DomainError(ErrorKind kind, ProblemCode code, string message)
        : this(kind, code.Value, message)
    {
    }

    // Reads a refusal stored as JSON (remembered idempotent answers): its code was catalogued when it was written.
    [JsonConstructor]
    private DomainError(ErrorKind kind, string code, string message)
    {
        Kind = kind;
        Code = code;
        Message = message;
    }

    /// <summary>How it maps onto HTTP.</summary>
    [Id(0)] public ErrorKind Kind { get; }

    /// <summary>The stable code (an <see cref="ProblemCode"/> value); never translated.</summary>
    [Id(1)] public string Code { get; }

    /// <summary>What went wrong, in English; the host may show a translation instead.</summary>
    [Id(2)] public string Message { get; }

    /// <summary>Blocking intervals for a booking conflict.</summary>
    [Id(3)] public IReadOnlyList<TimeRange> Conflicts { get; init; } = [];

    /// <summary>Free intervals of the requested length that could be booked instead.</summary>
    [Id(4)] public IReadOnlyList<TimeRange> Suggestions { get; init; } = [];

    /// <summary>Field name → messages, for validation failures.</summary>
    [Id(5)] public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>For <see cref="ErrorKind.TooManyRequests"/>: when asking again can succeed.</summary>
    [Id(6)] public TimeSpan? RetryAfter { get; init; }

    public static DomainError NotFound(ProblemCode code, string message) => new(ErrorKind.NotFound, code, message);
    public static DomainError Invalid(ProblemCode code, string message) => new(ErrorKind.Validation, code, message);
    public static DomainError Conflict(ProblemCode code, string message) => new(ErrorKind.Conflict, code, message);
    public static DomainError Forbidden(string message) => new(ErrorKind.Forbidden, ProblemCode.Forbidden, message);
}
