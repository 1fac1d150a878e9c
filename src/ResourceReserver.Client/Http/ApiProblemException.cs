using ResourceReserver.Client.Models;

namespace ResourceReserver.Client.Http;

/// <summary>The API refused a request: a non-success status with its problem document.</summary>
public sealed class ApiProblemException(int status, ProblemView problem, string body)
    : Exception($"{status} {problem.Code}: {problem.Detail ?? problem.Title}")
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The problem, with <c>code</c> and <c>detail</c>.</summary>
    public ProblemView Problem { get; } = problem;

    /// <summary>The body exactly as the server sent it.</summary>
    public string Body { get; } = body;
}
