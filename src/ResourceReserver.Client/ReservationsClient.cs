using System.Globalization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary><c>/reservations</c>.</summary>
public sealed class ReservationsClient(ApiTransport api)
{
    /// <summary><c>POST /reservations</c>, with an <c>Idempotency-Key</c> so a retried request books once.</summary>
    public Task<ApiResponse<ReservationView>> CreateAsync(CreateReservationRequest request, string? idempotencyKey, CancellationToken ct) =>
        api.SendAsync<ReservationView>(
            HttpMethod.Post,
            "api/v1/reservations",
            request,
            ct,
            idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    /// <summary><c>POST /reservations/series</c>.</summary>
    public Task<ApiResponse<SeriesView>> CreateSeriesAsync(CreateSeriesRequest request, CancellationToken ct) =>
        api.SendAsync<SeriesView>(HttpMethod.Post, "api/v1/reservations/series", request, ct);

    /// <summary><c>GET /reservations</c>, one page.</summary>
    public Task<ApiResponse<Page<ReservationView>>> ListAsync(ReservationQuery query, CancellationToken ct) =>
        api.SendAsync<Page<ReservationView>>(
            HttpMethod.Get,
            ApiTransport.Path(
                "api/v1/reservations",
                ("resourceId", query.ResourceId?.ToString()),
                ("from", ApiTransport.Instant(query.From)),
                ("until", ApiTransport.Instant(query.Until)),
                ("status", query.Status),
                ("limit", query.Limit?.ToString(CultureInfo.InvariantCulture)),
                ("cursor", query.Cursor)),
            null,
            ct);

    /// <summary><c>GET /reservations/{id}</c>.</summary>
    public Task<ApiResponse<ReservationView>> GetAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<ReservationView>(HttpMethod.Get, $"api/v1/reservations/{id}", null, ct);

    /// <summary><c>GET /reservations/{id}/history</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<HistoryEntry>>> HistoryAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<HistoryEntry>>(HttpMethod.Get, $"api/v1/reservations/{id}/history", null, ct);

    /// <summary><c>POST /reservations/{id}/cancel</c>.</summary>
    public Task<ApiResponse<ReservationView>> CancelAsync(Guid id, string? reason, CancellationToken ct) =>
        api.SendAsync<ReservationView>(HttpMethod.Post, $"api/v1/reservations/{id}/cancel", new CancelReservationRequest(reason), ct);

    /// <summary><c>POST /reservations/{id}/cancel-series</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<ReservationView>>> CancelSeriesAsync(Guid id, string scope, string? reason, CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<ReservationView>>(HttpMethod.Post, $"api/v1/reservations/{id}/cancel-series", new CancelSeriesRequest(scope, reason), ct);

    /// <summary><c>PATCH /reservations/{id}</c>.</summary>
    public Task<ApiResponse<ReservationView>> ChangeAsync(Guid id, ChangeReservationRequest request, CancellationToken ct) =>
        api.SendAsync<ReservationView>(HttpMethod.Patch, $"api/v1/reservations/{id}", request, ct);

    /// <summary><c>GET /reservations/{id}.ics</c>: the iCalendar text.</summary>
    public async Task<string> IcsAsync(Guid id, CancellationToken ct) => (await api.SendRawAsync(HttpMethod.Get, $"api/v1/reservations/{id}.ics", null, ct)).Body;
}

/// <summary>Filters of <c>GET /reservations</c>.</summary>
public sealed record ReservationQuery(
    Guid? ResourceId = null, DateTimeOffset? From = null, DateTimeOffset? Until = null, string? Status = null, int? Limit = null, string? Cursor = null);
