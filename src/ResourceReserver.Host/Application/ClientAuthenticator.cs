using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.OAuth;

namespace ResourceReserver.Host.Application;

/// <summary>A client's id and secret as presented: in the form (<c>client_id</c>, <c>client_secret</c>) or by HTTP Basic.</summary>
public sealed record ClientCredentials(string? ClientId, string? ClientSecret, bool ViaBasic = false);

/// <summary>Checks a confidential client's credentials (RFC 6749 §2.3.1).</summary>
public sealed class ClientAuthenticator(IGrainFactory grains)
{
    /// <summary>The client when the credentials are right, else 401 <c>invalid_client</c>.</summary>
    public async Task<Outcome<OAuthClient>> AuthenticateAsync(ClientCredentials credentials)
    {
        if (ClientToken.IsClientId(credentials.ClientId) && credentials.ClientSecret is { Length: > 0 and <= 200 } secret)
        {
            var grain = grains.GetGrain<IOAuthClientGrain>(credentials.ClientId!);
            if (await grain.VerifySecretAsync(secret) && await grain.GetAsync() is { } client)
            {
                return client;
            }
        }

        return InvalidClient();
    }

    /// <summary>The refusal for unknown clients or wrong secrets.</summary>
    public static DomainError InvalidClient() =>
        new(ErrorKind.Unauthorized, ProblemCode.InvalidClient, "Client authentication failed: unknown client_id or wrong client_secret.");
}
