using ResourceReserver.Cli.Hosting;
using ResourceReserver.Client;

namespace ResourceReserver.Cli.Sessions;

/// <summary>Whether a command signs its requests.</summary>
public enum AuthMode
{
    /// <summary>Never sends a token (registering, signing in).</summary>
    None,

    /// <summary>Sends the token when signed in (admins see more), works anonymously otherwise.</summary>
    Optional,

    /// <summary>Needs a session: without one the command ends with exit 4 before any request.</summary>
    Required,
}

/// <summary>The server, the stored session and a typed API client for one command.</summary>
public sealed class ApiSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpClient _anonymous;

    private ApiSession(CliContext context, ServerChoice server, AuthMode mode)
    {
        Server = server;
        Config = new ConfigDirectory(context);
        Store = new SessionStore(Config, server, context.Clock);
        _anonymous = NewClient(context, null);
        Anonymous = new ReserverApi(_anonymous);
        var signed = mode == AuthMode.Required || (mode == AuthMode.Optional && Store.Current is not null);
        if (mode == AuthMode.Required && Store.Current is null)
        {
            throw Store.NotSignedIn();
        }

        _http = signed
            ? NewClient(context, new SessionHandler(Store, async (token, ct) => (await Anonymous.Auth.RefreshAsync(token, ct)).Value))
            : _anonymous;
        Api = signed ? new ReserverApi(_http) : Anonymous;
    }

    /// <summary>The server.</summary>
    public ServerChoice Server { get; }

    /// <summary>The config directory.</summary>
    public ConfigDirectory Config { get; }

    /// <summary>The stored session.</summary>
    public SessionStore Store { get; }

    /// <summary>The API as this command calls it (signed when signed in and the command signs).</summary>
    public ReserverApi Api { get; }

    /// <summary>The API without a token.</summary>
    public ReserverApi Anonymous { get; }

    /// <summary>Opens a session for a command.</summary>
    public static ApiSession Open(CliContext context, string? serverOption, AuthMode mode) =>
        new(context, ServerChoice.Resolve(serverOption, context, new ConfigDirectory(context)), mode);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!ReferenceEquals(_http, _anonymous))
        {
            _http.Dispose();
        }

        _anonymous.Dispose();
    }

    private HttpClient NewClient(CliContext context, DelegatingHandler? session)
    {
        HttpMessageHandler transport = context.HttpHandler is { } shared ? new NonDisposing(shared) : new SocketsHttpHandler();
        if (session is not null)
        {
            session.InnerHandler = transport;
            transport = session;
        }

        return new HttpClient(transport) { BaseAddress = Server.Url, Timeout = TimeSpan.FromSeconds(100) };
    }

    /// <summary>Lets several clients share a test's handler without disposing it.</summary>
    private sealed class NonDisposing(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The handler belongs to whoever passed it in.
        }
    }
}
