using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;

namespace ResourceReserver.Client;

/// <summary><c>/waitlist</c>.</summary>
public sealed class WaitlistClient(ApiTransport api)
{
    /// <summary><c>POST /waitlist</c>.</summary>
    public Task<ApiResponse<WaitlistEntryView>> JoinAsync(JoinWaitlistRequest request, CancellationToken ct) =>
        api.SendAsync<WaitlistEntryView>(HttpMethod.Post, "api/v1/waitlist", request, ct);

    /// <summary><c>GET /waitlist</c>: the caller's entries.</summary>
    public Task<ApiResponse<WaitlistPage>> ListAsync(CancellationToken ct) => api.SendAsync<WaitlistPage>(HttpMethod.Get, "api/v1/waitlist", null, ct);

    /// <summary><c>GET /waitlist/{id}</c>.</summary>
    public Task<ApiResponse<WaitlistEntryView>> GetAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<WaitlistEntryView>(HttpMethod.Get, $"api/v1/waitlist/{id}", null, ct);

    /// <summary><c>POST /waitlist/{id}/accept</c>.</summary>
    public Task<ApiResponse<WaitlistEntryView>> AcceptAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<WaitlistEntryView>(HttpMethod.Post, $"api/v1/waitlist/{id}/accept", null, ct);

    /// <summary><c>POST /waitlist/{id}/decline</c>.</summary>
    public Task<ApiResponse<WaitlistEntryView>> DeclineAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<WaitlistEntryView>(HttpMethod.Post, $"api/v1/waitlist/{id}/decline", null, ct);

    /// <summary><c>DELETE /waitlist/{id}</c>.</summary>
    public Task<ApiResponse<WaitlistEntryView>> LeaveAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<WaitlistEntryView>(HttpMethod.Delete, $"api/v1/waitlist/{id}", null, ct);
}
