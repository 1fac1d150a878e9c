using System.Text.Json;
using OtpNet;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

[Collection(CliCollection.Name)]
public sealed class AccessCommandTests(CliFixture fixture)
{
    private static async Task<string> UsernameAsync(CliUser user) =>
        JsonDocument.Parse((await user.OkAsync("auth", "status", "--json")).Out).RootElement.GetProperty("username").GetString()!;

    [Fact]
    public async Task Roles_are_listed_for_users_managers_and_given_and_taken_by_username()
    {
        var roles = (await fixture.Admin.OkAsync("roles", "list", "--json")).Out.TrimEnd('\n');
        Assert.Equal(await fixture.GetAsync(fixture.Admin, "api/v1/roles"), roles);
        Assert.Contains("reservations.book", (await fixture.Admin.OkAsync("roles", "list")).Out);

        using var user = await fixture.NewUserAsync("roles");
        var name = await UsernameAsync(user);
        (await user.RunAsync(["roles", "list"])).Expect(ExitCodes.Refused);
        Assert.Contains("reservations.book", (await user.OkAsync("roles", "my-roles")).Out);

        Assert.Contains("premium", (await fixture.Admin.OkAsync("roles", "assign", name, "premium")).Out);
        var mine = JsonDocument.Parse((await user.OkAsync("roles", "my-roles", "--json")).Out).RootElement;
        Assert.Contains("premium", mine.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await fixture.Admin.OkAsync("roles", "remove", name, "premium");
        (await fixture.Admin.RunAsync(["roles", "assign", name, "astronaut"])).Expect(ExitCodes.Refused);
    }

    [Fact]
    public async Task Users_are_listed_shown_disabled_and_enabled()
    {
        using var user = await fixture.NewUserAsync("admin_me");
        var name = await UsernameAsync(user);

        var listed = JsonDocument.Parse((await fixture.Admin.OkAsync("users", "list", "--query", name, "--json")).Out).RootElement.GetProperty("items");
        var id = Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString()!;
        Assert.Contains(name, (await fixture.Admin.OkAsync("users", "list", "--query", name)).Out);
        Assert.Contains(id, (await fixture.Admin.OkAsync("users", "show", name)).Out);

        await fixture.Admin.OkAsync("users", "disable", name);
        (await user.RunAsync(["auth", "status"])).Expect(ExitCodes.NotSignedIn);
        await fixture.Admin.OkAsync("users", "enable", id);
        (await user.RunAsync(["auth", "login", "--username", name, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Ok);
        (await user.RunAsync(["users", "list"])).Expect(ExitCodes.Refused);
    }

    [Fact]
    public async Task Mfa_setup_prints_the_qr_code_and_secret_and_sign_in_then_needs_a_code()
    {
        using var user = await fixture.NewUserAsync("mfa");
        var name = await UsernameAsync(user);

        var setup = await user.OkAsync("mfa", "setup");
        Assert.Contains("█", setup.Out);
        var enrolment = JsonDocument.Parse((await user.OkAsync("mfa", "setup", "--json")).Out).RootElement;
        var secret = enrolment.GetProperty("secret").GetString()!;
        var backup = enrolment.GetProperty("backupCodes")[0].GetString()!;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        (await user.RunAsync(["mfa", "enable", "000000"])).Expect(ExitCodes.Refused);
        await user.OkAsync("mfa", "enable", totp.ComputeTotp(DateTime.UtcNow));

        var withoutCode = (await user.RunAsync(["auth", "login", "--username", name, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Refused);
        Assert.Contains("mfa_required", withoutCode.Error);
        (await user.RunAsync(["auth", "login", "--username", name, "--password-stdin", "--mfa-code", totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30))],
            CliFixture.Password + "\n")).Expect(ExitCodes.Ok);
        // Both TOTP steps of the window are spent: backup codes from here on, each working once.
        var fresh = JsonDocument.Parse((await user.OkAsync("mfa", "backup-codes", "--code", backup, "--json")).Out).RootElement.GetProperty("backupCodes");
        Assert.Equal(10, fresh.GetArrayLength());
        var stale = enrolment.GetProperty("backupCodes")[1].GetString()!;
        (await user.RunAsync(["mfa", "disable", "--code", stale, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Refused);
        (await user.RunAsync(["mfa", "disable", "--code", fresh[0].GetString()!, "--password-stdin"], "Wr0ng-Passw0rd!\n")).Expect(ExitCodes.Refused);
        (await user.RunAsync(["mfa", "disable", "--code", fresh[0].GetString()!, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Ok);
        Assert.Contains("off", (await fixture.Admin.OkAsync("users", "show", name)).Out);
    }

    [Fact]
    public async Task Roles_are_granted_revoked_and_custom_ones_made_changed_and_deleted()
    {
        using var user = await fixture.NewUserAsync("grant");
        var name = await UsernameAsync(user);
        var role = "auditor_" + Guid.NewGuid().ToString("N")[..6];

        var created = JsonDocument.Parse((await fixture.Admin.OkAsync("roles", "create", role, "--permissions", "reservations.book,audit.read", "--json")).Out).RootElement;
        Assert.False(created.GetProperty("builtIn").GetBoolean());
        (await fixture.Admin.RunAsync(["roles", "create", role, "--permissions", "audit.read"])).Expect(ExitCodes.Refused);
        var unknown = (await fixture.Admin.RunAsync(["roles", "create", role + "x", "--permissions", "rockets.launch"])).Expect(ExitCodes.Refused);
        Assert.Contains("rockets.launch", unknown.Error);

        Assert.Contains(role, (await fixture.Admin.OkAsync("users", "grant", name, role)).Out);
        var permissions = JsonDocument.Parse((await user.OkAsync("roles", "my-roles", "--json")).Out).RootElement.GetProperty("permissions");
        Assert.Contains("audit.read", permissions.EnumerateArray().Select(p => p.GetString()));

        await fixture.Admin.OkAsync("roles", "update", role, "--permissions", "analytics.read");
        permissions = JsonDocument.Parse((await user.OkAsync("roles", "my-roles", "--json")).Out).RootElement.GetProperty("permissions");
        Assert.Contains("analytics.read", permissions.EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain("audit.read", permissions.EnumerateArray().Select(p => p.GetString()));
        (await fixture.Admin.RunAsync(["roles", "update", role])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["roles", "delete", "admin"])).Expect(ExitCodes.Refused);

        await fixture.Admin.OkAsync("users", "revoke", name, role);
        Assert.DoesNotContain(role, (await fixture.Admin.OkAsync("users", "show", name)).Out);
        await fixture.Admin.OkAsync("users", "grant", name, role);
        await fixture.Admin.OkAsync("roles", "delete", role);
        Assert.DoesNotContain(role, (await fixture.Admin.OkAsync("users", "show", name, "--json")).Out);

        var lastAdmin = (await fixture.Admin.RunAsync(["users", "revoke", "admin", "admin"])).Expect(ExitCodes.Refused);
        Assert.Contains("last_admin", lastAdmin.Error);
        (await user.RunAsync(["users", "grant", name, "admin"])).Expect(ExitCodes.Refused);
    }

    [Fact]
    public async Task An_admin_resets_a_password_and_mfa_and_deletes_an_account()
    {
        using var user = await fixture.NewUserAsync("reset");
        var name = await UsernameAsync(user);
        const string newPassword = "N3w-Passw0rd!";

        (await fixture.Admin.RunAsync(["users", "reset-password", name])).Expect(ExitCodes.Usage);
        (await fixture.Admin.RunAsync(["users", "reset-password", name, "--password-stdin"], "password\n")).Expect(ExitCodes.Refused);
        (await fixture.Admin.RunAsync(["users", "reset-password", name, "--password-stdin"], newPassword + "\n")).Expect(ExitCodes.Ok);
        (await user.RunAsync(["auth", "status"])).Expect(ExitCodes.NotSignedIn);
        (await user.RunAsync(["auth", "login", "--username", name, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Refused);
        (await user.RunAsync(["auth", "login", "--username", name, "--password-stdin"], newPassword + "\n")).Expect(ExitCodes.Ok);

        var secret = JsonDocument.Parse((await user.OkAsync("mfa", "setup", "--json")).Out).RootElement.GetProperty("secret").GetString()!;
        await user.OkAsync("mfa", "enable", new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow));
        var reset = JsonDocument.Parse((await fixture.Admin.OkAsync("users", "reset-mfa", name, "--json")).Out).RootElement;
        Assert.False(reset.GetProperty("mfaEnabled").GetBoolean());
        (await user.RunAsync(["auth", "login", "--username", name, "--password-stdin"], newPassword + "\n")).Expect(ExitCodes.Ok);

        (await fixture.Admin.RunAsync(["users", "delete", name])).Expect(ExitCodes.Usage);
        await fixture.Admin.OkAsync("users", "delete", name, "--yes");
        (await user.RunAsync(["auth", "status"])).Expect(ExitCodes.NotSignedIn);
        var gone = (await fixture.Admin.RunAsync(["users", "show", name])).Expect(ExitCodes.Refused);
        Assert.Contains("user_not_found", gone.Error);
        (await fixture.Admin.RunAsync(["users", "show"])).Expect(ExitCodes.Usage);
    }
}
