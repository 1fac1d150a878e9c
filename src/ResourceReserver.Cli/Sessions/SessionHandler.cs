using System.Net;
using System.Net.Http.Headers;
using ResourceReserver.Client.Contracts;

namespace ResourceReserver.Cli.Sessions;

/// <summary>
/// Puts the session's bearer token on every request, renews it shortly before it expires, and once more when the
/// server answers 401 (a token revoked early); a session that cannot be renewed ends the command with exit 4.
/// </summary>
public sealed class SessionHandler(SessionStore store, Func<string, CancellationToken, Task<TokenResponse>> refresh) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered, so the request can be sent again after a refresh.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var credentials = await store.FreshAsync(refresh, force: false, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        credentials = await store.FreshAsync(refresh, force: true, cancellationToken);
        using var retry = await CloneAsync(request, cancellationToken);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        return await base.SendAsync(retry, cancellationToken);
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri);
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            clone.Content = new ByteArrayContent(await request.Content.ReadAsByteArrayAsync(ct));
            foreach (var header in request.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }
}
