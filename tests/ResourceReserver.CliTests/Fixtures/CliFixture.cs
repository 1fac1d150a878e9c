using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.CliTests.Fixtures;

/// <summary>One host for the collection, an administrator signed in through the CLI, and helpers to arrange data.</summary>
public sealed class CliFixture : IAsyncLifetime
{
    public const string Password = "Str0ng-Passw0rd!";

    /// <summary>The host.</summary>
    public CliHostFactory Host { get; } = new();

    /// <summary>The first account, hence the administrator, signed in with <c>rr auth register</c>.</summary>
    public CliUser Admin { get; private set; } = null!;

    /// <summary>Plain HTTP to the host, for arranging and for comparing with what the CLI printed.</summary>
    public HttpClient Http { get; } = new();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Http.BaseAddress = new Uri(Host.Url + "/");
        Admin = new CliUser(Host.Url);
        (await Admin.RunAsync(["auth", "register", "--username", "admin", "--password-stdin"], Password + "\n")).Expect(ExitCodes.Ok);
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Admin.Dispose();
        Http.Dispose();
        Host.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A new user, registered and signed in through the CLI.</summary>
    public async Task<CliUser> NewUserAsync(string prefix = "user")
    {
        var user = new CliUser(Host.Url);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 13)];
        (await user.RunAsync(["auth", "register", "--username", name, "--password-stdin"], Password + "\n")).Expect(ExitCodes.Ok);
        return user;
    }

    /// <summary>Creates a resource through the CLI as admin and returns its JSON.</summary>
    public async Task<JsonElement> NewResourceAsync(string? name = null, string zone = "UTC", string tags = "room", int capacity = 1)
    {
        var result = await Admin.OkAsync(
            "resources", "create", name ?? "Room " + Guid.NewGuid().ToString("N")[..10], "--time-zone", zone, "--tags", tags,
            "--capacity", capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    /// <summary>The raw body of an API GET made with the given user's stored token.</summary>
    public async Task<string> GetAsync(CliUser user, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement;
        request.Headers.Authorization = new("Bearer", credentials.GetProperty("accessToken").GetString());
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A JSON body for POST through plain HTTP as the admin.</summary>
    public async Task<JsonElement> PostAsAdminAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(Admin.CredentialsFile)).RootElement;
        request.Headers.Authorization = new("Bearer", credentials.GetProperty("accessToken").GetString());
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}

/// <summary>The CLI tests share one host: starting a silo per test would dominate the run.</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliFixture>
{
    public const string Name = "cli";
}
