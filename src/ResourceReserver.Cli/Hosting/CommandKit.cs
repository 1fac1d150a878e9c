using System.CommandLine;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;

namespace ResourceReserver.Cli.Hosting;

/// <summary>Builds commands that share the global options (<c>--server</c>, <c>--json</c>) and one way of running.</summary>
public sealed class CommandKit(CliContext context)
{
    /// <summary><c>--server</c>, on every command.</summary>
    public Option<string?> Server { get; } = new("--server") { Description = "Server URL (else RR_SERVER, else rr config set server, else http://localhost:8080)", Recursive = true };

    /// <summary><c>--json</c>, on every command.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Print the API's JSON exactly, nothing else on stdout", Recursive = true };

    /// <summary>The surroundings.</summary>
    public CliContext Context => context;

    /// <summary>A command with a description and its options and arguments.</summary>
    public static Command Command(string name, string description, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Command sub:
                    command.Subcommands.Add(sub);
                    break;
            }
        }

        return command;
    }

    /// <summary>A command that runs <paramref name="body"/> with a session of the given kind.</summary>
    public Command Run(Command command, AuthMode mode, Func<Invocation, Task> body)
    {
        command.SetAction(async (parse, ct) =>
        {
            using var session = ApiSession.Open(context, parse.GetValue(Server), mode);
            var invocation = new Invocation(parse, session, new Printer(context, parse.GetValue(Json)), context, ct);
            try
            {
                await body(invocation);
            }
            catch (Exception exception) when (exception is not CliException)
            {
                throw new InvocationFailure(exception, invocation);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A required string argument.</summary>
    public static Argument<string> Arg(string name, string description) => new(name) { Description = description };

    /// <summary>An optional string argument.</summary>
    public static Argument<string?> OptionalArg(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.ZeroOrOne };

    /// <summary>An option.</summary>
    public static Option<T> Opt<T>(string name, string description, params string[] aliases) => new(name, aliases) { Description = description };
}

/// <summary>A failure inside a command, carrying the invocation so the refusal can be shown in the resource's zone.</summary>
public sealed class InvocationFailure(Exception inner, Invocation invocation) : Exception(inner.Message, inner)
{
    /// <summary>The failed command.</summary>
    public Invocation Invocation { get; } = invocation;
}
