using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr resources availability | status | slots</c>: when a resource is free, in its own time zone.</summary>
public static class ResourceScheduleCommands
{
    /// <summary>The schedule subcommands.</summary>
    public static IEnumerable<Command> Build(CommandKit kit)
    {
        var resource = Arg("resource", "Resource id or exact name");
        var from = Opt<string?>("--from", "Window start in the resource's zone (default now)");
        var until = Opt<string?>("--until", "Window end (default 7 days after the start)");
        yield return kit.Run(Command("availability", "Busy and free time over a window", resource, from, until), AuthMode.Optional,
            inv => AvailabilityAsync(inv, inv.Get(resource)!, inv.Get(from), inv.Get(until)));

        yield return kit.Run(Command("status", "Status now: available, disabled or maintenance, and whether it is in use", resource), AuthMode.Optional,
            inv => StatusAsync(inv, inv.Get(resource)!));

        var date = Opt<string?>("--date", "Local date of the resource: 2026-12-10, today (default) or tomorrow");
        var duration = Opt<string?>("--duration", "Slot length: 1h (default), 90m, PT30M");
        var quantity = Opt<int?>("--quantity", "Units needed (default 1)");
        yield return kit.Run(Command("slots", "Free slots of one length on one day", resource, date, duration, quantity), AuthMode.Optional,
            inv => SlotsAsync(inv, inv.Get(resource)!, inv.Get(date), inv.Get(duration), inv.Get(quantity)));
    }

    private static async Task AvailabilityAsync(Invocation inv, string resourceText, string? fromText, string? untilText)
    {
        var resource = await inv.ResourceAsync(resourceText);
        var zone = TimeFormat.Zone(resource.TimeZone);
        var from = fromText is null ? (DateTimeOffset?)null : TimeText.Parse(fromText, zone, inv.Now, "--from").ToDateTimeOffset();
        var until = untilText is null ? (DateTimeOffset?)null : TimeText.Parse(untilText, zone, inv.Now, "--until").ToDateTimeOffset();
        var answer = await inv.Api.Resources.AvailabilityAsync(resource.Id, from, until, inv.Ct);
        var view = answer.Value;
        inv.Print.Result(answer.Body, console =>
        {
            var table = Table($"{resource.Name} — {TimeFormat.Range(view.From, view.Until, zone)} ({resource.TimeZone})", "", "When", "Length");
            var rows = view.Busy.Select(b => (b.Start, b.End, Busy: true)).Concat(view.Free.Select(f => (f.Start, f.End, Busy: false))).OrderBy(r => r.Start);
            foreach (var (start, end, busy) in rows)
            {
                table.AddRow(busy ? "[red]busy[/]" : "[green]free[/]", E(TimeFormat.Range(start, end, zone)), E(TimeFormat.Length(start, end)));
            }

            console.WriteTable(table);
        });
    }

    private static async Task StatusAsync(Invocation inv, string resourceText)
    {
        var resource = await inv.ResourceAsync(resourceText);
        var zone = TimeFormat.Zone(resource.TimeZone);
        var now = inv.Now.ToDateTimeOffset();
        var answer = await inv.Api.Resources.AvailabilityAsync(resource.Id, now, now.AddDays(1), inv.Ct);
        var body = (await inv.Api.Resources.GetAsync(resource.Id, inv.Ct)).Body;
        inv.Print.Result(body, console =>
        {
            var busyNow = answer.Value.Busy.FirstOrDefault(b => b.Start <= now && now < b.End);
            var nextBusy = answer.Value.Busy.Where(b => b.Start > now).Select(b => (DateTimeOffset?)b.Start).FirstOrDefault();
            var use = busyNow is not null
                ? $"[red]in use[/] until {E(TimeFormat.At(busyNow.End, zone))}"
                : nextBusy is { } next ? $"[green]free[/] until {E(TimeFormat.At(next, zone))}" : "[green]free[/] for the next 24 hours";
            var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
            grid.AddRow("[bold]Status[/]", Status(resource.Status) + (resource.StatusResetsAt is { } resets ? $" until {E(TimeFormat.At(resets, zone))}" : ""));
            grid.AddRow("[bold]Now[/]", resource.Status == "available" ? use : "[grey]not bookable[/]");
            grid.AddRow("[bold]Local time[/]", E(TimeFormat.At(now, zone)) + $" [grey]({E(resource.TimeZone)})[/]");
            console.Write(new Panel(grid).Header($"[cyan]{E(resource.Name)}[/]").RoundedBorder());
        });
    }

    private static async Task SlotsAsync(Invocation inv, string resourceText, string? dateText, string? durationText, int? quantity)
    {
        var resource = await inv.ResourceAsync(resourceText);
        var zone = TimeFormat.Zone(resource.TimeZone);
        var date = TimeText.ParseDate(dateText ?? "today", zone, inv.Now, "--date");
        var length = durationText is null ? TimeSpan.FromHours(1) : DurationText.Parse(durationText, "--duration");
        var answer = await inv.Api.Resources.SlotsAsync(resource.Id, date.ToDateOnly(), length, quantity, inv.Ct);
        inv.Print.Result(answer.Body, console =>
        {
            var table = Table($"{resource.Name} — free {DurationText.Format(length)} slots on {date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} ({resource.TimeZone})", "#", "When");
            var n = 0;
            foreach (var slot in answer.Value.Slots)
            {
                table.AddRow((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), E(TimeFormat.Range(slot.Start, slot.End, zone)));
            }

            if (n == 0)
            {
                table.AddRow("", "[grey]no free slot of that length[/]");
            }

            console.WriteTable(table);
        });
    }
}
