namespace ResourceReserver.Host.Components.Account;

/// <summary>Where to go after signing in: only a path on this site, so a crafted link cannot send anyone elsewhere.</summary>
public static class ReturnUrl
{
    /// <summary><paramref name="url"/> when it is a local path, else <c>/</c>.</summary>
    public static string Safe(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : "/";
}
