using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary><c>/approvals</c>: requests waiting for the caller's decision, and deciding them.</summary>
public sealed class ApprovalsClient(ApiTransport api)
{
    /// <summary><c>GET /approvals</c>, one page: <paramref name="status"/> <c>pending</c> (the server's default), <c>approved</c> or <c>rejected</c>.</summary>
    public Task<ApiResponse<Page<ApprovalRequestView>>> ListAsync(string? status, int? limit, string? cursor, CancellationToken ct) =>
        api.SendAsync<Page<ApprovalRequestView>>(
            HttpMethod.Get,
            ApiTransport.Path("api/v1/approvals", ("status", status), ("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("cursor", cursor)),
            null,
            ct);

    /// <summary><c>POST /approvals/{reservationId}/approve</c>: the request becomes a confirmed reservation.</summary>
    public Task<ApiResponse<ReservationView>> ApproveAsync(Guid reservationId, string? message, CancellationToken ct) =>
        api.SendAsync<ReservationView>(HttpMethod.Post, $"api/v1/approvals/{reservationId}/approve", new ApprovalDecisionRequest(message), ct);

    /// <summary><c>POST /approvals/{reservationId}/reject</c>: the message tells the requester why.</summary>
    public Task<ApiResponse<ReservationView>> RejectAsync(Guid reservationId, string message, CancellationToken ct) =>
        api.SendAsync<ReservationView>(HttpMethod.Post, $"api/v1/approvals/{reservationId}/reject", new ApprovalDecisionRequest(message), ct);
}
