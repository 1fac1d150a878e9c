using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Sessions;

/// <summary>What <c>rr config set</c> stores.</summary>
public sealed record ClientSettings(string? Server);

/// <summary>Which server the CLI talks to, and why: <c>--server</c>, then <c>RR_SERVER</c>, then the config file, then the default.</summary>
public sealed record ServerChoice(Uri Url, string Source)
{
    /// <summary>The server of a fresh install.</summary>
    public const string DefaultServer = "http://localhost:8080";

    /// <summary>Picks the server.</summary>
    public static ServerChoice Resolve(string? option, CliContext context, ConfigDirectory config)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new ServerChoice(Parse(option, "--server"), "--server");
        }

        if (context.Environment("RR_SERVER") is { Length: > 0 } environment)
        {
            return new ServerChoice(Parse(environment, "RR_SERVER"), "RR_SERVER");
        }

        return config.Read<ClientSettings>(config.SettingsFile)?.Server is { Length: > 0 } saved
            ? new ServerChoice(Parse(saved, config.SettingsFile), config.SettingsFile)
            : new ServerChoice(new Uri(DefaultServer + "/"), "default");
    }

    /// <summary>Reads a server URL (http or https, a trailing slash added).</summary>
    public static Uri Parse(string text, string from)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw CliException.Usage($"{from}: '{text}' is not an http:// or https:// URL.");
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>The URL as people write it (no trailing slash).</summary>
    public string Display => Url.AbsoluteUri.TrimEnd('/');
}
