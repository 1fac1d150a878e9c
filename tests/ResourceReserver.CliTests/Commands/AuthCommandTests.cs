using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class AuthCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task Register_signs_in_and_keeps_the_session_in_an_owner_only_file_without_printing_a_token()
    {
        using var user = await fixture.NewUserAsync("reg");
        var mode = File.GetUnixFileMode(user.CredentialsFile);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        var stored = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement;
        var status = await user.OkAsync("auth", "status");
        Assert.Contains("renewed automatically", status.Out);
        Assert.DoesNotContain(stored.GetProperty("accessToken").GetString()!, status.Out + status.Error);
        Assert.DoesNotContain(stored.GetProperty("refreshToken").GetString()!, status.Out + status.Error);
    }

    [Fact]
    public async Task Login_reads_the_password_from_stdin_and_json_shows_the_session_without_secrets()
    {
        using var user = await fixture.NewUserAsync("login");
        var name = JsonDocument.Parse((await user.OkAsync("auth", "status", "--json")).Out).RootElement.GetProperty("username").GetString()!;
        using var other = new CliUser(fixture.Host.Url);
        var login = (await other.RunAsync(["auth", "login", "--username", name, "--password-stdin", "--json"], CliFixture.Password + "\n")).Expect(ExitCodes.Ok);
        var json = JsonDocument.Parse(login.Out).RootElement;
        Assert.Equal(name, json.GetProperty("username").GetString());
        Assert.False(json.TryGetProperty("accessToken", out _));
        Assert.DoesNotContain("refresh", login.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_the_api_code_and_exit_2()
    {
        using var user = new CliUser(fixture.Host.Url);
        var result = (await user.RunAsync(["auth", "login", "--username", "admin", "--password-stdin"], "Wr0ng-Passw0rd!\n")).Expect(ExitCodes.Refused);
        Assert.Contains("invalid_credentials", result.Error);
        Assert.False(File.Exists(user.CredentialsFile));
    }

    [Fact]
    public async Task Without_password_stdin_and_no_terminal_login_is_a_usage_error()
    {
        using var user = new CliUser(fixture.Host.Url);
        var result = (await user.RunAsync(["auth", "login", "--username", "admin"])).Expect(ExitCodes.Usage);
        Assert.Contains("--password-stdin", result.Error);
    }

    [Fact]
    public async Task Status_json_is_the_profile_exactly_as_the_api_sends_it()
    {
        using var user = await fixture.NewUserAsync("status");
        var printed = (await user.OkAsync("auth", "status", "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.GetAsync(user, "api/v1/users/me"), printed);
    }

    [Fact]
    public async Task Refresh_rotates_the_stored_refresh_token_and_the_session_keeps_working()
    {
        using var user = await fixture.NewUserAsync("refresh");
        var before = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement.GetProperty("refreshToken").GetString();
        await user.OkAsync("auth", "refresh");
        var after = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement.GetProperty("refreshToken").GetString();
        Assert.NotEqual(before, after);
        await user.OkAsync("upcoming");
    }

    [Fact]
    public async Task An_expired_access_token_is_renewed_automatically_with_the_refresh_token()
    {
        using var user = await fixture.NewUserAsync("renew");
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement;
        await RewriteAsync(user, credentials, accessToken: "expired.token.value", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        await user.OkAsync("upcoming");
        var renewed = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement;
        Assert.NotEqual("expired.token.value", renewed.GetProperty("accessToken").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(user.CredentialsFile));
    }

    [Fact]
    public async Task A_session_that_cannot_be_renewed_ends_with_exit_4_and_says_to_sign_in_again()
    {
        using var user = await fixture.NewUserAsync("expired");
        var credentials = JsonDocument.Parse(await File.ReadAllTextAsync(user.CredentialsFile)).RootElement;
        await RewriteAsync(user, credentials, accessToken: "expired.token.value", expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1), refreshToken: "revoked-refresh-token");
        var result = (await user.RunAsync(["upcoming"])).Expect(ExitCodes.NotSignedIn);
        Assert.Contains("session_expired", result.Error);
        Assert.Contains("rr auth login", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Logout_revokes_and_deletes_the_session_and_later_commands_exit_4()
    {
        using var user = await fixture.NewUserAsync("logout");
        await user.OkAsync("auth", "logout");
        Assert.False(File.Exists(user.CredentialsFile));
        var result = (await user.RunAsync(["reservations", "list"])).Expect(ExitCodes.NotSignedIn);
        Assert.Contains("not_signed_in", result.Error);
    }

    private static async Task RewriteAsync(CliUser user, JsonElement credentials, string accessToken, DateTimeOffset expiresAt, string? refreshToken = null)
    {
        var rewritten = new
        {
            server = credentials.GetProperty("server").GetString(),
            username = credentials.GetProperty("username").GetString(),
            accessToken,
            accessTokenExpiresAt = expiresAt,
            refreshToken = refreshToken ?? credentials.GetProperty("refreshToken").GetString(),
            signedInAt = credentials.GetProperty("signedInAt").GetDateTimeOffset(),
        };
        await File.WriteAllTextAsync(user.CredentialsFile, JsonSerializer.Serialize(rewritten));
    }
}

[Collection(CliCollection.Name)]
public sealed class PromptTests(CliFixture fixture)
{
    [Fact]
    public async Task At_a_terminal_login_asks_for_username_and_password_and_never_echoes_the_password()
    {
        using var registered = await fixture.NewUserAsync("prompted");
        var name = JsonDocument.Parse((await registered.OkAsync("auth", "status", "--json")).Out).RootElement.GetProperty("username").GetString()!;
        using var user = new CliUser(fixture.Host.Url);
        var result = (await user.RunAsync(["auth", "login"], typed: [name, CliFixture.Password])).Expect(ExitCodes.Ok);
        Assert.Contains("Username:", result.Error);
        Assert.Contains("Password:", result.Error);
        Assert.DoesNotContain(CliFixture.Password, result.Error + result.Out);
        Assert.Contains($"as {name}", result.Out);
    }

    [Fact]
    public async Task At_a_terminal_watch_shows_a_live_table()
    {
        var resource = await fixture.NewResourceAsync();
        using var user = await fixture.NewUserAsync("livetable");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var watch = user.RunAsync(["notifications", "watch", "--count", "1"], ct: timeout.Token, typed: []);
        for (var attempt = 0; attempt < 300 && !user.LastError.Contains("Watching", StringComparison.Ordinal) && !watch.IsCompleted; attempt++)
        {
            await Task.Delay(50);
        }

        await user.OkAsync("reserve", resource.GetProperty("id").GetString()!, $"{Dates.Ahead(16)} 09:00", "1h");
        var result = (await watch).Expect(ExitCodes.Ok);
        Assert.Contains("Live", result.Out);
        Assert.Contains("Reservation confirmed", result.Out);
    }
}
