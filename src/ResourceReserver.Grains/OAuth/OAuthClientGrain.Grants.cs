using ResourceReserver.Audit;

namespace ResourceReserver.OAuth;

public sealed partial class OAuthClientGrain
{
    /// <inheritdoc />
    public Task<Outcome<string>> CreateCodeAsync(CodeRequest request) => _committer.CommitAsync<string>(() =>
    {
        if (Live is null)
        {
            return ClientNotFound();
        }

        Prune();
        var id = Guid.NewGuid();
        var code = ClientToken.Create(ClientId, id);
        _state.State.Codes[id] = new PendingCode
        {
            Hash = ClientToken.Hash(code),
            UserId = request.UserId,
            Scopes = request.Scopes.ToList(),
            RedirectUri = request.RedirectUri,
            Challenge = request.CodeChallenge,
            ExpiresAt = Now + CodeLifetime,
        };
        Audit(AuditActions.CodeIssued, request.UserId, $"scopes: {string.Join(' ', request.Scopes)}");
        return code;
    });

    /// <inheritdoc />
    public async Task<Outcome<OAuthGrant>> RedeemCodeAsync(string code, string redirectUri, string codeVerifier)
    {
        if (Live is null || !ClientToken.TryParse(code, out var clientId, out var id) || clientId != ClientId)
        {
            return InvalidGrant("The authorization code is invalid or expired.");
        }

        if (_state.State.Redeemed.TryGetValue(id, out var redeemed))
        {
            // RFC 6749 §4.1.2: a code used twice is a stolen one; what it gave is revoked.
            await RevokeGrantAsync(redeemed.GrantId);
            return InvalidGrant("The authorization code was already used.");
        }

        if (!_state.State.Codes.TryGetValue(id, out var pending) || !ClientToken.Matches(code, pending.Hash) || pending.ExpiresAt <= Now)
        {
            return InvalidGrant("The authorization code is invalid or expired.");
        }

        // A wrong verifier or redirect spends the code too (a null grant): it cannot be tried again.
        var matches = pending.RedirectUri == redirectUri && ClientToken.VerifiesChallenge(codeVerifier, pending.Challenge);
        var outcome = await _committer.CommitAsync<OAuthGrant?>(() =>
        {
            if (!_state.State.Codes.Remove(id, out var current))
            {
                return InvalidGrant("The authorization code is invalid or expired.");
            }

            if (!matches)
            {
                return Outcome<OAuthGrant?>.Ok(null);
            }

            var grantId = Guid.NewGuid();
            _state.State.Redeemed[id] = new RedeemedCode(grantId, current.ExpiresAt);
            var added = AddGrant(grantId, current.UserId, current.Scopes, DelegatedLifetime, withRefresh: true);
            return added.IsSuccess ? Granted(added.Value!, "authorization_code") : added.Error!;
        });
        return outcome is { IsSuccess: true, Value: { } grant } ? grant
            : outcome.Error ?? InvalidGrant("The code_verifier or redirect_uri does not match the authorization request.");
    }

    /// <inheritdoc />
    public Task<Outcome<OAuthGrant>> GrantClientCredentialsAsync(IReadOnlyList<string> scopes) => _committer.CommitAsync<OAuthGrant>(() =>
    {
        if (Live is not { } client)
        {
            return ClientNotFound();
        }

        var added = AddGrant(Guid.NewGuid(), client.OwnerId, scopes.ToList(), ClientCredentialsLifetime, withRefresh: false);
        return added.IsSuccess ? Granted(added.Value!, "client_credentials") : added.Error!;
    });

