using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OtpNet;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Audit;

/// <summary>
/// The acceptance test of the audit log: every kind of action, done through the API by real requests to a real
/// server, leaves exactly one entry with its actor, client address, user agent and outcome; and no password, token,
/// code or secret the test used appears in the entries, in either export, or in anything the host logged.
/// </summary>
[Collection(AuditCollection.Name)]
public sealed class AuditTrailTests(AuditFixture api)
{
    private const string First = "Aud1t-First-Pass!", Second = "Aud1t-Second-Pass?", Reset = "Aud1t-Reset-Pass#", Wrong = "Wr0ng-Guess-Pass$";
    private const string UrlSecret = "s3cr3t-in-the-url";

    private readonly List<string> _secrets = [ApiFixture.Password, First, Second, Reset, Wrong, UrlSecret];

    [Fact]
    public async Task Every_kind_of_action_leaves_exactly_one_entry_and_no_secret_anywhere()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var expect = new AuditExpectations(since);
        var admin = api.Client();
        admin.DefaultRequestHeaders.Authorization = api.Admin.DefaultRequestHeaders.Authorization;
        var adminId = api.AdminId;

        // Accounts and sessions.
        var anonymous = api.Client();
        var username = "aud_" + Guid.NewGuid().ToString("N")[..10];
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username, password = First });
        var userId = (await registered.JsonAsync()).GetProperty("id").GetGuid();
        expect.Add("user.created", userId, userId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(anonymous, ("grant_type", "password"), ("username", username), ("password", Wrong))).StatusCode);
        expect.Add("auth.sign_in", userId, null, "failure");
        var user = await SignInAsync(username, First);
        expect.Add("auth.sign_in", userId, userId);
        var refresh = Keep((await TokenBodyAsync(anonymous, ("grant_type", "refresh_token"), ("refresh_token", _secrets[^1]))).GetProperty("refresh_token").GetString()!);
        expect.Add("auth.token_refresh", userId, userId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(anonymous, ("grant_type", "refresh_token"), ("refresh_token", _secrets[^2]))).StatusCode);
        expect.Add("auth.session_revoked", userId, userId);
        expect.Add("auth.token_refresh", userId, null, "failure");
        Assert.NotEmpty(refresh);

        user = await SignInAsync(username, First);
        expect.Add("auth.sign_in", userId, userId);
        Ok(await user.PatchAsJsonAsync("/api/v1/users/me", new { emailNotifications = false }));
        expect.Add("user.updated", userId, userId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await user.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = Wrong, newPassword = Second })).StatusCode);
        expect.Add("auth.password_changed", userId, userId, "failure");
        Ok(await user.PostAsJsonAsync("/api/v1/users/me/password", new { currentPassword = First, newPassword = Second }));
        expect.Add("auth.password_changed", userId, userId);

        // MFA: every code and the secret go on the list of things no entry may hold.
        var setup = await (await user.PostAsync("/api/v1/users/me/mfa/setup", null)).JsonAsync();
        var mfaSecret = Keep(setup.GetProperty("secret").GetString()!);
        var backup = setup.GetProperty("backupCodes").EnumerateArray().Select(c => Keep(c.GetString()!)).ToList();
        expect.Add("mfa.setup", userId, userId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await user.PostAsJsonAsync("/api/v1/users/me/mfa/enable", new { code = "000000" })).StatusCode);
        expect.Add("mfa.enabled", userId, userId, "failure");
        Ok(await user.PostAsJsonAsync("/api/v1/users/me/mfa/enable", new { code = Keep(Totp(mfaSecret, 0)) }));
        expect.Add("mfa.enabled", userId, userId);
        var renewed = await (await user.PostAsJsonAsync("/api/v1/users/me/mfa/backup-codes", new { code = backup[0] })).JsonAsync();
        var newBackup = renewed.GetProperty("backupCodes").EnumerateArray().Select(c => Keep(c.GetString()!)).ToList();
        expect.Add("mfa.backup_codes", userId, userId);
        Ok(await user.PostAsJsonAsync("/api/v1/users/me/mfa/disable", new { password = Second, code = newBackup[0] }));
        expect.Add("mfa.disabled", userId, userId);

        Keep((await user.GetOkAsync("/api/v1/calendar/subscription")).GetProperty("url").GetString()!);
        Keep((await (await user.PostAsync("/api/v1/calendar/subscription/rotate", null)).JsonAsync()).GetProperty("url").GetString()!);
        expect.Add("calendar.feed_rotated", userId, userId);

        // Resources, reservations, holds, waitlist.
        var resourceId = await CreatedIdAsync(admin, "/api/v1/resources", new { name = "Audit room " + ApiCalls.Marker(), capacity = 1 });
        expect.Add("resource.created", resourceId, adminId);
        Ok(await admin.PatchAsJsonAsync($"/api/v1/resources/{resourceId}", new { description = "audited" }));
        expect.Add("resource.updated", resourceId, adminId);
        Ok(await admin.PutAsJsonAsync($"/api/v1/resources/{resourceId}/status", new { status = "maintenance" }));
        expect.Add("resource.unavailable", resourceId, adminId);
        Ok(await admin.PutAsJsonAsync($"/api/v1/resources/{resourceId}/status", new { status = "available" }));
        expect.Add("resource.available", resourceId, adminId);
        Ok(await admin.PutAsJsonAsync($"/api/v1/resources/{resourceId}/hold-timing", new { holdDuration = "PT7M" }));
        expect.Add("resource.hold_timing_changed", resourceId, adminId);

        var start = ApiFixture.FutureHour(3, 9);
        var reservationId = await CreatedIdAsync(user, "/api/v1/reservations", new { resourceId, start, end = start.AddHours(1) });
        expect.Add("reservation.created", reservationId, userId);
        Ok(await user.PatchAsJsonAsync($"/api/v1/reservations/{reservationId}", new { notes = "changed" }));
        expect.Add("reservation.updated", reservationId, userId);
        Ok(await user.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { reason = "plans changed" }));
        expect.Add("reservation.cancelled", reservationId, userId);

        var holdId = await CreatedIdAsync(user, "/api/v1/holds", new { resourceId, start = start.AddHours(2), end = start.AddHours(3) });
        expect.Add("reservation.held", holdId, userId);
        var confirmed = (await (await user.PostAsync($"/api/v1/holds/{holdId}/confirm", null)).JsonAsync()).GetProperty("id").GetGuid();
        expect.Add("reservation.created", confirmed, userId);
        var releasedId = await CreatedIdAsync(user, "/api/v1/holds", new { resourceId, start = start.AddHours(4), end = start.AddHours(5) });
        expect.Add("reservation.held", releasedId, userId);
        Assert.Equal(HttpStatusCode.NoContent, (await user.DeleteAsync($"/api/v1/holds/{releasedId}")).StatusCode);
        expect.Add("reservation.cancelled", releasedId, userId);

        var fullId = await CreatedIdAsync(admin, "/api/v1/resources", new { name = "Audit full " + ApiCalls.Marker(), capacity = 1 });
        expect.Add("resource.created", fullId, adminId);
        var taken = await CreatedIdAsync(admin, "/api/v1/reservations", new { resourceId = fullId, start, end = start.AddHours(1) });
        expect.Add("reservation.created", taken, adminId);
        var entryId = await CreatedIdAsync(user, "/api/v1/waitlist", new { resourceId = fullId, start, end = start.AddHours(1) });
        expect.Add("waitlist.joined", entryId, userId);
        Ok(await user.DeleteAsync($"/api/v1/waitlist/{entryId}"));
        expect.Add("waitlist.left", entryId, userId);

        // Webhooks: the URL carries a secret of its own; only its host may be recorded.
        var hook = await (await admin.PostAsJsonAsync("/api/v1/webhooks", new
        {
            url = $"https://93.184.215.14/hook?token={UrlSecret}", events = new[] { "reservation.created" }, active = false,
        })).JsonAsync();
        var hookId = hook.GetProperty("webhook").GetProperty("id").GetGuid();
        Keep(hook.GetProperty("secret").GetString()!);
        expect.Add("webhook.created", hookId, adminId);
        Ok(await admin.PatchAsJsonAsync($"/api/v1/webhooks/{hookId}", new { description = "audited" }));
        expect.Add("webhook.updated", hookId, adminId);
        Keep((await (await admin.PostAsync($"/api/v1/webhooks/{hookId}/rotate-secret", null)).JsonAsync()).GetProperty("secret").GetString()!);
        expect.Add("webhook.secret_rotated", hookId, adminId);
        Ok(await admin.PostAsync($"/api/v1/webhooks/{hookId}/test", null));
        expect.Add("webhook.tested", hookId, adminId);
        Ok(await admin.DeleteAsync($"/api/v1/webhooks/{hookId}"));
        expect.Add("webhook.deleted", hookId, adminId);

        // Roles and user administration.
        var role = "aud-" + Guid.NewGuid().ToString("N")[..8];
        Ok(await admin.PostAsJsonAsync("/api/v1/roles", new { name = role, permissions = new[] { "audit.read" } }));
        expect.Add("role.created", role, adminId);
        Ok(await admin.PatchAsJsonAsync($"/api/v1/roles/{role}", new { description = "auditors" }));
        expect.Add("role.updated", role, adminId);
        Ok(await admin.PostAsJsonAsync($"/api/v1/users/{userId}/roles", new { role }));
        Ok(await admin.DeleteAsync($"/api/v1/roles/{role}"));
        expect.Add("role.deleted", role, adminId);
        expect.Add("user.roles_changed", userId, adminId);
        expect.Add("user.roles_changed", userId, adminId);
        Ok(await admin.PostAsync($"/api/v1/users/{userId}/disable", null));
        expect.Add("user.disabled", userId, adminId);
        Ok(await admin.PostAsync($"/api/v1/users/{userId}/enable", null));
        expect.Add("user.enabled", userId, adminId);
        Ok(await admin.PostAsJsonAsync($"/api/v1/users/{userId}/password", new { newPassword = Reset }));
        expect.Add("auth.password_reset", userId, adminId);
        Ok(await admin.DeleteAsync($"/api/v1/users/{userId}/mfa"));
        expect.Add("mfa.reset", userId, adminId);

        // OAuth2 clients and their tokens.
        user = await SignInAsync(username, Reset);
        expect.Add("auth.sign_in", userId, userId);
        var client = await OAuthArrange.ClientAsync(user, ["read", "write"], "client_credentials", "authorization_code");
        Keep(client.Secret);
        expect.Add("oauth.client_created", client.ClientId, userId);
        Keep((await OAuthArrange.ClientCredentialsAsync(anonymous, client)).GetProperty("access_token").GetString()!);
        expect.Add("oauth.token", client.ClientId, userId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await OAuthArrange.PostAsync(anonymous, "/api/v1/auth/token", client with { Secret = Wrong }, ("grant_type", "client_credentials"))).StatusCode);
        expect.Add("oauth.token", client.ClientId, null, "failure");
        var (verifier, challenge) = OAuthArrange.Pkce();
        Keep(verifier);
        var code = Keep(OAuthArrange.Query(await AuthorizeAsync(user, client, challenge), "code")!);
        expect.Add("oauth.code_issued", client.ClientId, userId);
        var granted = await (await OAuthArrange.PostAsync(anonymous, "/api/v1/auth/token", client,
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", client.RedirectUri), ("code_verifier", verifier))).JsonAsync();
        Keep(granted.GetProperty("access_token").GetString()!);
        var clientRefresh = Keep(granted.GetProperty("refresh_token").GetString()!);
        expect.Add("oauth.token", client.ClientId, userId);
        Ok(await OAuthArrange.PostAsync(anonymous, "/api/v1/oauth/revoke", client, ("token", clientRefresh)));
        expect.Add("oauth.token_revoked", client.ClientId, userId);
        Keep((await (await user.PostAsync($"/api/v1/oauth/clients/{client.ClientId}/rotate-secret", null)).JsonAsync()).GetProperty("clientSecret").GetString()!);
        expect.Add("oauth.client_secret_rotated", client.ClientId, userId);
        Ok(await user.DeleteAsync($"/api/v1/oauth/clients/{client.ClientId}"));
        expect.Add("oauth.client_deleted", client.ClientId, userId);

        // A refusal for who asked, signing out, deleting the account.
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/audit")).StatusCode);
        expect.Add("access.denied", "GET /api/v1/audit/", userId, "denied");
        Ok(await user.PostAsync("/api/v1/auth/logout", null));
        expect.Add("auth.sign_out", userId, userId);
        Ok(await admin.DeleteAsync($"/api/v1/users/{userId}"));
        expect.Add("user.deleted", userId, adminId);
        expect.Add("calendar.feed_rotated", userId, adminId);
        expect.Add("reservation.cancelled", confirmed, adminId);

        await expect.VerifyAsync(admin, "127.0.0.1", AuditFixture.UserAgent);
        Assert.True(expect.Kinds >= 40, $"only {expect.Kinds} kinds of entries were checked");

        // The entries, both exports (recorded themselves) and the host's logs hold none of the secrets.
        var window = $"from={Uri.EscapeDataString(since.ToString("O"))}";
        var csv = await admin.GetStringAsync($"/api/v1/audit/export?format=csv&{window}");
        var json = await admin.GetStringAsync($"/api/v1/audit/export?format=json&{window}");
        Assert.Equal(2, (await admin.ItemsAsync($"/api/v1/audit?action=audit.exported&actorId={adminId}&{window}")).Count);
        var entries = await AllEntriesAsync(admin, window);
        Assert.Contains(username, entries);
        Assert.Contains("93.184.215.14", entries);
        var logs = string.Join("\n", api.Logs.Lines);
        foreach (var secret in _secrets.Distinct())
        {
            Assert.False(entries.Contains(secret, StringComparison.Ordinal), $"an audit entry holds the secret {secret}");
            Assert.False(csv.Contains(secret, StringComparison.Ordinal), $"the CSV export holds the secret {secret}");
            Assert.False(json.Contains(secret, StringComparison.Ordinal), $"the JSON export holds the secret {secret}");
            Assert.False(logs.Contains(secret, StringComparison.Ordinal), $"the host's log holds the secret {secret}");
        }
    }

    private string Keep(string secret)
    {
        _secrets.Add(secret);
        return secret;
    }

    private async Task<HttpClient> SignInAsync(string username, string password)
    {
        var client = api.Client();
        var tokens = await TokenBodyAsync(client, ("grant_type", "password"), ("username", username), ("password", password));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keep(tokens.GetProperty("access_token").GetString()!));
        Keep(tokens.GetProperty("refresh_token").GetString()!);
        return client;
    }

    /// <summary>The consent step of the code flow, without following the redirect (on the real server's address).</summary>
    private async Task<Uri> AuthorizeAsync(HttpClient user, TestClient client, string challenge)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = user.BaseAddress };
        browser.DefaultRequestHeaders.Authorization = user.DefaultRequestHeaders.Authorization;
        browser.DefaultRequestHeaders.UserAgent.ParseAdd(AuditFixture.UserAgent);
        var response = await browser.GetAsync($"/api/v1/oauth/authorize?response_type=code&client_id={client.ClientId}"
            + $"&redirect_uri={Uri.EscapeDataString(client.RedirectUri)}&scope=read&state=s&code_challenge={challenge}&code_challenge_method=S256");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, params (string Key, string Value)[] fields) =>
        AccessArrange.TokenAsync(client, fields);

    private static async Task<JsonElement> TokenBodyAsync(HttpClient client, params (string Key, string Value)[] fields)
    {
        var response = await TokenAsync(client, fields);
        Ok(response);
        return await response.JsonAsync();
    }

    private static async Task<Guid> CreatedIdAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string> AllEntriesAsync(HttpClient admin, string window)
    {
        var text = new StringBuilder();
        string? cursor = null;
        do
        {
            var page = await admin.GetOkAsync($"/api/v1/audit?limit=100&{window}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            text.Append(page.GetRawText());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return text.ToString();
    }

    private static string Totp(string secret, int stepsAhead) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    private static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
}
