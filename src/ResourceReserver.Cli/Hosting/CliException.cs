namespace ResourceReserver.Cli.Hosting;

/// <summary>A failure the CLI reports with a message on stderr and a contract exit code.</summary>
public class CliException(int exitCode, string message, string? code = null) : Exception(message)
{
    /// <summary>The process exit code.</summary>
    public int ExitCode { get; } = exitCode;

    /// <summary>A stable code shown before the message, like the API's problem codes.</summary>
    public string? Code { get; } = code;

    /// <summary>A usage error (exit 1).</summary>
    public static CliException Usage(string message) => new(ExitCodes.Usage, message, "usage");

    /// <summary>A refusal decided on the client with the API's vocabulary (exit 2).</summary>
    public static CliException Refused(string code, string message) => new(ExitCodes.Refused, message, code);

    /// <summary>Not signed in or the session has expired (exit 4).</summary>
    public static CliException NotSignedIn(string code, string message) => new(ExitCodes.NotSignedIn, message, code);
}
