using System.CommandLine;
using System.Net.Sockets;
using ResourceReserver.Cli.Commands;
using ResourceReserver.Cli.Output;
using ResourceReserver.Client.Http;
using Spectre.Console;

namespace ResourceReserver.Cli.Hosting;

/// <summary>The entry point of <c>rr</c>: parses, runs, and turns every failure into a message on stderr and the contract's exit code.</summary>
public static class RrApp
{
    /// <summary>The command tree of <c>rr</c>.</summary>
    public static RootCommand Build(CliContext context)
    {
        var kit = new CommandKit(context);
        var root = new RootCommand("rr: reserve rooms, desks and equipment on a Resource Reserver server.");
        root.Options.Add(kit.Server);
        root.Options.Add(kit.Json);
        foreach (var command in new[]
        {
            ConfigCommands.Build(kit),
            AuthCommands.Build(kit),
            MfaCommands.Build(kit),
            RoleCommands.Build(kit),
            UserCommands.Build(kit),
            ResourceCommands.Build(kit),
            GroupCommands.Build(kit),
            LabelCommands.Labels(kit),
            LabelCommands.Tags(kit),
            SearchCommands.Build(kit),
            ReservationCommands.Build(kit),
            ShortcutCommands.Reserve(kit),
            ShortcutCommands.Upcoming(kit),
            HoldCommands.Build(kit),
            WaitlistCommands.Build(kit),
            NotificationCommands.Build(kit),
            CalendarCommands.Build(kit),
            WebhookCommands.Build(kit),
            AuditCommands.Build(kit),
            SystemCommands.Build(kit),
            CompletionCommand.Build(),
        })
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs <c>rr</c> with <paramref name="args"/> and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellation = default)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = new AnsiTextWriter(context.Out),
            Error = new AnsiTextWriter(context.Error),
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (Exception exception)
        {
            return Report(exception, context);
        }
    }

    private static int Report(Exception exception, CliContext context)
    {
        var invocation = (exception as InvocationFailure)?.Invocation;
        var cause = exception is InvocationFailure failure ? failure.InnerException! : exception;
        var error = context.Error;
        switch (cause)
        {
            case CliException cli:
                error.MarkupLine($"[red]error[/] [bold]{Printer.E(cli.Code)}[/]: {Printer.E(cli.Message)}");
                return cli.ExitCode;
            case ApiProblemException problem:
                ProblemReport.Write(error, problem, invocation?.ProblemZone ?? context.LocalZone);
                if (problem.Status == 401)
                {
                    error.MarkupLine("[grey]Sign in: rr auth login[/]");
                    return ExitCodes.NotSignedIn;
                }

                return ExitCodes.Refused;
            case HttpRequestException or SocketException or TaskCanceledException { InnerException: TimeoutException }:
                var server = invocation?.Session.Server.Display ?? "the server";
                error.MarkupLine($"[red]error[/] [bold]unreachable[/]: cannot reach {Printer.E(server)} ({Printer.E(cause.Message)}).");
                return ExitCodes.Unreachable;
            case OperationCanceledException:
                error.MarkupLine("[grey]Cancelled.[/]");
                return 130;
            default:
                throw cause;
        }
    }
}
