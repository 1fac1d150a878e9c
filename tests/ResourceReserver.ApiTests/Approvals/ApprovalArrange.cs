using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Approvals;

/// <summary>Resources that require approval and requests pending on them.</summary>
public static class ApprovalArrange
{
    /// <summary>Creates, as <paramref name="admin"/>, a resource whose bookings need approval; returns its id.</summary>
    public static async Task<Guid> ResourceAsync(HttpClient admin, int capacity = 1, IEnumerable<Guid>? approvers = null, string? timeout = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/resources", new
        {
            name = "Approval " + Guid.NewGuid().ToString("N"),
            capacity,
            rules = new { requiresApproval = true, approvers = approvers?.Select(a => a.ToString()).ToArray() ?? [], approvalTimeout = timeout },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Books as <paramref name="booker"/>, asserts 202 pending_approval and returns the request's id.</summary>
    public static async Task<Guid> PendingAsync(HttpClient booker, Guid resourceId, DateTimeOffset start)
    {
        var response = await booker.BookAsync(resourceId, start, start.AddHours(1));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        Assert.Equal("pending_approval", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }
}
