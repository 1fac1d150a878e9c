using ResourceReserver.Accounts;

namespace ResourceReserver.Users;

public sealed partial class UserGrain
{
    /// <inheritdoc />
    public async Task<Outcome<TokenGrant>> SignInAsync(string password)
    {
        var now = Now;
        if (_state.State.Profile is not { } profile || _state.State.PasswordHash is not { } hash)
        {
            return InvalidCredentials();
        }

        if (_state.State.LockedUntil is { } until && until > now)
        {
            return new DomainError(ErrorKind.Unauthorized, "account_locked", $"Too many failed sign-ins; try again after {until:u}.");
        }

        if (!BCrypt.Net.BCrypt.EnhancedVerify(password ?? "", hash))
        {
            var failed = await _committer.CommitAsync<bool>(() =>
            {
                var failures = _state.State.FailedSignIns;
                failures.RemoveAll(t => t <= now - LockoutWindow);
                failures.Add(now);
                if (failures.Count >= MaxFailures)
                {
                    _state.State.LockedUntil = now + LockoutDuration;
                    failures.Clear();
                }

                return true;
            });
            return failed.IsSuccess ? InvalidCredentials() : failed.Error!;
        }

        return await _committer.CommitAsync(() =>
        {
            _state.State.FailedSignIns.Clear();
            _state.State.LockedUntil = null;
            PruneFamilies(now);
            return IssueInFamily(profile, Guid.CreateVersion7(), now);
        });
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
            await _committer.CommitAsync(() => Outcome<bool>.Ok(_state.State.RefreshFamilies.Remove(familyId)));
            return InvalidGrant();
        }

        return await _committer.CommitAsync(() =>
        {
            // Looked up again inside the decision: after a re-read the family object is a fresh instance.
            var now = Now;
            if (!_state.State.RefreshFamilies.TryGetValue(familyId, out var current) || current.CurrentHash != presented || current.ExpiresAt <= now)
            {
                return InvalidGrant();
            }

            current.UsedHashes.Add(presented);
            if (current.UsedHashes.Count > 50)
            {
                current.UsedHashes.RemoveAt(0);
            }

            return IssueInFamily(_state.State.Profile!, familyId, now);
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
        if (_state.State.RefreshFamilies.Count == 0)
        {
            return;
        }

        await _committer.CommitAsync(() =>
        {
            _state.State.RefreshFamilies.Clear();
            return Outcome<bool>.Ok(true);
        });
    }

    /// <inheritdoc />
    public Task<bool> HasSessionAsync(Guid familyId) => Task.FromResult(
        _state.State.Profile is not null && _state.State.RefreshFamilies.TryGetValue(familyId, out var family) && family.ExpiresAt > Now);

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
        new(ErrorKind.Unauthorized, "invalid_credentials", "The username or password is wrong.");

    private static DomainError InvalidGrant() =>
        new(ErrorKind.Unauthorized, "invalid_grant", "The refresh token is invalid, expired or revoked.");
}
