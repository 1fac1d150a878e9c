using ResourceReserver.Audit;
using ResourceReserver.Events;

namespace ResourceReserver.Users;

public sealed partial class UserGrain
{
    /// <inheritdoc />
    public async Task<Outcome<bool>> ChangePasswordAsync(string currentPassword, string newPassword, Guid? keepSession)
    {
        if (Live is not { } profile || _state.State.PasswordHash is not { } hash)
        {
            return UserNotFound();
        }

        if (!BCrypt.Net.BCrypt.EnhancedVerify(currentPassword ?? "", hash))
        {
            // Counted like a failed sign-in, so a stolen access token cannot be used to guess the password.
            var counted = await CountFailureAsync(DomainError.Invalid(ProblemCode.InvalidCurrentPassword, "The current password is wrong."));
            return counted.Error!;
        }

        if (WeakPassword(newPassword, profile.Username) is { } weak)
        {
            return weak;
        }

        var newHash = HashPassword(newPassword);
        return await _committer.CommitAsync(() =>
        {
            _state.State.PasswordHash = newHash;
            var others = _state.State.RefreshFamilies.Keys.Where(id => id != keepSession).ToList();
            foreach (var other in others)
            {
                _state.State.RefreshFamilies.Remove(other);
            }

            Audit(AuditActions.PasswordChanged, $"{others.Count} other session(s) signed out");
            return Outcome<bool>.Ok(true);
        });
    }

    /// <inheritdoc />
    public async Task<Outcome<bool>> ResetPasswordAsync(string newPassword)
    {
        if (Live is not { } profile)
        {
            return UserNotFound();
        }

        if (WeakPassword(newPassword, profile.Username) is { } weak)
        {
            return weak;
        }

        var newHash = HashPassword(newPassword);
        return await _committer.CommitAsync(() =>
        {
            _state.State.PasswordHash = newHash;
            _state.State.RefreshFamilies.Clear();
            _state.State.FailedSignIns.Clear();
            _state.State.LockedUntil = null;
            Audit(AuditActions.PasswordReset, "every session signed out");
            return Outcome<bool>.Ok(true);
        });
    }

    /// <inheritdoc />
    public Task<Outcome<MfaEnrolment>> BeginMfaSetupAsync() => _committer.CommitAsync<MfaEnrolment>(() =>
    {
        if (Live is null)
        {
            return UserNotFound();
        }

        if (_state.State.Mfa.Enabled)
        {
            return DomainError.Conflict(ProblemCode.MfaAlreadyEnabled, "MFA is already on; turn it off first to enrol a new authenticator.");
        }

        Audit(AuditActions.MfaSetup);
        return _state.State.Mfa.Begin();
    });

    /// <inheritdoc />
    public Task<Outcome<bool>> EnableMfaAsync(string code) => ChangeMfa(AuditActions.MfaEnabled, () =>
        _state.State.Mfa.Enabled ? DomainError.Conflict(ProblemCode.MfaAlreadyEnabled, "MFA is already on.")
        : _state.State.Mfa.PendingSecret is null ? DomainError.Conflict(ProblemCode.MfaNotSetUp, "Start with POST /users/me/mfa/setup.")
        : _state.State.Mfa.TryEnable(code ?? "", Now) ? null
        : InvalidCode());

    /// <inheritdoc />
    public async Task<Outcome<bool>> DisableMfaAsync(string password, string code)
    {
        if (Live is null || _state.State.PasswordHash is not { } hash)
        {
            return UserNotFound();
        }

        if (!_state.State.Mfa.Enabled)
        {
            return DomainError.Conflict(ProblemCode.MfaNotEnabled, "MFA is off.");
        }

        if (!BCrypt.Net.BCrypt.EnhancedVerify(password ?? "", hash))
        {
            var counted = await CountFailureAsync(DomainError.Invalid(ProblemCode.InvalidCurrentPassword, "The password is wrong."));
            return counted.Error!;
        }

        var outcome = await ChangeMfa(AuditActions.MfaDisabled, () =>
        {
            if (!_state.State.Mfa.TryConsume(code, Now))
            {
                return InvalidCode();
            }

            _state.State.Mfa.Clear();
            return null;
        });
        return outcome.Error?.Code == ProblemCode.InvalidCode ? (await CountFailureAsync(outcome.Error)).Error! : outcome;
    }

    /// <inheritdoc />
    public async Task<Outcome<IReadOnlyList<string>>> RegenerateBackupCodesAsync(string code)
    {
        IReadOnlyList<string> codes = [];
        var outcome = await ChangeMfa(AuditActions.MfaBackupCodes, () =>
        {
            if (!_state.State.Mfa.Enabled)
            {
                return DomainError.Conflict(ProblemCode.MfaNotEnabled, "MFA is off.");
            }

            if (!_state.State.Mfa.TryConsume(code, Now))
            {
                return InvalidCode();
            }

            codes = _state.State.Mfa.ReplaceBackupCodes();
            return null;
        });
        return outcome.IsSuccess ? Outcome<IReadOnlyList<string>>.Ok(codes) : outcome.Error!;
    }

    /// <inheritdoc />
    public async Task<Outcome<UserProfile>> ResetMfaAsync()
    {
        var outcome = await ChangeMfa(AuditActions.MfaReset, () =>
        {
            _state.State.Mfa.Clear();
            _state.State.FailedSignIns.Clear();
            _state.State.LockedUntil = null;
            return null;
        });
        return outcome.IsSuccess ? _state.State.Profile! : outcome.Error!;
    }

    /// <summary>
    /// Runs an MFA decision (null = accepted) and, when accepted, keeps the profile's <c>mfaEnabled</c> in step, in the
    /// same write, with its audit entry (<paramref name="action"/>).
    /// </summary>
    private Task<Outcome<bool>> ChangeMfa(string action, Func<DomainError?> decide) => _committer.CommitAsync(() =>
    {
        if (Live is not { } current)
        {
            return UserNotFound();
        }

        if (decide() is { } refusal)
        {
            return refusal;
        }

        if (current.MfaEnabled != _state.State.Mfa.Enabled)
        {
            var updated = current with { MfaEnabled = _state.State.Mfa.Enabled, Version = current.Version + 1 };
            _state.State.Profile = updated;
            Record(EventTypes.UserUpdated, updated, new AuditNote { Action = action });
        }
        else
        {
            Audit(action);
        }

        return Outcome<bool>.Ok(true);
    });

    private static DomainError InvalidCode() =>
        DomainError.Invalid(ProblemCode.InvalidCode, "The code is wrong, expired or was already used.");
}
