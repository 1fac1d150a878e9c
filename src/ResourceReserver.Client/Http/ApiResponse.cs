namespace ResourceReserver.Client.Http;

/// <summary>A successful answer: the typed value and the body exactly as the server sent it.</summary>
public sealed record ApiResponse<T>(T Value, string Body, int Status);
