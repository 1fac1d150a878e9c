using ResourceReserver.Cli.Hosting;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Models;
using Spectre.Console;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Output;

/// <summary>Reservations for people, each in its resource's time zone.</summary>
public static class ReservationRender
{
    /// <summary>A table of reservations (resource names and zones looked up once each).</summary>
    public static async Task<Table> ListAsync(Invocation inv, IReadOnlyList<ReservationView> reservations, string title)
    {
        var table = Table(title, "When", "Length", "Resource", "Title", "Status", "Id");
        foreach (var r in reservations)
        {
            var resource = await inv.ResourceOrNullAsync(r.ResourceId);
            var zone = TimeFormat.Zone(resource?.TimeZone);
            table.AddRow(
                E(TimeFormat.Range(r.Start, r.End, zone)),
                E(TimeFormat.Length(r.Start, r.End)),
                resource is null ? "[grey]deleted[/]" : $"[cyan]{E(resource.Name)}[/]",
                E(r.Title),
                Status(r.Status),
                $"[grey]{r.Id}[/]");
        }

        if (reservations.Count == 0)
        {
            table.AddRow("[grey]none[/]", "", "", "", "", "");
        }

        return table;
    }

    /// <summary>One reservation in full.</summary>
    public static async Task<Panel> DetailsAsync(Invocation inv, ReservationView r, string header)
    {
        var resource = await inv.ResourceOrNullAsync(r.ResourceId);
        var zone = TimeFormat.Zone(resource?.TimeZone);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Resource[/]", resource is null ? $"[grey]deleted ({r.ResourceId})[/]" : $"[cyan]{E(resource.Name)}[/]");
        grid.AddRow("[bold]When[/]", $"{E(TimeFormat.Range(r.Start, r.End, zone))} [grey]({E(resource?.TimeZone ?? "UTC")})[/]");
        grid.AddRow("[bold]Length[/]", E(TimeFormat.Length(r.Start, r.End)));
        grid.AddRow("[bold]Status[/]", Status(r.Status) + (r.CancelReason is { Length: > 0 } reason ? $" — {E(reason)}" : ""));
        if (r.Quantity != 1)
        {
            grid.AddRow("[bold]Quantity[/]", r.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (r.Title is { Length: > 0 })
        {
            grid.AddRow("[bold]Title[/]", E(r.Title));
        }

        if (r.Notes is { Length: > 0 })
        {
            grid.AddRow("[bold]Notes[/]", E(r.Notes));
        }

        if (r is { Status: "pending_approval", ApprovalExpiresAt: { } decideBy })
        {
            grid.AddRow("[bold]Decide by[/]", E(TimeFormat.At(decideBy, zone)));
        }

        if (r.DecisionMessage is { Length: > 0 } message)
        {
            grid.AddRow("[bold]Approver's note[/]", E(message));
        }

        grid.AddRow("[bold]Id[/]", $"[grey]{r.Id}[/]");
        return new Panel(grid).Header(header).RoundedBorder();
    }

    /// <summary>A reservation's events, oldest first.</summary>
    public static Table History(IReadOnlyList<HistoryEntry> entries, NodaTime.DateTimeZone zone, string title)
    {
        var table = Table(title, "At", "Event", "Status", "Detail");
        foreach (var e in entries)
        {
            table.AddRow(E(TimeFormat.At(e.OccurredAt, zone)), E(e.Type), e.Status is null ? "" : Status(e.Status), E(e.Detail));
        }

        return table;
    }
}
