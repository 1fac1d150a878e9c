using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Output;

/// <summary>Resources for people: a table for lists, a panel for one.</summary>
public static class ResourceRender
{
    /// <summary>A table of resources; <paramref name="free"/> adds a column saying which are free in a window.</summary>
    public static Table List(IReadOnlyList<ResourceView> resources, string? title, ISet<Guid>? free = null)
    {
        var columns = new List<string> { "Name", "Tags", "Capacity", "Time zone", "Location", "Status" };
        if (free is not null)
        {
            columns.Add("Free");
        }

        var table = Table(title, [.. columns]);
        table.Columns[2].RightAligned();
        foreach (var r in resources)
        {
            var row = new List<string>
            {
                $"[cyan]{E(r.Name)}[/]", E(string.Join(", ", r.Tags)), r.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                E(r.TimeZone), E(r.Location), Status(r.Status),
            };
            if (free is not null)
            {
                row.Add(free.Contains(r.Id) ? "[green]yes[/]" : "[red]no[/]");
            }

            table.AddRow([.. row]);
        }

        if (resources.Count == 0)
        {
            table.AddRow([.. columns.Select((_, i) => i == 0 ? "[grey]none[/]" : "")]);
        }

        return table;
    }

    /// <summary>One resource in full.</summary>
    public static Panel Details(ResourceView r)
    {
        var zone = TimeFormat.Zone(r.TimeZone);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Id[/]", $"[grey]{r.Id}[/]");
        if (r.Description is { Length: > 0 })
        {
            grid.AddRow("[bold]Description[/]", E(r.Description));
        }

        grid.AddRow("[bold]Status[/]", Status(r.Status) + (r.StatusResetsAt is { } resets ? $" until {E(TimeFormat.At(resets, zone))}" : ""));
        grid.AddRow("[bold]Capacity[/]", r.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        grid.AddRow("[bold]Time zone[/]", E(r.TimeZone));
        grid.AddRow("[bold]Tags[/]", r.Tags.Count > 0 ? E(string.Join(", ", r.Tags)) : "[grey]none[/]");
        grid.AddRow("[bold]Location[/]", r.Location is { Length: > 0 } ? E(r.Location) : "[grey]none[/]");
        var rules = r.Rules;
        grid.AddRow("[bold]Bookings[/]", E($"{Minutes(rules.MinDurationMinutes)} to {Minutes(rules.MaxDurationMinutes)}, {Minutes(rules.MinNoticeMinutes)} notice, up to {rules.MaxHorizonDays} days ahead"));
        if (rules.BufferBeforeMinutes > 0 || rules.BufferAfterMinutes > 0)
        {
            grid.AddRow("[bold]Buffers[/]", E($"{Minutes(rules.BufferBeforeMinutes)} before, {Minutes(rules.BufferAfterMinutes)} after"));
        }

        grid.AddRow("[bold]Hours[/]", r.BusinessHours is { Count: > 0 } hours ? E(Hours(hours)) : "[grey]server default[/]");
        if (r.Blackouts.Count > 0)
        {
            grid.AddRow("[bold]Closed on[/]", E(string.Join(", ", r.Blackouts)));
        }

        foreach (var (key, value) in r.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            grid.AddRow($"[bold]{E(key)}[/]", E(value));
        }

        return new Panel(grid).Header($"[cyan]{E(r.Name)}[/]").RoundedBorder();
    }

    /// <summary><c>every day 08:00–18:00</c>, or <c>Mon, Tue 09:00–17:00; Sat 10:00–14:00</c>.</summary>
    public static string Hours(IReadOnlyList<ResourceReserver.Client.Contracts.OpeningPeriodBody> periods)
    {
        string[] week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        return string.Join("; ", periods
            .GroupBy(p => $"{p.Opens}–{p.Closes}")
            .Select(g =>
            {
                var days = g.Select(p => p.Day ?? "").Distinct().OrderBy(d => Array.IndexOf(week, d)).ToList();
                var label = days.Count == 7 ? "every day" : string.Join(", ", days.Select(d => d.Length >= 3 ? char.ToUpperInvariant(d[0]) + d[1..3] : d));
                return $"{label} {g.Key}";
            }));
    }

    private static string Minutes(int minutes) => Input.DurationText.Format(TimeSpan.FromMinutes(minutes));
}
