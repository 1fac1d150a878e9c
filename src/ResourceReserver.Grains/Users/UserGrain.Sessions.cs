using ResourceReserver.Accounts;
using ResourceReserver.Audit;
using ResourceReserver.Events;

namespace ResourceReserver.Users;

public sealed partial class UserGrain
{
    /// <inheritdoc />
    public async Task<Outcome<TokenGrant>> SignInAsync(string password, string? mfaCode)
    {
        var now = Now;
        if (Live is not { } profile || _state.State.PasswordHash is not { } hash)
        {
            return InvalidCredentials();
        }

        if (_state.State.LockedUntil is { } until && until > now)
        {
            return new DomainError(ErrorKind.Unauthorized, ProblemCode.AccountLocked, $"Too many failed sign-ins; try again after {until:u}.");
        }

        if (!BCrypt.Net.BCrypt.EnhancedVerify(password ?? "", hash))
        {
            return await CountFailureAsync(InvalidCredentials());
        }

        if (profile.Status == UserStatus.Disabled)
        {
            return new DomainError(ErrorKind.Unauthorized, ProblemCode.AccountDisabled, "This account is disabled; ask an administrator.");
        }

        if (_state.State.Mfa.Enabled && string.IsNullOrWhiteSpace(mfaCode))
        {
            return new DomainError(ErrorKind.Unauthorized, ProblemCode.MfaRequired, "This account uses MFA: send mfa_code (a current authenticator code or a backup code).");
        }

        // A hash made with another work factor (the setting changed) is replaced while the password is at hand.
        var rehash = BCrypt.Net.BCrypt.PasswordNeedsRehash(hash, _hashing.WorkFactor) ? HashPassword(password!) : null;
        var outcome = await _committer.CommitAsync(() =>
        {
            if (_state.State.Mfa.Enabled && !_state.State.Mfa.TryConsume(mfaCode, now))
            {
                return InvalidMfaCode();
            }

            _state.State.FailedSignIns.Clear();
            _state.State.LockedUntil = null;
            _state.State.PasswordHash = rehash ?? _state.State.PasswordHash;
            PruneFamilies(now);
            var signedIn = _state.State.Profile! with { LastLoginAt = now, Version = _state.State.Profile!.Version + 1 };
            _state.State.Profile = signedIn;
            Record(EventTypes.UserSignedIn, signedIn);
            return IssueInFamily(signedIn, Guid.CreateVersion7(), now);
        });
        return outcome.Error?.Code == ProblemCode.InvalidMfaCode ? await CountFailureAsync(outcome.Error) : outcome;
    }

    /// <inheritdoc />
    public async Task<Outcome<TokenGrant>> RefreshAsync(string refreshToken)
    {
        if (FindFamily(refreshToken) is not var (familyId, family))
        {
            return InvalidGrant();
        }

        var presented = RefreshToken.Hash(refreshToken);
        if (family.UsedHashes.Contains(presented))
        {
            // A rotated-away token came back: someone holds a copy. Kill the whole family, then refuse.
            await _committer.CommitAsync(() =>
            {
                Audit(AuditActions.SessionRevoked, "a used refresh token came back: the session was ended");
                return Outcome<bool>.Ok(_state.State.RefreshFamilies.Remove(familyId));
            });
            return InvalidGrant();
        }

        return await _committer.CommitAsync(() =>
        {
            // Looked up again inside the decision: after a re-read the family object is a fresh instance.
            var now = Now;
            if (Live is not { Status: UserStatus.Active } profile
                || !_state.State.RefreshFamilies.TryGetValue(familyId, out var current) || current.CurrentHash != presented || current.ExpiresAt <= now)
            {
                return InvalidGrant();
            }

            current.UsedHashes.Add(presented);
            if (current.UsedHashes.Count > 50)
            {
                current.UsedHashes.RemoveAt(0);
            }

            Audit(AuditActions.TokenRefresh);
            return IssueInFamily(profile, familyId, now);
        });
    }

    private (Guid FamilyId, RefreshFamily Family)? FindFamily(string refreshToken) =>
        _state.State.Profile is not null
        && RefreshToken.TryParse(refreshToken, out var userId, out var familyId) && userId == UserId
        && _state.State.RefreshFamilies.TryGetValue(familyId, out var family)
            ? (familyId, family)
            : null;

    /// <inheritdoc />
    public async Task SignOutAsync()
    {
        if (Live is null)
        {
            return;
        }

        await _committer.CommitAsync(() =>
        {
            Audit(AuditActions.SignOut, $"{_state.State.RefreshFamilies.Count} session(s) ended");
            _state.State.RefreshFamilies.Clear();
            return Outcome<bool>.Ok(true);
        });
    }

    /// <inheritdoc />
    public Task<bool> HasSessionAsync(Guid familyId) => Task.FromResult(
        Live is { Status: UserStatus.Active } && _state.State.RefreshFamilies.TryGetValue(familyId, out var family) && family.ExpiresAt > Now);

    /// <inheritdoc />
    public Task<UserAccess?> GetAccessAsync(Guid? sessionId)
    {
        var live = Live is { Status: UserStatus.Active } profile
            && (sessionId is not { } id || (_state.State.RefreshFamilies.TryGetValue(id, out var family) && family.ExpiresAt > Now));
        return Task.FromResult(live ? new UserAccess(_state.State.Profile!.Roles, _state.State.Profile.Username) : null);
    }

    private async Task<Outcome<TokenGrant>> CountFailureAsync(DomainError refusal)
    {
        var now = Now;
        var failed = await _committer.CommitAsync<bool>(() =>
        {
            var failures = _state.State.FailedSignIns;
            failures.RemoveAll(t => t <= now - LockoutWindow);
            failures.Add(now);
            if (failures.Count >= MaxFailures)
            {
                _state.State.LockedUntil = now + LockoutDuration;
                failures.Clear();
                Audit(AuditActions.AccountLocked, $"{MaxFailures} failed attempts; locked until {now + LockoutDuration:u}");
            }

            return true;
        });
        return failed.IsSuccess ? refusal : failed.Error!;
    }

    private Outcome<TokenGrant> IssueInFamily(UserProfile profile, Guid familyId, DateTimeOffset now)
    {
        var token = RefreshToken.Create(UserId, familyId);
        var family = _state.State.RefreshFamilies.GetValueOrDefault(familyId) ?? new RefreshFamily { ExpiresAt = now + RefreshLifetime };
        family.CurrentHash = RefreshToken.Hash(token);
        _state.State.RefreshFamilies[familyId] = family;
        return new TokenGrant(profile, token, family.ExpiresAt);
    }

    private void PruneFamilies(DateTimeOffset now)
    {
        foreach (var expired in _state.State.RefreshFamilies.Where(f => f.Value.ExpiresAt <= now).Select(f => f.Key).ToList())
        {
            _state.State.RefreshFamilies.Remove(expired);
        }
    }

    private static DomainError InvalidCredentials() =>
        new(ErrorKind.Unauthorized, ProblemCode.InvalidCredentials, "The username or password is wrong.");

    private static DomainError InvalidMfaCode() =>
        new(ErrorKind.Unauthorized, ProblemCode.InvalidMfaCode, "The authentication code is wrong or was already used.");

    private static DomainError InvalidGrant() =>
        new(ErrorKind.Unauthorized, ProblemCode.InvalidGrant, "The refresh token is invalid, expired or revoked.");
}
