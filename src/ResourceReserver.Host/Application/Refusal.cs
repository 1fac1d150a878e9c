using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Application;

/// <summary>Refusals built by the application services; the REST layer turns them into problem responses.</summary>
public static class Refusal
{
    /// <summary>One invalid field (422 <c>validation_failed</c>).</summary>
    public static DomainError Invalid(string field, string message) =>
        new(ErrorKind.Validation, ProblemCode.ValidationFailed, message) { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    /// <summary>Several invalid fields (422 <c>validation_failed</c>).</summary>
    public static DomainError Fields(IDictionary<string, string[]> errors) =>
        new(ErrorKind.Validation, ProblemCode.ValidationFailed, "Some fields are invalid.") { Errors = errors.ToDictionary() };

    /// <summary>A refusal of the given kind with a stable code.</summary>
    public static DomainError Of(ErrorKind kind, ProblemCode code, string message) => new(kind, code, message);

    /// <summary>A limit outside 1–100.</summary>
    public static DomainError InvalidLimit() => Invalid("limit", "limit must be a whole number from 1 to 100.");
}
