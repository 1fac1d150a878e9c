using Microsoft.Extensions.Logging;
using ResourceReserver.Audit;
using ResourceReserver.Outbox;

namespace ResourceReserver.OAuth;

/// <summary>One OAuth2 client: its registration and secret here, its codes and grants in the other part.</summary>
public sealed partial class OAuthClientGrain : Grain, IOAuthClientGrain
{
    /// <summary>How long an authorization code may wait to be redeemed.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long a delegated grant (and its refresh tokens) lives.</summary>
    public static readonly TimeSpan DelegatedLifetime = TimeSpan.FromDays(7);

    /// <summary>How long a client_credentials grant lives: one access token.</summary>
    public static readonly TimeSpan ClientCredentialsLifetime = TimeSpan.FromMinutes(15);

    private const int MaxLiveGrants = 1_000;

    private readonly IPersistentState<OAuthClientState> _state;
    private readonly TimeProvider _clock;
    private readonly StateCommitter<OAuthClientState> _committer;

    /// <summary>Creates the grain with its state and the write discipline.</summary>
    public OAuthClientGrain(
        [PersistentState("oauth-client")] IPersistentState<OAuthClientState> state,
        OutboxRelay relay,
        TimeProvider clock,
        ILogger<OAuthClientGrain> logger)
    {
        _state = state;
        _clock = clock;
        _committer = new StateCommitter<OAuthClientState>(this, state, relay, logger);
    }

    private string ClientId => this.GetPrimaryKeyString();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private OAuthClient? Live => _state.State.Deleted ? null : _state.State.Client;

    /// <inheritdoc />
    public Task<Outcome<OAuthClientSecret>> RegisterAsync(OAuthClient client) => _committer.CommitAsync<OAuthClientSecret>(() =>
    {
        if (_state.State.Client is not null || client.ClientId != ClientId)
        {
            return DomainError.Conflict(ProblemCode.ClientExists, "This client id is taken.");
        }

        var secret = ClientToken.NewSecret();
        _state.State.Client = client with { CreatedAt = Now };
        _state.State.SecretHash = ClientToken.Hash(secret);
        Audit(AuditActions.ClientCreated, client.OwnerId, $"name: {client.Name}; scopes: {string.Join(' ', client.Scopes)}");
        return new OAuthClientSecret(_state.State.Client, secret);
    });

    /// <inheritdoc />
    public Task<OAuthClient?> GetAsync() => Task.FromResult(Live);

    /// <inheritdoc />
    public Task<bool> VerifySecretAsync(string secret) =>
        Task.FromResult(Live is not null && _state.State.SecretHash is { } hash && ClientToken.Matches(secret ?? "", hash));

    /// <inheritdoc />
    public Task<Outcome<OAuthClientSecret>> RotateSecretAsync() => _committer.CommitAsync<OAuthClientSecret>(() =>
    {
        if (Live is not { } client)
        {
            return ClientNotFound();
        }

        var secret = ClientToken.NewSecret();
        _state.State.SecretHash = ClientToken.Hash(secret);
        _state.State.Grants.Clear();
        Audit(AuditActions.ClientSecretRotated, client.OwnerId, "every token of the client ended");
        return new OAuthClientSecret(client, secret);
    });

    /// <inheritdoc />
    public async Task DeleteAsync()
    {
        if (Live is null)
        {
            return;
        }

        await _committer.CommitAsync(() =>
        {
            _state.State.Deleted = true;
            _state.State.SecretHash = null;
            _state.State.Codes.Clear();
            _state.State.Grants.Clear();
            Audit(AuditActions.ClientDeleted, _state.State.Client?.OwnerId);
            return Outcome<bool>.Ok(true);
        });
    }

    /// <summary>An audit entry about this client, written with the change it describes.</summary>
    private void Audit(string action, Guid? actorId, string? detail = null) =>
        _committer.Audit(action, Now, actorId, new AuditNote { EntityType = "oauth_client", EntityId = ClientId, Detail = detail });

    private static DomainError ClientNotFound() => DomainError.NotFound(ProblemCode.ClientNotFound, "No such OAuth2 client.");
}
