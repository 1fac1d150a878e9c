using OtpNet;
using ResourceReserver.Accounts;

namespace ResourceReserver.UnitTests.Accounts;

public sealed class MfaCredentialTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static string Code(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    [Fact]
    public void Enrolment_is_inactive_until_a_code_of_the_new_secret_verifies()
    {
        var mfa = new MfaCredential();
        var enrolment = mfa.Begin();

        Assert.False(mfa.Enabled);
        Assert.Equal(MfaCredential.BackupCodeCount, enrolment.BackupCodes.Distinct().Count());
        Assert.False(mfa.TryEnable("000000", Now));
        Assert.True(mfa.TryEnable(Code(enrolment.Secret, Now), Now));
        Assert.True(mfa.Enabled);
    }

    [Fact]
    public void A_code_works_once_and_neither_it_nor_an_older_step_can_be_replayed()
    {
        var mfa = new MfaCredential();
        var secret = mfa.Begin().Secret;
        mfa.TryEnable(Code(secret, Now), Now);

        var next = Now.AddSeconds(30);
        Assert.False(mfa.TryConsume(Code(secret, Now), next), "the enabling code must not work again");
        Assert.True(mfa.TryConsume(Code(secret, next), next));
        Assert.False(mfa.TryConsume(Code(secret, next), next.AddSeconds(5)), "replay within the window");
        Assert.True(mfa.TryConsume(Code(secret, next.AddSeconds(30)), next.AddSeconds(30)));
    }

    [Fact]
    public void Codes_of_the_neighbouring_steps_are_accepted_for_clock_drift_but_not_further()
    {
        var mfa = new MfaCredential();
        var secret = mfa.Begin().Secret;
        mfa.TryEnable(Code(secret, Now), Now);

        var later = Now.AddMinutes(10);
        Assert.False(mfa.TryConsume(Code(secret, later.AddSeconds(-90)), later));
        Assert.True(mfa.TryConsume(Code(secret, later.AddSeconds(-30)), later));
    }

    [Fact]
    public void Backup_codes_are_stored_hashed_and_each_works_once_in_any_spelling()
    {
        var mfa = new MfaCredential();
        var enrolment = mfa.Begin();
        mfa.TryEnable(Code(enrolment.Secret, Now), Now);
        var backup = enrolment.BackupCodes[3];

        Assert.DoesNotContain(mfa.BackupCodeHashes, h => h.Contains(backup.Replace("-", ""), StringComparison.OrdinalIgnoreCase));
        Assert.True(mfa.TryConsume(backup.Replace("-", " ").ToLowerInvariant(), Now));
        Assert.False(mfa.TryConsume(backup, Now));
        Assert.Equal(MfaCredential.BackupCodeCount - 1, mfa.BackupCodeHashes.Count);
    }

    [Fact]
    public void New_backup_codes_replace_the_old_ones()
    {
        var mfa = new MfaCredential();
        var enrolment = mfa.Begin();
        mfa.TryEnable(Code(enrolment.Secret, Now), Now);

        var fresh = mfa.ReplaceBackupCodes();

        Assert.False(mfa.TryConsume(enrolment.BackupCodes[0], Now));
        Assert.True(mfa.TryConsume(fresh[0], Now));
    }
}
