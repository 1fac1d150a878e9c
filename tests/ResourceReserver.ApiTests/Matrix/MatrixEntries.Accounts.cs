using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;
using static ResourceReserver.ApiTests.Matrix.MatrixRule;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>The matrix: every endpoint of the REST API with its expectations (accounts, roles, OAuth2, feeds).</summary>
public static partial class MatrixEntries
{
    private const string Read = "read", Write = "write", Delete = "delete", Admin = "admin", Profile = "user:profile";

    // Administering an account through a client needs write besides admin: the target may book, and nobody
    // administers an account holding a permission they lack.
    private const string AdminOverBooker = "admin write";
    private const string Any = MatrixEntry.Any, FirstParty = MatrixEntry.FirstParty;

    private static MatrixEntry E(string method, string pattern, MatrixRule rule, int ok, string scope, Func<MatrixWorld, Who, Task<string>> url,
        Func<MatrixWorld, Who, Task<object?>>? body = null) => new(method, pattern, rule, ok, scope, url, body);

    private static Func<MatrixWorld, Who, Task<string>> At(string url) => (_, _) => Task.FromResult(url);

    private static Func<MatrixWorld, Who, Task<object?>> Json(object body) => (_, _) => Task.FromResult<object?>(body);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.ToDictionary(f => f.Key, f => f.Value));

    private static IEnumerable<MatrixEntry> Accounts() =>
    [
        E("POST", "/api/v1/auth/register", Fixed, 201, Any, At("/api/v1/auth/register"),
            (_, _) => Task.FromResult<object?>(new { username = "mx_" + Guid.NewGuid().ToString("N")[..12], password = ApiFixture.Password })),
        E("POST", "/api/v1/auth/token", Fixed, 200, Any, At("/api/v1/auth/token"), (w, _) => Task.FromResult<object?>(
            Form(("grant_type", "password"), ("username", w.OwnerName), ("password", ApiFixture.Password)))),
        E("POST", "/api/v1/auth/logout", SignedIn, 204, FirstParty, At("/api/v1/auth/logout")) with { AsTwin = true },

        E("GET", "/api/v1/users/me/", SignedIn, 200, Profile, At("/api/v1/users/me")),
        E("PATCH", "/api/v1/users/me/", SignedIn, 200, Profile, At("/api/v1/users/me"), Json(new { emailNotifications = true })),
        E("GET", "/api/v1/users/me/permissions", SignedIn, 200, Profile, At("/api/v1/users/me/permissions")),
        E("GET", "/api/v1/users/me/quota", SignedIn, 200, Profile, At("/api/v1/users/me/quota")),
        E("POST", "/api/v1/users/me/password", SignedIn, 204, FirstParty, At("/api/v1/users/me/password"),
            Json(new { currentPassword = ApiFixture.Password, newPassword = "Fresh#Start42" })) with { AsTwin = true },

        E("POST", "/api/v1/users/me/mfa/setup", SignedIn, 200, FirstParty, At("/api/v1/users/me/mfa/setup")) with { AsTwin = true },
        E("POST", "/api/v1/users/me/mfa/enable", SignedIn, 409, FirstParty, At("/api/v1/users/me/mfa/enable"), Json(new { code = "123456" })) with { AsTwin = true },
        E("POST", "/api/v1/users/me/mfa/disable", SignedIn, 409, FirstParty, At("/api/v1/users/me/mfa/disable"),
            Json(new { password = ApiFixture.Password, code = "123456" })) with { AsTwin = true },
        E("POST", "/api/v1/users/me/mfa/backup-codes", SignedIn, 409, FirstParty, At("/api/v1/users/me/mfa/backup-codes"), Json(new { code = "123456" })) with { AsTwin = true },

        E("GET", "/api/v1/users/", Needs(Permission.UsersManage), 200, Admin, At("/api/v1/users?limit=100")),
        E("GET", "/api/v1/users/{id}", Needs(Permission.UsersManage), 200, Admin, (w, _) => Task.FromResult($"/api/v1/users/{w.OwnerId}")),
        E("POST", "/api/v1/users/{id}/roles", Needs(Permission.UsersManage), 200, AdminOverBooker,
            async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/roles", Json(new { role = "premium" })),
        E("POST", "/api/v1/users/by-name/{username}/roles", Needs(Permission.UsersManage), 200, AdminOverBooker,
            async (w, _) => $"/api/v1/users/by-name/{(await w.FreshUserAsync()).Username}/roles", Json(new { role = "premium" })),
        E("DELETE", "/api/v1/users/{id}/roles/{role}", Needs(Permission.UsersManage), 200, AdminOverBooker,
            async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/roles/user"),
        E("POST", "/api/v1/users/{id}/disable", Needs(Permission.UsersManage), 200, AdminOverBooker, async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/disable"),
        E("POST", "/api/v1/users/{id}/enable", Needs(Permission.UsersManage), 200, AdminOverBooker, async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/enable"),
        E("POST", "/api/v1/users/{id}/password", Needs(Permission.UsersManage), 204, AdminOverBooker,
            async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/password", Json(new { newPassword = "Fresh#Start42" })),
        E("DELETE", "/api/v1/users/{id}/mfa", Needs(Permission.UsersManage), 200, AdminOverBooker, async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/mfa"),
        E("PUT", "/api/v1/users/{id}/quota", Needs(Permission.UsersManage), 200, AdminOverBooker,
            async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}/quota", Json(new { dailyBookings = 5 })),
        E("DELETE", "/api/v1/users/{id}", Needs(Permission.UsersManage), 204, AdminOverBooker, async (w, _) => $"/api/v1/users/{(await w.FreshUserAsync()).Id}"),

        E("GET", "/api/v1/roles/", Needs(Permission.UsersManage), 200, Admin, At("/api/v1/roles")),
        E("POST", "/api/v1/roles/", Needs(Permission.UsersManage), 201, Admin, At("/api/v1/roles"),
            (_, _) => Task.FromResult<object?>(new { name = "mx-" + Guid.NewGuid().ToString("N")[..10], permissions = new[] { "audit.read" } })),
        E("PATCH", "/api/v1/roles/{name}", Needs(Permission.UsersManage), 200, Admin, async (w, _) => $"/api/v1/roles/{await w.FreshRoleAsync()}", Json(new { description = "x" })),
        E("DELETE", "/api/v1/roles/{name}", Needs(Permission.UsersManage), 204, Admin, async (w, _) => $"/api/v1/roles/{await w.FreshRoleAsync()}"),

        E("POST", "/api/v1/oauth/clients/", SignedIn, 201, FirstParty, At("/api/v1/oauth/clients"),
            Json(new { name = "Matrix app", scopes = new[] { "read" }, grantTypes = new[] { "client_credentials" } })) with { AsTwin = true },
        E("GET", "/api/v1/oauth/clients/", SignedIn, 200, FirstParty, At("/api/v1/oauth/clients")),
        E("DELETE", "/api/v1/oauth/clients/{id}", OwnerOr(Permission.UsersManage, 404), 204, FirstParty, async (w, _) => $"/api/v1/oauth/clients/{await w.OwnerClientAsync()}"),
        E("POST", "/api/v1/oauth/clients/{id}/rotate-secret", OwnerOr(Permission.UsersManage, 404), 200, FirstParty,
            async (w, _) => $"/api/v1/oauth/clients/{await w.OwnerClientAsync()}/rotate-secret"),
        E("GET", "/api/v1/oauth/authorize", SignedIn, 302, FirstParty, (w, _) => Task.FromResult(
            $"/api/v1/oauth/authorize?response_type=code&client_id={w.AdminClient.ClientId}&redirect_uri={Uri.EscapeDataString(w.AdminClient.RedirectUri)}"
            + $"&scope=read&state=s&code_challenge={OAuthArrange.Pkce().Challenge}&code_challenge_method=S256")),
        E("POST", "/api/v1/oauth/revoke", Fixed, 200, Any, At("/api/v1/oauth/revoke"), (w, _) => Task.FromResult<object?>(
            Form(("token", "unknown-token"), ("client_id", w.AdminClient.ClientId), ("client_secret", w.AdminClient.Secret)))),
        E("POST", "/api/v1/oauth/introspect", Fixed, 200, Any, At("/api/v1/oauth/introspect"), (w, _) => Task.FromResult<object?>(
            Form(("token", "unknown-token"), ("client_id", w.AdminClient.ClientId), ("client_secret", w.AdminClient.Secret)))),

        E("GET", "/api/v1/calendar/subscription", SignedIn, 200, Read, At("/api/v1/calendar/subscription")),
        E("POST", "/api/v1/calendar/subscription/rotate", SignedIn, 200, Write, At("/api/v1/calendar/subscription/rotate")) with { AsTwin = true },
        E("GET", "/api/v1/calendar/feeds/{token}.ics", Public, 200, Read, (w, _) => Task.FromResult($"/api/v1/calendar/feeds/{w.OwnerFeedToken}.ics"))
            with { ExposesOwnerData = true },
        E("GET", "/api/v1/reservations/{id}.ics", OwnerOr(Permission.ReservationsManage, 404), 200, Read,
            (w, _) => Task.FromResult($"/api/v1/reservations/{w.OwnerReservation}.ics")),

        E("GET", "/api/v1/notifications/", SignedIn, 200, Read, At("/api/v1/notifications")),
        E("POST", "/api/v1/notifications/{id}/read", SignedIn, 404, Write, At($"/api/v1/notifications/{Guid.NewGuid()}/read")),
        E("POST", "/api/v1/notifications/read-all", SignedIn, 200, Write, At("/api/v1/notifications/read-all")),
    ];
}
