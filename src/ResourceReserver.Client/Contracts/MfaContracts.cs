namespace ResourceReserver.Client.Contracts;

/// <summary>
/// <c>POST /users/me/mfa/setup</c>: the base32 secret, the <c>otpauth://</c> URI, that URI as a QR code
/// (<c>data:image/png;base64,...</c>) and ten single-use backup codes. Shown once; not active until enabled.
/// </summary>
public sealed record MfaSetupResponse(string Secret, string OtpauthUri, string QrCodePng, IReadOnlyList<string> BackupCodes);

/// <summary>Body of <c>POST /users/me/mfa/enable</c> and <c>/backup-codes</c>: a current authenticator code.</summary>
public sealed record MfaCodeRequest(string? Code);

/// <summary>Body of <c>POST /users/me/mfa/disable</c>.</summary>
public sealed record MfaDisableRequest(string? Password, string? Code);

/// <summary>A fresh set of backup codes (the old ones stop working).</summary>
public sealed record BackupCodesResponse(IReadOnlyList<string> BackupCodes);
