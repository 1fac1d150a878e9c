using System.Text;
using Spectre.Console;

namespace ResourceReserver.Cli.Output;

/// <summary>A <see cref="TextWriter"/> over a Spectre console, so System.CommandLine's help and errors land where the CLI writes.</summary>
public sealed class AnsiTextWriter(IAnsiConsole console) : TextWriter
{
    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    /// <inheritdoc />
    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    /// <inheritdoc />
    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
