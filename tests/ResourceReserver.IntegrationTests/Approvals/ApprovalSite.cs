using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Approvals;

/// <summary>Accounts, approval resources and requests on a real silo, for the approval delivery tests.</summary>
public static class ApprovalSite
{
    /// <summary>Registers <paramref name="username"/>, gives it an e-mail address and returns a signed-in client and its id.</summary>
    public static async Task<(HttpClient Client, Guid Id)> AccountAsync(SiloProcess silo, string username)
    {
        await ApiClient.RegisterAsync(silo, username);
        var client = ApiClient.For(silo, await ApiClient.SignInAsync(silo, username));
        var me = await client.PatchAsJsonAsync("/api/v1/users/me", new { email = $"{username}@example.test" });
        Assert.True(me.IsSuccessStatusCode, await me.Content.ReadAsStringAsync());
        return (client, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }

    /// <summary>Creates a resource whose bookings need approval; returns its id.</summary>
    public static async Task<Guid> ResourceAsync(HttpClient admin, string name, Guid[] approvers, string? timeout = null)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/resources", new
        {
            name,
            capacity = 1,
            rules = new { requiresApproval = true, approvers, approvalTimeout = timeout },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Books an hour from <paramref name="start"/>, asserts 202 pending_approval and returns the request's id.</summary>
    public static async Task<Guid> RequestAsync(HttpClient booker, Guid resourceId, DateTimeOffset start)
    {
        var response = await ApiClient.BookAsync(booker, resourceId, start, TimeSpan.FromHours(1));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending_approval", body.GetProperty("status").GetString());
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Joins the waitlist for the hour from <paramref name="start"/>; returns the entry's id.</summary>
    public static async Task<Guid> WaitAsync(HttpClient waiter, Guid resourceId, DateTimeOffset start)
    {
        var joined = await waiter.PostAsJsonAsync("/api/v1/waitlist", new { resourceId, start, end = start.AddHours(1) });
        Assert.True(joined.StatusCode == HttpStatusCode.Created, await joined.Content.ReadAsStringAsync());
        return (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Reads <paramref name="path"/> until <paramref name="done"/> holds for its body, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> EventuallyAsync(HttpClient client, string path, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement body;
        do
        {
            body = await client.GetFromJsonAsync<JsonElement>(path);
            if (done(body))
            {
                return body;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"{path} did not reach the expected state within {timeout}: {body}");
        return body;
    }

    /// <summary>True when the feed at <paramref name="body"/> holds a notification of <paramref name="kind"/> about <paramref name="reservationId"/>.</summary>
    public static bool HasNotification(JsonElement body, string kind, Guid reservationId) =>
        body.GetProperty("items").EnumerateArray().Any(n =>
            n.GetProperty("kind").GetString() == kind
            && n.TryGetProperty("reservationId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == reservationId);
}
