using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>
/// What the matrix aims at: one signed-in person per role, an owner whose data carries a <see cref="Marker"/> that no
/// outsider's answer may contain, and fresh targets for calls that change or delete what they touch.
/// </summary>
public sealed class MatrixWorld
{
    private readonly Dictionary<Who, (HttpClient Client, Guid Id, string Username)> _people = [];
    private readonly Dictionary<string, string> _clientTokens = [];
    private int _slot;

    private MatrixWorld(ApiFixture api) => Api = api;

    public ApiFixture Api { get; }

    /// <summary>Text that appears only in the owner's data (reservation titles and notes, e-mail).</summary>
    public string Marker { get; } = "secret" + Guid.NewGuid().ToString("N")[..12];

    public HttpClient Admin => Api.Admin;

    public Guid OwnerId => _people[Who.Owner].Id;

    public string OwnerName => _people[Who.Owner].Username;

    /// <summary>A large resource everyone books on, open around the clock.</summary>
    public Guid ResourceId { get; private set; }

    /// <summary>A confirmed reservation of the owner.</summary>
    public Guid OwnerReservation { get; private set; }

    /// <summary>The owner's waitlist entry.</summary>
    public Guid OwnerEntry { get; private set; }

    /// <summary>The owner's calendar feed token (the secret URL is the credential).</summary>
    public string OwnerFeedToken { get; private set; } = "";

    public Guid WebhookId { get; private set; }

    /// <summary>The administrator's OAuth2 client with every scope (the matrix's client principals).</summary>
    public TestClient AdminClient { get; private set; } = null!;

    /// <summary>Arranges the people, the owner's data and the client.</summary>
    public static async Task<MatrixWorld> CreateAsync(ApiFixture api)
    {
        var world = new MatrixWorld(api);
        world._people[Who.Admin] = (api.Admin, api.AdminId, "");
        var custom = await AccessArrange.CustomRoleAsync(api.Admin, "resources.manage");
        foreach (var (who, roles) in new[]
        {
            (Who.Guest, new[] { "guest" }), (Who.Owner, ["user"]), (Who.Other, ["user"]), (Who.Premium, ["user", "premium"]), (Who.Custom, [custom]),
        })
        {
            world._people[who] = await api.UserWithRolesAsync(api.Admin, roles);
        }

        var owner = world.Person(Who.Owner);
        (await owner.PatchAsJsonAsync("/api/v1/users/me", new { email = $"{world.Marker}@example.com" })).EnsureSuccessStatusCode();
        world.ResourceId = await api.NewResourceAsync(capacity: 1000);
        world.OwnerReservation = await world.OwnerBookingAsync();
        world.OwnerEntry = await world.OwnerWaitlistEntryAsync();
        world.OwnerFeedToken = (await owner.GetOkAsync("/api/v1/calendar/subscription")).GetProperty("path").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        world.WebhookId = await world.FreshWebhookAsync();
        world.AdminClient = await OAuthArrange.ClientAsync(api.Admin, ["read", "write", "delete", "admin", "user:profile"]);
        return world;
    }

    /// <summary>The signed-in client of a person.</summary>
    public HttpClient Person(Who who) => _people[who].Client;

    /// <summary>The bearer header a principal sends, or null for anonymous.</summary>
    public async Task<AuthenticationHeaderValue?> AuthorizationAsync(Who who, string scopes)
    {
        if (who == Who.Anonymous)
        {
            return null;
        }

        if (who is not (Who.ClientWithScope or Who.ClientWithoutScope))
        {
            return Person(who).DefaultRequestHeaders.Authorization;
        }

        if (!_clientTokens.TryGetValue(scopes, out var token))
        {
            token = (await OAuthArrange.ClientCredentialsAsync(Api.Anonymous(), AdminClient, scopes)).GetProperty("access_token").GetString()!;
            _clientTokens[scopes] = token;
        }

        return new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>A future hour nobody else uses.</summary>
    public DateTimeOffset NextSlot() => ApiFixture.FutureHour(10).AddHours(Interlocked.Increment(ref _slot));

    /// <summary>A new confirmed reservation of the owner, titled with the marker.</summary>
    public async Task<Guid> OwnerBookingAsync()
    {
        var start = NextSlot();
        var response = await Person(Who.Owner).PostAsJsonAsync("/api/v1/reservations",
            new { resourceId = ResourceId, start, end = start.AddHours(1), title = Marker, notes = Marker });
        return await IdAsync(response);
    }

    /// <summary>A new hold of the owner.</summary>
    public async Task<Guid> OwnerHoldAsync()
    {
        var start = NextSlot();
        return await IdAsync(await Person(Who.Owner).PostAsJsonAsync("/api/v1/holds", new { resourceId = ResourceId, start, end = start.AddHours(1) }));
    }

    /// <summary>A new two-day series of the owner; the id of its first occurrence.</summary>
    public async Task<Guid> OwnerSeriesAsync()
    {
        var start = NextSlot().AddDays(30);
        var response = await Person(Who.Owner).PostAsJsonAsync("/api/v1/reservations/series",
            new { resourceId = ResourceId, start, end = start.AddHours(1), rule = "FREQ=DAILY;COUNT=2", title = Marker });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("reservations")[0].GetProperty("id").GetGuid();
    }

    /// <summary>The owner waiting for a window an administrator booked out.</summary>
    public async Task<Guid> OwnerWaitlistEntryAsync()
    {
        var full = await Api.NewResourceAsync(capacity: 1);
        var start = NextSlot();
        await Admin.BookOkAsync(full, start, start.AddHours(1));
        return await IdAsync(await Person(Who.Owner).PostAsJsonAsync("/api/v1/waitlist", new { resourceId = full, start, end = start.AddHours(1) }));
    }

    /// <summary>A window someone else booked out, for joining the waitlist.</summary>
    public async Task<(Guid ResourceId, DateTimeOffset Start)> FullWindowAsync()
    {
        var full = await Api.NewResourceAsync(capacity: 1);
        var start = NextSlot();
        await Api.Admin.BookOkAsync(full, start, start.AddHours(1));
        return (full, start);
    }

    /// <summary>An OAuth2 client of the owner's.</summary>
    public async Task<string> OwnerClientAsync() => (await OAuthArrange.ClientAsync(Person(Who.Owner), ["read"], "client_credentials")).ClientId;

    /// <summary>A new account (made by the administrator); its id and name.</summary>
    public async Task<(Guid Id, string Username)> FreshUserAsync()
    {
        var username = await Api.RegisterAsync("mx");
        return (await AccessArrange.IdOfAsync(Admin, username), username);
    }

    /// <summary>A new signed-in account with the same roles as <paramref name="who"/> (for calls that end its sessions).</summary>
    public async Task<AuthenticationHeaderValue?> TwinAsync(Who who)
    {
        var roles = (await Person(who).GetOkAsync("/api/v1/users/me")).GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray();
        var (twin, _, _) = await Api.UserWithRolesAsync(Admin, roles);
        return twin.DefaultRequestHeaders.Authorization;
    }

    public Task<Guid> FreshResourceAsync() => Api.NewResourceAsync();

    public Task<string> FreshRoleAsync() => AccessArrange.CustomRoleAsync(Admin, "audit.read");

    /// <summary>A new (inactive) webhook.</summary>
    public async Task<Guid> FreshWebhookAsync()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/matrix", events = new[] { "reservation.created" }, active = false });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("webhook").GetProperty("id").GetGuid();
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }
}
