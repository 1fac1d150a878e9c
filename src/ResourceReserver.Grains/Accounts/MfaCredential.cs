using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace ResourceReserver.Accounts;

/// <summary>
/// A user's TOTP second factor (RFC 6238, SHA-1, 6 digits, 30 s) and backup codes. Codes of the step before and
/// after are accepted for clock drift, each TOTP step at most once (no replay); backup codes are stored as SHA-256
/// hashes (they are 60 random bits, so a slow hash adds nothing) and each works once.
/// </summary>
[GenerateSerializer, Alias("rr.MfaCredential")]
public sealed class MfaCredential
{
    /// <summary>How many backup codes a set has.</summary>
    public const int BackupCodeCount = 10;

    private const string BackupAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The active secret (base32); null while MFA is off.</summary>
    [Id(0)] public string? Secret { get; set; }

    /// <summary>A secret being enrolled, active once a code of it verifies.</summary>
    [Id(1)] public string? PendingSecret { get; set; }

    [Id(2)] public List<string> BackupCodeHashes { get; set; } = [];
    [Id(3)] public List<string> PendingBackupCodeHashes { get; set; } = [];

    /// <summary>The highest TOTP time step accepted so far: codes of this step or earlier never work again.</summary>
    [Id(4)] public long LastUsedStep { get; set; } = -1;

    /// <summary>True while sign-in needs a second factor.</summary>
    public bool Enabled => Secret is not null;

    /// <summary>Starts an enrolment; returns the plain secret and backup codes (shown once).</summary>
    public MfaEnrolment Begin()
    {
        PendingSecret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        var codes = NewBackupCodes();
        PendingBackupCodeHashes = codes.Select(HashBackupCode).ToList();
        return new MfaEnrolment(PendingSecret, codes);
    }

    /// <summary>Activates the pending enrolment when <paramref name="code"/> is a current code of its secret.</summary>
    public bool TryEnable(string code, DateTimeOffset now)
    {
        if (PendingSecret is null || !TryMatchStep(PendingSecret, code, now, -1, out var step))
        {
            return false;
        }

        Secret = PendingSecret;
        BackupCodeHashes = PendingBackupCodeHashes;
        PendingSecret = null;
        PendingBackupCodeHashes = [];
        LastUsedStep = step;
        return true;
    }

    /// <summary>Accepts an unused current TOTP code or an unused backup code, and uses it up.</summary>
    public bool TryConsume(string? code, DateTimeOffset now)
    {
        if (Secret is null || string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        if (TryMatchStep(Secret, code, now, LastUsedStep, out var step))
        {
            LastUsedStep = step;
            return true;
        }

        return BackupCodeHashes.Remove(HashBackupCode(code));
    }

    /// <summary>A fresh set of backup codes replacing the old one; returns the plain codes.</summary>
    public IReadOnlyList<string> ReplaceBackupCodes()
    {
        var codes = NewBackupCodes();
        BackupCodeHashes = codes.Select(HashBackupCode).ToList();
        return codes;
    }

    /// <summary>Turns MFA off and forgets every secret and code.</summary>
    public void Clear()
    {
        Secret = PendingSecret = null;
        BackupCodeHashes = [];
        PendingBackupCodeHashes = [];
        LastUsedStep = -1;
    }

    /// <summary>The stored form of a backup code (case, spaces and dashes do not matter).</summary>
    public static string HashBackupCode(string code)
    {
        var normalized = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    private static bool TryMatchStep(string secret, string code, DateTimeOffset now, long lastUsedStep, out long step)
    {
        step = -1;
        var digits = code.Trim();
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, digits, out step, VerificationWindow.RfcSpecifiedNetworkDelay) && step > lastUsedStep;
    }

    private static List<string> NewBackupCodes() => Enumerable.Range(0, BackupCodeCount).Select(_ =>
    {
        var chars = RandomNumberGenerator.GetItems<char>(BackupAlphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }).ToList();
}
