using NodaTime;
using ResourceReserver.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Testing;

namespace ResourceReserver.CliTests.Fixtures;

/// <summary>What one run of <c>rr</c> printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    /// <summary>Fails with both outputs when the exit code is not the expected one.</summary>
    public CliResult Expect(int exitCode)
    {
        Assert.True(exitCode == ExitCode, $"exit {ExitCode}, expected {exitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}");
        return this;
    }
}

/// <summary>
/// One person at a terminal: their own config directory (hence credentials), environment and clock, running the CLI's
/// real entry point in-process with fixed-width, colourless consoles.
/// </summary>
public sealed class CliUser(string server, IClock? clock = null, DateTimeZone? localZone = null) : IDisposable
{
    /// <summary>This user's <c>XDG_CONFIG_HOME</c>.</summary>
    public string ConfigHome { get; } = Directory.CreateTempSubdirectory("rr-cli-user-").FullName;

    /// <summary>Extra environment variables.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>The server this user's <c>RR_SERVER</c> points at.</summary>
    public string Server { get; set; } = server;

    /// <summary>The credentials file.</summary>
    public string CredentialsFile => Path.Combine(ConfigHome, "resource-reserver", "credentials.json");

    private volatile TestConsole? _lastError;

    /// <summary>What the run in progress (or the last one) wrote to stderr so far.</summary>
    public string LastError
    {
        get
        {
            try
            {
                return _lastError?.Output ?? "";
            }
            catch (ArgumentException)
            {
                return ""; // read while the command was writing; the caller asks again
            }
        }
    }

    /// <summary>Runs <c>rr</c> with the given arguments (and standard input).</summary>
    public async Task<CliResult> RunAsync(string[] args, string? stdin = null, CancellationToken ct = default, string[]? typed = null)
    {
        var output = NewConsole();
        var error = NewConsole();
        if (typed is not null)
        {
            // A person at a terminal: prompts read these lines from the keyboard, live views redraw.
            output.Interactive();
            error.Interactive();
            foreach (var line in typed)
            {
                error.Input.PushTextWithEnter(line);
            }
        }

        _lastError = error;
        var context = new CliContext
        {
            Out = output,
            Error = error,
            RawOut = output.Profile.Out.Writer,
            In = new StringReader(stdin ?? ""),
            Interactive = typed is not null,
            Environment = name => name switch
            {
                "XDG_CONFIG_HOME" => ConfigHome,
                "RR_SERVER" => Server,
                _ => Environment.GetValueOrDefault(name),
            },
            Clock = clock ?? SystemClock.Instance,
            LocalZone = localZone ?? DateTimeZone.Utc,
        };
        var exit = await RrApp.RunAsync(args, context, ct);
        return new CliResult(exit, output.Output, error.Output);
    }

    /// <summary>Runs <c>rr</c>, expecting exit 0.</summary>
    public async Task<CliResult> OkAsync(params string[] args) => (await RunAsync(args)).Expect(ExitCodes.Ok);

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(ConfigHome, recursive: true);

    private static TestConsole NewConsole()
    {
        var console = new TestConsole().Width(160);
        console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        return console;
    }
}
