using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary><c>/holds</c> and hold timing.</summary>
public sealed class HoldsClient(ApiTransport api)
{
    /// <summary><c>POST /holds</c>.</summary>
    public Task<ApiResponse<HoldView>> CreateAsync(CreateHoldRequest request, CancellationToken ct) =>
        api.SendAsync<HoldView>(HttpMethod.Post, "api/v1/holds", request, ct);

    /// <summary><c>GET /holds/{id}</c>.</summary>
    public Task<ApiResponse<HoldView>> GetAsync(Guid id, CancellationToken ct) => api.SendAsync<HoldView>(HttpMethod.Get, $"api/v1/holds/{id}", null, ct);

    /// <summary><c>POST /holds/{id}/confirm</c>: the confirmed reservation.</summary>
    public Task<ApiResponse<ReservationView>> ConfirmAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<ReservationView>(HttpMethod.Post, $"api/v1/holds/{id}/confirm", null, ct);

    /// <summary><c>DELETE /holds/{id}</c>.</summary>
    public Task<(int Status, string Body)> ReleaseAsync(Guid id, CancellationToken ct) => api.SendRawAsync(HttpMethod.Delete, $"api/v1/holds/{id}", null, ct);

    /// <summary><c>GET /resources/{id}/hold-timing</c>.</summary>
    public Task<ApiResponse<HoldTiming>> TimingAsync(Guid resourceId, CancellationToken ct) =>
        api.SendAsync<HoldTiming>(HttpMethod.Get, $"api/v1/resources/{resourceId}/hold-timing", null, ct);
}
