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
        // Both TOTP steps in the window are used up: a backup code turns it off.
        (await user.RunAsync(["mfa", "disable", "--code", backup, "--password-stdin"], CliFixture.Password + "\n")).Expect(ExitCodes.Ok);
    }
}