    /// <inheritdoc />
    public async Task<Outcome<OAuthGrant>> RefreshAsync(string refreshToken)
    {
        if (Live is null || !ClientToken.TryParse(refreshToken, out var clientId, out var grantId) || clientId != ClientId
            || !_state.State.Grants.TryGetValue(grantId, out var grant))
        {
            return InvalidGrant("The refresh token is invalid, expired or revoked.");
        }

        var presented = ClientToken.Hash(refreshToken);
        if (grant.UsedRefreshHashes.Contains(presented))
        {
            await RevokeGrantAsync(grantId);
            return InvalidGrant("The refresh token is invalid, expired or revoked.");
        }

        return await _committer.CommitAsync<OAuthGrant>(() =>
        {
            if (!_state.State.Grants.TryGetValue(grantId, out var current) || current.RefreshHash != presented || current.ExpiresAt <= Now)
            {
                return InvalidGrant("The refresh token is invalid, expired or revoked.");
            }

            var token = ClientToken.Create(ClientId, grantId);
            current.UsedRefreshHashes.Add(presented);
            if (current.UsedRefreshHashes.Count > 50)
            {
                current.UsedRefreshHashes.RemoveAt(0);
            }

            current.RefreshHash = ClientToken.Hash(token);
            return Granted(new OAuthGrant(ClientId, current.UserId, grantId, current.Scopes, token), "refresh_token");
        });
    }

    /// <inheritdoc />
    public Task<OAuthGrant?> GetGrantAsync(Guid grantId) => Task.FromResult(
        Live is not null && _state.State.Grants.TryGetValue(grantId, out var grant) && grant.ExpiresAt > Now
            ? new OAuthGrant(ClientId, grant.UserId, grantId, grant.Scopes, null)
            : null);

    /// <inheritdoc />
    public async Task<OAuthGrant?> FindRefreshAsync(string refreshToken) =>
        ClientToken.TryParse(refreshToken, out var clientId, out var grantId) && clientId == ClientId
        && _state.State.Grants.TryGetValue(grantId, out var grant) && grant.RefreshHash == ClientToken.Hash(refreshToken)
            ? await GetGrantAsync(grantId)
            : null;

    /// <inheritdoc />
    public async Task RevokeGrantAsync(Guid grantId)
    {
        if (_state.State.Grants.ContainsKey(grantId))
        {
            await _committer.CommitAsync(() =>
            {
                Audit(AuditActions.ClientTokenRevoked, _state.State.Grants[grantId].UserId);
                return Outcome<bool>.Ok(_state.State.Grants.Remove(grantId));
            });
        }
    }

    private Outcome<OAuthGrant> AddGrant(Guid grantId, Guid userId, List<string> scopes, TimeSpan lifetime, bool withRefresh)
    {
        Prune();
        if (_state.State.Grants.Count >= MaxLiveGrants)
        {
            return new DomainError(ErrorKind.Validation, ProblemCode.TooManyTokens, $"This client holds {MaxLiveGrants} live grants; revoke some or wait for them to expire.");
        }

        var refresh = withRefresh ? ClientToken.Create(ClientId, grantId) : null;
        _state.State.Grants[grantId] = new ClientGrant
        {
            UserId = userId,
            Scopes = scopes,
            RefreshHash = refresh is null ? null : ClientToken.Hash(refresh),
            ExpiresAt = Now + lifetime,
        };
        return new OAuthGrant(ClientId, userId, grantId, scopes, refresh);
    }

    private void Prune()
    {
        var now = Now;
        foreach (var code in _state.State.Codes.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
        {
            _state.State.Codes.Remove(code);
        }

        foreach (var old in _state.State.Redeemed.Where(c => c.Value.ExpiresAt <= now).Select(c => c.Key).ToList())
        {
            _state.State.Redeemed.Remove(old);
        }

        foreach (var grant in _state.State.Grants.Where(g => g.Value.ExpiresAt <= now).Select(g => g.Key).ToList())
        {
            _state.State.Grants.Remove(grant);
        }
    }

    /// <summary>A grant issued now, with its audit entry (no token in it: the grant's id and scopes only).</summary>
    private OAuthGrant Granted(OAuthGrant grant, string grantType)
    {
        Audit(AuditActions.ClientToken, grant.UserId, $"grant_type: {grantType}; scopes: {string.Join(' ', grant.Scopes)}");
        return grant;
    }

    private static DomainError InvalidGrant(string message) => new(ErrorKind.Unauthorized, ProblemCode.InvalidGrant, message);
}
