using System.CommandLine;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary>
/// <c>rr completion bash|zsh</c>: a script that asks <c>rr</c> itself for completions through System.CommandLine's
/// <c>[suggest:position]</c> directive, so completions always match the installed version.
/// </summary>
public static class CompletionCommand
{
    /// <summary>The bash script: <c>source &lt;(rr completion bash)</c>.</summary>
    public const string Bash = """
        # rr completion for bash: source <(rr completion bash)
        _rr_complete() {
            local IFS=$'\n'
            COMPREPLY=( $(rr "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null) )
        }
        complete -o default -F _rr_complete rr
        """;

    /// <summary>The zsh script: <c>source &lt;(rr completion zsh)</c>.</summary>
    public const string Zsh = """
        # rr completion for zsh: source <(rr completion zsh)
        _rr_complete() {
            local -a completions
            completions=("${(@f)$(rr "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)}")
            compadd -- "${completions[@]}"
        }
        compdef _rr_complete rr
        """;

    /// <summary>The <c>completion</c> command.</summary>
    public static Command Build()
    {
        var shell = Arg("shell", "bash or zsh");
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = Command("completion", "Print a shell completion script: source <(rr completion bash)", shell);
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(shell) == "zsh" ? Zsh : Bash);
            return 0;
        });
        return command;
    }
}
