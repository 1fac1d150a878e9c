using ResourceReserver.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ResourceReserver.Cli.Output;

/// <summary>Writes a command's result: the API's JSON exactly (<c>--json</c>), or tables and panels for people.</summary>
public sealed class Printer(CliContext context, bool json)
{
    /// <summary>True with <c>--json</c>.</summary>
    public bool Json => json;

    /// <summary>The human console (stdout).</summary>
    public IAnsiConsole Out => context.Out;

    /// <summary>The error console (stderr).</summary>
    public IAnsiConsole Error => context.Error;

    /// <summary>Prints <paramref name="body"/> as it came (with <c>--json</c>) or runs <paramref name="human"/>.</summary>
    public void Result(string body, Action<IAnsiConsole> human)
    {
        if (json)
        {
            Raw(body);
        }
        else
        {
            human(context.Out);
        }
    }

    /// <summary>Writes text to stdout as it is (JSON, iCalendar, CSV), with a final newline.</summary>
    public void Raw(string text)
    {
        context.RawOut.Write(text);
        if (!text.EndsWith('\n'))
        {
            context.RawOut.WriteLine();
        }

        context.RawOut.Flush();
    }

    /// <summary>A one-line confirmation for people (nothing with <c>--json</c>).</summary>
    public void Done(string markup)
    {
        if (!json)
        {
            context.Out.MarkupLine($"[green]✓[/] {markup}");
        }
    }

    /// <summary>Renders something for people (nothing with <c>--json</c>).</summary>
    public void Show(IRenderable renderable)
    {
        if (!json)
        {
            context.Out.Write(renderable);
        }
    }

    /// <summary>A hint on stderr, which scripts do not read.</summary>
    public void Note(string markup) => context.Error.MarkupLine($"[grey]{markup}[/]");

    /// <summary>A standard table: rounded borders, bold headers.</summary>
    public static Table Table(string? title, params string[] columns)
    {
        var table = new Table().RoundedBorder().BorderColor(Color.Grey);
        if (title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(title));
        }

        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(column)}[/]"));
        }

        return table;
    }

    /// <summary>Escapes text for markup.</summary>
    public static string E(string? text) => Markup.Escape(text ?? "");

    /// <summary>A status word in its colour.</summary>
    public static string Status(string status) => status switch
    {
        "confirmed" or "available" or "accepted" or "Healthy" => $"[green]{E(status)}[/]",
        "held" or "offered" or "maintenance" or "waiting" or "pending" or "pending_approval" or "Degraded" => $"[yellow]{E(status)}[/]",
        "cancelled" or "disabled" or "expired" or "declined" or "failed" or "rejected" or "Unhealthy" => $"[red]{E(status)}[/]",
        _ => $"[grey]{E(status)}[/]",
    };
}

/// <summary>Writing tables with their title on a line of its own, so a long title never wraps inside a narrow table.</summary>
public static class TableWriting
{
    /// <summary>Writes the title (bold) then the table.</summary>
    public static void WriteTable(this IAnsiConsole console, Table table)
    {
        if (table.Title is { } title)
        {
            console.MarkupLine($"[bold]{title.Text}[/]");
            table.Title = null;
        }

        console.Write(table);
    }
}
