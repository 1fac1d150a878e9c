namespace ResourceReserver.Contracts;

/// <summary>A pending MFA enrolment: the base32 TOTP secret and the backup codes, shown once.</summary>
[GenerateSerializer, Immutable, Alias("rr.MfaEnrolment")]
public sealed record MfaEnrolment([property: Id(0)] string Secret, [property: Id(1)] IReadOnlyList<string> BackupCodes);
