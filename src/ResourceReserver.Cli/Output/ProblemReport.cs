using NodaTime;
using ResourceReserver.Client.Http;
using Spectre.Console;

namespace ResourceReserver.Cli.Output;

/// <summary>A refusal on stderr: the problem's code and detail, the fields at fault, and for a conflict why and what is free.</summary>
public static class ProblemReport
{
    /// <summary>Writes the refusal.</summary>
    public static void Write(IAnsiConsole error, ApiProblemException exception, DateTimeZone zone)
    {
        var problem = exception.Problem;
        error.MarkupLine($"[red]error[/] [bold]{Printer.E(problem.Code)}[/]: {Printer.E(problem.Detail ?? problem.Title ?? $"HTTP {exception.Status}")}");
        foreach (var (field, messages) in problem.Errors ?? new Dictionary<string, string[]>())
        {
            error.MarkupLine($"  [yellow]{Printer.E(field)}[/]: {Printer.E(string.Join(" ", messages))}");
        }

        if (problem.Conflicts is { Count: > 0 } conflicts)
        {
            error.MarkupLine("  Already booked:");
            foreach (var conflict in conflicts)
            {
                error.MarkupLine($"    [red]■[/] {Printer.E(TimeFormat.Range(conflict.Start, conflict.End, zone))}");
            }
        }

        if (problem.Suggestions is { } suggestions)
        {
            error.MarkupLine(suggestions.Count > 0 ? "  Free slots of the same length:" : "  No free slot of the same length nearby.");
            foreach (var slot in suggestions)
            {
                error.MarkupLine($"    [green]□[/] {Printer.E(TimeFormat.Range(slot.Start, slot.End, zone))}");
            }
        }
    }
}
