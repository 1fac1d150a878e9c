namespace ResourceReserver.Contracts;

/// <summary>Either a value or a <see cref="DomainError"/>; the grain-call result type.</summary>
[GenerateSerializer, Immutable, Alias("rr.Outcome`1")]
public sealed record Outcome<T>
{
    [Id(0)] public T? Value { get; init; }
    [Id(1)] public DomainError? Error { get; init; }

    /// <summary>True when the operation succeeded.</summary>
    public bool IsSuccess => Error is null;

    public static Outcome<T> Ok(T value) => new() { Value = value };
    public static Outcome<T> Fail(DomainError error) => new() { Error = error };

    public static implicit operator Outcome<T>(DomainError error) => Fail(error);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}
