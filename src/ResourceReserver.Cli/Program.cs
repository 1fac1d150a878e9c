using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli;

/// <summary>The <c>rr</c> process.</summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => RrApp.RunAsync(args, CliContext.FromProcess());
}
