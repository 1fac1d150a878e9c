namespace ResourceReserver.Cli.Hosting;

/// <summary>The exit codes of the CLI contract.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The command line was wrong (unknown option, malformed time, ...).</summary>
    public const int Usage = 1;

    /// <summary>The API refused the request; its problem code and detail went to stderr.</summary>
    public const int Refused = 2;

    /// <summary>The server or network could not be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>Not signed in, or the session expired.</summary>
    public const int NotSignedIn = 4;
}
