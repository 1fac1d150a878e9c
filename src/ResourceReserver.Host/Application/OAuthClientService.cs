using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.OAuth;

namespace ResourceReserver.Host.Application;

/// <summary>
/// Registering and managing OAuth2 clients: the owner (or someone with users.manage) lists, deletes and rotates them.
/// Used by the REST API and the web UI.
/// </summary>
public sealed class OAuthClientService(IGrainFactory grains)
{
    /// <summary>The grant types a client may register.</summary>
    public static readonly IReadOnlyList<string> GrantTypes = ["client_credentials", "authorization_code", "refresh_token"];

    private const int MaxClientsPerUser = 25;

    /// <summary>Registers a client owned by the actor; the answer is the only time its secret is shown.</summary>
    public async Task<Outcome<ClientWithSecret>> CreateAsync(Actor actor, CreateClientRequest request)
    {
        if (Validate(actor, request) is { } invalid)
        {
            return invalid;
        }

        var owner = grains.GetGrain<IUserGrain>(actor.UserId);
        if ((await owner.GetClientIdsAsync()).Count >= MaxClientsPerUser)
        {
            return DomainError.Conflict(ProblemCode.TooManyClients, $"An account may own at most {MaxClientsPerUser} OAuth2 clients.");
        }

        var clientId = ClientToken.NewClientId();
        var registered = await grains.GetGrain<IOAuthClientGrain>(clientId).RegisterAsync(new OAuthClient
        {
            ClientId = clientId,
            OwnerId = actor.UserId,
            Name = request.Name!.Trim(),
            Scopes = request.Scopes!.Distinct().ToList(),
            GrantTypes = request.GrantTypes!.Distinct().ToList(),
            RedirectUris = request.RedirectUris?.Distinct().ToList() ?? [],
        });
        if (!registered.IsSuccess)
        {
            return registered.Error!;
        }

        await owner.SetClientOwnedAsync(clientId, true);
        return WithSecret(registered.Value!);
    }

    /// <summary>The actor's clients; with users.manage, another user's (<paramref name="userId"/>).</summary>
    public async Task<Outcome<ClientList>> ListAsync(Actor actor, string? userId)
    {
        var owner = actor.UserId;
        if (userId is not null)
        {
            if (!Guid.TryParse(userId, out owner))
            {
                return Refusal.Invalid("userId", "userId must be a user id.");
            }

            if (owner != actor.UserId && Caller.Require(actor, Permission.UsersManage) is { } forbidden)
            {
                return forbidden;
            }
        }

        var clients = await Task.WhenAll((await grains.GetGrain<IUserGrain>(owner).GetClientIdsAsync()).Select(id => grains.GetGrain<IOAuthClientGrain>(id).GetAsync()));
        return new ClientList(clients.OfType<OAuthClient>().OrderBy(c => c.CreatedAt).Select(View).ToList(), null);
    }

    /// <summary>Deletes a client; every token it holds stops working.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Actor actor, string id)
    {
        var found = await ManageableAsync(actor, id);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        await grains.GetGrain<IOAuthClientGrain>(id).DeleteAsync();
        await grains.GetGrain<IUserGrain>(found.Value!.OwnerId).SetClientOwnedAsync(id, false);
        return true;
    }

    /// <summary>A new secret (the old one and every token stop working).</summary>
    public async Task<Outcome<ClientWithSecret>> RotateSecretAsync(Actor actor, string id)
    {
        var found = await ManageableAsync(actor, id);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var rotated = await grains.GetGrain<IOAuthClientGrain>(id).RotateSecretAsync();
        return rotated.IsSuccess ? WithSecret(rotated.Value!) : rotated.Error!;
    }

    /// <summary>The API view of a client.</summary>
    public static ClientView View(OAuthClient c) => new(c.ClientId, c.Name, c.OwnerId, c.Scopes, c.GrantTypes, c.RedirectUris, c.CreatedAt);

    /// <summary>True for a redirect URI we accept: absolute https (or http on loopback), no fragment.</summary>
    public static bool IsAcceptableRedirect(string? uri) =>
        uri is { Length: <= 500 } && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && string.IsNullOrEmpty(parsed.Fragment)
        && (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback));

    private async Task<Outcome<OAuthClient>> ManageableAsync(Actor actor, string id)
    {
        if (!ClientToken.IsClientId(id) || await grains.GetGrain<IOAuthClientGrain>(id).GetAsync() is not { } client
            || (client.OwnerId != actor.UserId && !actor.Has(Permission.UsersManage)))
        {
            // Someone else's client is as unknown as a missing one.
            return DomainError.NotFound(ProblemCode.ClientNotFound, "No such OAuth2 client.");
        }

        return client;
    }

    private static DomainError? Validate(Actor actor, CreateClientRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["name is required, at most 100 characters."];
        }

        if (request.Scopes is not { Count: > 0 } scopes || scopes.Any(s => !Scopes.All.Contains(s)))
        {
            errors["scopes"] = [$"scopes: one or more of {string.Join(", ", Scopes.All)}."];
        }

        if (request.GrantTypes is not { Count: > 0 } grants || grants.Any(g => !GrantTypes.Contains(g))
            || (grants.Contains("refresh_token") && !grants.Contains("authorization_code")))
        {
            errors["grantTypes"] = ["grantTypes: client_credentials and/or authorization_code (with refresh_token if wanted)."];
        }

        var redirects = request.RedirectUris ?? [];
        if (redirects.Count > 10 || redirects.Any(r => !IsAcceptableRedirect(r))
            || (request.GrantTypes?.Contains("authorization_code") == true && redirects.Count == 0))
        {
            errors["redirectUris"] = ["redirectUris: up to 10 absolute https URIs (http only on loopback) without a fragment; required for authorization_code."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Fields(errors);
        }

        // A client never exceeds its owner: the admin scope is only for owners who manage something.
        return request.Scopes!.Contains(Scopes.Admin) && (actor.Permissions & ~Permission.ReservationsBook) == Permission.None
            ? new DomainError(ErrorKind.Validation, ProblemCode.ScopeExceedsPermissions, "The admin scope needs an owner with a management permission.")
            {
                Errors = new Dictionary<string, string[]> { ["scopes"] = ["You hold no management permission for the admin scope to reach."] },
            }
            : null;
    }

    private static ClientWithSecret WithSecret(OAuthClientSecret s) =>
        new(s.Client.ClientId, s.Secret, s.Client.Name, s.Client.OwnerId, s.Client.Scopes, s.Client.GrantTypes, s.Client.RedirectUris, s.Client.CreatedAt);
}
