using System.Text.Json;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary>Health (outside <c>/api/v1</c>) and the availability summary.</summary>
public sealed class SystemClient(ApiTransport api)
{
    /// <summary><c>GET /health</c>; an unhealthy server answers 503 with the same document, which is returned too.</summary>
    public async Task<ApiResponse<HealthReport>> HealthAsync(CancellationToken ct)
    {
        using var response = await api.Http.GetAsync("health", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return new ApiResponse<HealthReport>(JsonSerializer.Deserialize<HealthReport>(body, ApiJson.Options)!, body, (int)response.StatusCode);
    }

    /// <summary><c>GET /resources/summary</c>.</summary>
    public Task<ApiResponse<AvailabilitySummary>> SummaryAsync(CancellationToken ct) =>
        api.SendAsync<AvailabilitySummary>(HttpMethod.Get, "api/v1/resources/summary", null, ct);

    /// <summary><c>GET /openapi/v1.json</c>: the API description the server publishes.</summary>
    public async Task<ApiResponse<JsonElement>> OpenApiAsync(CancellationToken ct)
    {
        var (status, body) = await api.SendRawAsync(HttpMethod.Get, "openapi/v1.json", null, ct);
        return new ApiResponse<JsonElement>(JsonDocument.Parse(body).RootElement.Clone(), body, status);
    }
}
