namespace ResourceReserver.Host.Web;

/// <summary>Web UI settings (<c>Web:*</c>).</summary>
public sealed class WebOptions
{
    /// <summary>How often open pages re-check that their session is still alive and its roles unchanged.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the DataProtection keys live in the embedded mode; by default <c>keys</c> beside the SQLite file.</summary>
    public string? KeysDirectory { get; set; }
}
