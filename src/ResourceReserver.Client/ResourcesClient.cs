using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary><c>/resources</c>.</summary>
public sealed class ResourcesClient(ApiTransport api)
{
    /// <summary><c>GET /resources</c>, one page.</summary>
    public Task<ApiResponse<Page<ResourceView>>> ListAsync(ResourceQuery query, CancellationToken ct) =>
        api.SendAsync<Page<ResourceView>>(
            HttpMethod.Get,
            ApiTransport.Path(
                "api/v1/resources",
                ("q", query.Text),
                ("tags", query.Tags is { Count: > 0 } tags ? string.Join(',', tags) : null),
                ("status", query.Status),
                ("availableFrom", ApiTransport.Instant(query.AvailableFrom)),
                ("availableUntil", ApiTransport.Instant(query.AvailableUntil)),
                ("limit", query.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("cursor", query.Cursor),
                ("groupId", query.GroupId?.ToString()),
                ("includeSubgroups", query.IncludeSubgroups ? "true" : null),
                ("labels", query.Labels is { Count: > 0 } labels ? string.Join(',', labels) : null),
                ("minCapacity", query.MinCapacity?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            null,
            ct);

    /// <summary><c>GET /resources/{id}</c>.</summary>
    public Task<ApiResponse<ResourceView>> GetAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<ResourceView>(HttpMethod.Get, $"api/v1/resources/{id}", null, ct);

    /// <summary><c>POST /resources</c>.</summary>
    public Task<ApiResponse<ResourceView>> CreateAsync(CreateResourceRequest request, CancellationToken ct) =>
        api.SendAsync<ResourceView>(HttpMethod.Post, "api/v1/resources", request, ct);

    /// <summary><c>PATCH /resources/{id}</c>.</summary>
    public Task<ApiResponse<ResourceView>> UpdateAsync(Guid id, UpdateResourceRequest request, CancellationToken ct) =>
        api.SendAsync<ResourceView>(HttpMethod.Patch, $"api/v1/resources/{id}", request, ct);

    /// <summary><c>POST /resources/import</c> of a CSV file (<c>?dryRun=true</c> when <paramref name="preview"/>); the raw JSON answer.</summary>
    public async Task<(int Status, string Body)> ImportAsync(Stream csv, bool preview, CancellationToken ct)
    {
        var content = new StreamContent(csv);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return await api.SendRawAsync(HttpMethod.Post, "api/v1/resources/import" + (preview ? "?dryRun=true" : ""), content, ct);
    }

    /// <summary><c>GET /resources/export.csv</c>, streamed into <paramref name="destination"/>; returns the bytes copied.</summary>
    public Task<long> ExportAsync(Stream destination, CancellationToken ct) => api.StreamAsync("api/v1/resources/export.csv", destination, ct);

    /// <summary><c>DELETE /resources/{id}</c>.</summary>
    public Task<(int Status, string Body)> DeleteAsync(Guid id, CancellationToken ct) => api.SendRawAsync(HttpMethod.Delete, $"api/v1/resources/{id}", null, ct);

    /// <summary><c>PUT /resources/{id}/status</c>.</summary>
    public Task<ApiResponse<ResourceView>> SetStatusAsync(Guid id, SetStatusRequest request, CancellationToken ct) =>
        api.SendAsync<ResourceView>(HttpMethod.Put, $"api/v1/resources/{id}/status", request, ct);

    /// <summary><c>GET /resources/{id}/availability</c>.</summary>
    public Task<ApiResponse<AvailabilityView>> AvailabilityAsync(Guid id, DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct) =>
        api.SendAsync<AvailabilityView>(
            HttpMethod.Get, ApiTransport.Path($"api/v1/resources/{id}/availability", ("from", ApiTransport.Instant(from)), ("until", ApiTransport.Instant(until))), null, ct);

    /// <summary><c>GET /resources/{id}/slots</c>.</summary>
    public Task<ApiResponse<SlotsView>> SlotsAsync(Guid id, DateOnly date, TimeSpan duration, int? quantity, CancellationToken ct) =>
        api.SendAsync<SlotsView>(
            HttpMethod.Get,
            ApiTransport.Path(
                $"api/v1/resources/{id}/slots",
                ("date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ("duration", ((int)duration.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("quantity", quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            null,
            ct);

    /// <summary><c>GET /resources/{id}/next-available</c>.</summary>
    public Task<ApiResponse<TimeSlot>> NextAvailableAsync(Guid id, TimeSpan duration, DateTimeOffset? after, CancellationToken ct) =>
        api.SendAsync<TimeSlot>(
            HttpMethod.Get,
            ApiTransport.Path(
                $"api/v1/resources/{id}/next-available",
                ("duration", ((int)duration.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("after", ApiTransport.Instant(after))),
            null,
            ct);

    /// <summary><c>GET /resources/tags</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<TagCount>>> TagsAsync(CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<TagCount>>(HttpMethod.Get, "api/v1/resources/tags", null, ct);
}

/// <summary>Filters of <c>GET /resources</c>.</summary>
public sealed record ResourceQuery(
    string? Text = null,
    IReadOnlyList<string>? Tags = null,
    string? Status = null,
    DateTimeOffset? AvailableFrom = null,
    DateTimeOffset? AvailableUntil = null,
    int? Limit = null,
    string? Cursor = null,
    Guid? GroupId = null,
    bool IncludeSubgroups = false,
    IReadOnlyList<Guid>? Labels = null,
    int? MinCapacity = null);
