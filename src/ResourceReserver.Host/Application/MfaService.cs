using OtpNet;
using QRCoder;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.Host.Application;

/// <summary>The signed-in user's TOTP second factor (RFC 6238, issuer "Resource Reserver"). Used by the REST API and the web UI.</summary>
public sealed class MfaService(IGrainFactory grains, SecurityEvents security)
{
    /// <summary>The issuer authenticator apps show.</summary>
    public const string Issuer = "Resource Reserver";

    /// <summary>A new secret, its otpauth URI and QR code, and backup codes; active only once enabled with a code.</summary>
    public async Task<Outcome<MfaSetupResponse>> SetupAsync(Actor actor)
    {
        var user = grains.GetGrain<IUserGrain>(actor.UserId);
        if (await user.GetProfileAsync() is not { } profile)
        {
            return DomainError.NotFound(ProblemCode.UserNotFound, "The account no longer exists.");
        }

        var enrolment = await user.BeginMfaSetupAsync();
        if (!enrolment.IsSuccess)
        {
            return enrolment.Error!;
        }

        var uri = new OtpUri(OtpType.Totp, enrolment.Value!.Secret, profile.Username, Issuer).ToString();
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 6);
        return new MfaSetupResponse(enrolment.Value.Secret, uri, "data:image/png;base64," + Convert.ToBase64String(png), enrolment.Value.BackupCodes);
    }

    /// <summary>Turns MFA on with a current code of the pending secret.</summary>
    public async Task<Outcome<bool>> EnableAsync(Actor actor, MfaCodeRequest request) =>
        CheckCode(request.Code) ?? await Recorded(actor, AuditActions.MfaEnabled, grains.GetGrain<IUserGrain>(actor.UserId).EnableMfaAsync(request.Code!));

    /// <summary>Turns MFA off with the password and a current (or backup) code.</summary>
    public async Task<Outcome<bool>> DisableAsync(Actor actor, MfaDisableRequest request)
    {
        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 128)
        {
            return Refusal.Invalid("password", "password is required.");
        }

        return CheckCode(request.Code) ?? await Recorded(actor, AuditActions.MfaDisabled, grains.GetGrain<IUserGrain>(actor.UserId).DisableMfaAsync(request.Password, request.Code!));
    }

    /// <summary>New backup codes after a current code verifies; the old ones stop working.</summary>
    public async Task<Outcome<BackupCodesResponse>> RegenerateBackupCodesAsync(Actor actor, MfaCodeRequest request)
    {
        if (CheckCode(request.Code) is { } invalid)
        {
            return invalid;
        }

        var codes = await Recorded(actor, AuditActions.MfaBackupCodes, grains.GetGrain<IUserGrain>(actor.UserId).RegenerateBackupCodesAsync(request.Code!));
        return codes.IsSuccess ? new BackupCodesResponse(codes.Value!) : codes.Error!;
    }

    private async Task<Outcome<T>> Recorded<T>(Actor actor, string action, Task<Outcome<T>> work) =>
        await security.RecordAsync(await work, action, "user", actor.UserId.ToString());

    private static DomainError? CheckCode(string? code) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 32 ? Refusal.Invalid("code", "code is required: the 6 digits the authenticator shows.") : null;
}
