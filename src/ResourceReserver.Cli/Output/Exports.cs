using System.Globalization;
using ResourceReserver.Cli.Hosting;

namespace ResourceReserver.Cli.Output;

/// <summary>Streamed downloads (CSV, JSON exports): to stdout, or to a file that appears only when complete.</summary>
public static class Exports
{
    /// <summary>
    /// Streams <paramref name="export"/> to stdout when <paramref name="file"/> is null; otherwise writes it beside the
    /// target and moves it into place at the end, so a failed export never leaves a truncated file behind.
    /// </summary>
    public static async Task WriteAsync(Invocation inv, string? file, string what, Func<Stream, CancellationToken, Task<long>> export)
    {
        if (file is null)
        {
            await export(new TextWriterStream(inv.Context.RawOut), inv.Ct);
            return;
        }

        var partial = file + ".partial";
        long bytes;
        try
        {
            await using var stream = File.Create(partial);
            bytes = await export(stream, inv.Ct);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }

        File.Move(partial, file, overwrite: true);
        inv.Print.Done($"{Printer.E(what)} exported to [cyan]{Printer.E(file)}[/] ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
    }
}
