using ResourceReserver.Accounts;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;

namespace ResourceReserver.GrainTests.Users;

[Collection(ClusterCollection.Name)]
public sealed class UserGrainTests(ClusterFixture fixture)
{
    private const string Password = "Correct#Horse9";

    private async Task<IUserGrain> RegisteredAsync(string? username = null)
    {
        var grain = fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid());
        var registered = await grain.RegisterAsync(username ?? $"user{Guid.NewGuid():N}"[..20], Password, "u@example.org", [Roles.User]);
        Assert.True(registered.IsSuccess, registered.Error?.Code);
        return grain;
    }

    [Fact]
    public async Task Register_creates_the_profile_once()
    {
        var grain = fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid());

        var registered = await grain.RegisterAsync("carol", Password, "carol@example.org", [Roles.User]);
        var again = await grain.RegisterAsync("carol", Password, null, [Roles.User]);

        Assert.Equal("carol", registered.Value?.Username);
        Assert.Equal(grain.GetPrimaryKey(), registered.Value?.Id);
        Assert.Equal("user_exists", again.Error?.Code);
        var stored = await grain.GetProfileAsync();
        Assert.Equal(("carol", "carol@example.org", 1L), (stored?.Username, stored?.Email, stored?.Version));
        Assert.Equal([Roles.User], stored!.Roles);
        Assert.Equal(EventTypes.UserCreated, (await fixture.ReadStore.GetHistoryAsync(grain.GetPrimaryKey())).Single().Type);
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_every_problem()
    {
        var grain = fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid());

        var outcome = await grain.RegisterAsync("dave", "davedave", null, [Roles.User]);

        Assert.Equal("weak_password", outcome.Error?.Code);
        Assert.True(outcome.Error!.Errors!["password"].Length >= 3);
        Assert.Null(await grain.GetProfileAsync());
    }

    [Fact]
    public async Task Sign_in_with_the_right_password_issues_a_refresh_token_for_this_user()
    {
        var grain = await RegisteredAsync();

        var grant = await grain.SignInAsync(Password, null);
        var wrong = await grain.SignInAsync("Wrong#Pass1", null);
        var unknown = await fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).SignInAsync(Password, null);

        Assert.True(grant.IsSuccess);
        Assert.True(RefreshToken.TryParse(grant.Value!.RefreshToken, out var userId, out _));
        Assert.Equal(grain.GetPrimaryKey(), userId);
        Assert.True(grant.Value.RefreshExpiresAt > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal("invalid_credentials", wrong.Error?.Code);
        Assert.Equal(ErrorKind.Unauthorized, wrong.Error?.Kind);
        Assert.Equal("invalid_credentials", unknown.Error?.Code);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_for_the_right_password()
    {
        var grain = await RegisteredAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal("invalid_credentials", (await grain.SignInAsync("Wrong#Pass1", null)).Error?.Code);
        }

        Assert.True((await grain.SignInAsync(Password, null)).IsSuccess, "four failures must not lock");
        for (var i = 0; i < 5; i++)
        {
            await grain.SignInAsync("Wrong#Pass1", null);
        }

        Assert.Equal("account_locked", (await grain.SignInAsync(Password, null)).Error?.Code);
        await fixture.Cluster.DeactivateAsync(grain);
        Assert.Equal("account_locked", (await grain.SignInAsync(Password, null)).Error?.Code);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_a_reused_token_revokes_the_family()
    {
        var grain = await RegisteredAsync();
        var first = (await grain.SignInAsync(Password, null)).Value!.RefreshToken;

        var second = await grain.RefreshAsync(first);
        Assert.True(second.IsSuccess, second.Error?.Code);
        Assert.NotEqual(first, second.Value!.RefreshToken);
        var third = await grain.RefreshAsync(second.Value.RefreshToken);
        Assert.True(third.IsSuccess, third.Error?.Code);

        // The first token comes back: theft. The family dies, including the newest token.
        Assert.Equal("invalid_grant", (await grain.RefreshAsync(first)).Error?.Code);
        Assert.Equal("invalid_grant", (await grain.RefreshAsync(third.Value!.RefreshToken)).Error?.Code);
    }

    [Fact]
    public async Task Reuse_revokes_only_the_affected_family()
    {
        var grain = await RegisteredAsync();
        var laptop = (await grain.SignInAsync(Password, null)).Value!.RefreshToken;
        var phone = (await grain.SignInAsync(Password, null)).Value!.RefreshToken;

        await grain.RefreshAsync(laptop);
        await grain.RefreshAsync(laptop);

        Assert.True((await grain.RefreshAsync(phone)).IsSuccess);
    }

    [Fact]
    public async Task Garbage_foreign_or_forged_refresh_tokens_are_invalid_grants()
    {
        var grain = await RegisteredAsync();
        var other = await RegisteredAsync();
        var theirs = (await other.SignInAsync(Password, null)).Value!.RefreshToken;
        var mine = (await grain.SignInAsync(Password, null)).Value!.RefreshToken;
        var forged = mine[..^2] + (mine.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        Assert.Equal("invalid_grant", (await grain.RefreshAsync("garbage")).Error?.Code);
        Assert.Equal("invalid_grant", (await grain.RefreshAsync(theirs)).Error?.Code);
        Assert.Equal("invalid_grant", (await grain.RefreshAsync(forged)).Error?.Code);
        Assert.True((await grain.RefreshAsync(mine)).IsSuccess, "a forged attempt must not burn the real token");
    }

    [Fact]
    public async Task Sign_out_revokes_every_family()
    {
        var grain = await RegisteredAsync();
        var a = (await grain.SignInAsync(Password, null)).Value!.RefreshToken;
        var b = (await grain.SignInAsync(Password, null)).Value!.RefreshToken;

        await grain.SignOutAsync();

        Assert.Equal("invalid_grant", (await grain.RefreshAsync(a)).Error?.Code);
        Assert.Equal("invalid_grant", (await grain.RefreshAsync(b)).Error?.Code);
        Assert.True((await grain.SignInAsync(Password, null)).IsSuccess);
    }

    [Fact]
    public async Task Profile_updates_persist_across_deactivation()
    {
        var grain = await RegisteredAsync();

        var updated = await grain.UpdateProfileAsync(new ProfilePatch { ClearEmail = true, Preferences = new NotificationPreferences { EmailNotifications = false } });
        await fixture.Cluster.DeactivateAsync(grain);

        var profile = await grain.GetProfileAsync();
        Assert.Null(profile?.Email);
        Assert.False(profile?.Preferences.EmailNotifications);
        Assert.Equal(2, profile?.Version);
        Assert.Equal(updated.Value?.Version, profile?.Version);
        Assert.Equal("user_not_found", (await fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).UpdateProfileAsync(new ProfilePatch())).Error?.Code);
    }

    [Fact]
    public async Task Long_passwords_are_checked_in_full_not_only_their_first_72_bytes()
    {
        // The policy allows 128 characters; BCrypt alone only looks at the first 72 bytes.
        var prefix = "Long#Passphrase9" + new string('x', 56);
        var grain = fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid());
        Assert.True((await grain.RegisterAsync($"long{Guid.NewGuid():N}"[..20], prefix + "-tail-one", null, [Roles.User])).IsSuccess);

        var other = await grain.SignInAsync(prefix + "-something-else", null);

        Assert.Equal("invalid_credentials", other.Error?.Code);
        Assert.True((await grain.SignInAsync(prefix + "-tail-one", null)).IsSuccess);
    }
}
