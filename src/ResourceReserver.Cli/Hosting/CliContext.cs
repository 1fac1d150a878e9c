using NodaTime;
using Spectre.Console;

namespace ResourceReserver.Cli.Hosting;

/// <summary>
/// Everything the CLI takes from its surroundings: consoles, standard input, environment variables, the clock and the
/// local time zone. The process gets the real ones; tests run the same entry point with their own.
/// </summary>
public sealed class CliContext
{
    /// <summary>Human output (stdout).</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Errors, prompts and progress (stderr), so stdout stays clean for scripts.</summary>
    public required IAnsiConsole Error { get; init; }

    /// <summary>Raw stdout, for JSON and files printed as they are (no wrapping, no markup).</summary>
    public required TextWriter RawOut { get; init; }

    /// <summary>Standard input (for <c>--password-stdin</c>).</summary>
    public required TextReader In { get; init; }

    /// <summary>True when a person can answer prompts.</summary>
    public bool Interactive { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public required Func<string, string?> Environment { get; init; }

    /// <summary>The clock ("now", "today", "tomorrow").</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>The user's own zone, for times not tied to one resource.</summary>
    public DateTimeZone LocalZone { get; init; } = DateTimeZoneProviders.Tzdb.GetSystemDefault();

    /// <summary>Sends HTTP requests; tests may route them to an in-process server.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>The real console, environment and clock of this process.</summary>
    public static CliContext FromProcess()
    {
        var noColor = !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"));
        var color = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect;
        var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), ColorSystem = color });
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error), ColorSystem = color });

        // Piped output has no width: take COLUMNS or a wide page rather than wrapping ids at 80 columns.
        var pipeWidth = int.TryParse(System.Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 20 ? columns : 200;
        if (Console.IsOutputRedirected)
        {
            output.Profile.Width = pipeWidth;
        }

        if (Console.IsErrorRedirected)
        {
            error.Profile.Width = pipeWidth;
        }

        return new CliContext
        {
            Out = output,
            Error = error,
            RawOut = Console.Out,
            In = Console.In,
            Interactive = !Console.IsInputRedirected && !Console.IsErrorRedirected,
            Environment = System.Environment.GetEnvironmentVariable,
        };
    }
}
