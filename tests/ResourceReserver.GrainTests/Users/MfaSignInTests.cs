using OtpNet;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;

namespace ResourceReserver.GrainTests.Users;

[Collection(ClusterCollection.Name)]
public sealed class MfaSignInTests(ClusterFixture fixture)
{
    private const string Password = "Correct#Horse9";

    private static string CurrentCode(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);

    private async Task<(IUserGrain Grain, MfaEnrolment Enrolment)> WithMfaAsync()
    {
        var grain = fixture.Grains.GetGrain<IUserGrain>(Guid.NewGuid());
        Assert.True((await grain.RegisterAsync($"mfa{Guid.NewGuid():N}"[..20], Password, null, [Roles.User])).IsSuccess);
        var enrolment = (await grain.BeginMfaSetupAsync()).Value!;
        Assert.True((await grain.EnableMfaAsync(CurrentCode(enrolment.Secret))).IsSuccess);
        return (grain, enrolment);
    }

    [Fact]
    public async Task Enabling_shows_in_the_profile_and_a_second_setup_is_refused()
    {
        var (grain, _) = await WithMfaAsync();

        Assert.True((await grain.GetProfileAsync())!.MfaEnabled);
        Assert.Equal("mfa_already_enabled", (await grain.BeginMfaSetupAsync()).Error?.Code);
    }

    [Fact]
    public async Task Without_a_code_sign_in_asks_for_one_and_wrong_codes_lock_the_account()
    {
        var (grain, enrolment) = await WithMfaAsync();

        Assert.Equal("mfa_required", (await grain.SignInAsync(Password, null)).Error?.Code);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_mfa_code", (await grain.SignInAsync(Password, "000000")).Error?.Code);
        }

        Assert.Equal("account_locked", (await grain.SignInAsync(Password, enrolment.BackupCodes[0])).Error?.Code);
        Assert.True((await grain.ResetMfaAsync()).IsSuccess, "an administrator's MFA reset also lifts the lockout");
        Assert.True((await grain.SignInAsync(Password, null)).IsSuccess);
    }

    [Fact]
    public async Task A_backup_code_signs_in_once()
    {
        var (grain, enrolment) = await WithMfaAsync();

        Assert.True((await grain.SignInAsync(Password, enrolment.BackupCodes[5])).IsSuccess);
        Assert.Equal("invalid_mfa_code", (await grain.SignInAsync(Password, enrolment.BackupCodes[5])).Error?.Code);
    }

    [Fact]
    public async Task Disabling_needs_the_password_and_a_code()
    {
        var (grain, enrolment) = await WithMfaAsync();

        Assert.Equal("invalid_current_password", (await grain.DisableMfaAsync("Wrong#Pass1", enrolment.BackupCodes[0])).Error?.Code);
        Assert.Equal("invalid_code", (await grain.DisableMfaAsync(Password, "123456")).Error?.Code);
        Assert.True((await grain.DisableMfaAsync(Password, enrolment.BackupCodes[1])).IsSuccess);
        Assert.False((await grain.GetProfileAsync())!.MfaEnabled);
        Assert.True((await grain.SignInAsync(Password, null)).IsSuccess);
    }
}
