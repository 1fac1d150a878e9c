using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr reservations ...</c>: booking here, the rest in <see cref="ReservationManageCommands"/>.</summary>
public static class ReservationCommands
{
    /// <summary>The <c>reservations</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var reservations = Command("reservations", "Book, list, move and cancel reservations");
        reservations.Subcommands.Add(Create(kit, "create", "Book a resource, once or as a recurring series"));
        foreach (var command in ReservationManageCommands.Build(kit).Append(CsvCommands.ReservationExport(kit)))
        {
            reservations.Subcommands.Add(command);
        }

        return reservations;
    }

    /// <summary>The booking command (also behind <c>rr reserve</c>).</summary>
    public static Command Create(CommandKit kit, string name, string description, bool durationRequired = false)
    {
        var resource = Arg("resource", "Resource id or exact name");
        var start = Arg("start", "\"2026-12-10 14:00\" (resource's zone), \"today 14:00\", \"tomorrow 9:30\", now, ISO 8601");
        var end = durationRequired
            ? new Argument<string?>("duration") { Description = "2h, 90m, 1h30m, PT2H" }
            : OptionalArg("end-or-duration", "2h, 90m, PT2H or an end time (default 1h)");
        var title = Opt<string?>("--title", "What it is for");
        var notes = Opt<string?>("--notes", "Anything else");
        var quantity = Opt<int?>("--quantity", "Units of the resource (default 1)");
        var recurrence = Opt<string?>("--recurrence", "Repeat: daily, weekly or monthly");
        var interval = Opt<int?>("--interval", "Every n days/weeks/months (default 1)");
        var count = Opt<int?>("--count", "How many occurrences");
        var until = Opt<string?>("--until", "Last day of the series (resource's local date)");
        var days = Opt<string?>("--days", "Weekdays of a weekly series: mo,we");
        var onConflict = Opt<string?>("--on-conflict", "reject (default: book nothing if any occurrence is refused) or skip");
        onConflict.AcceptOnlyFromAmong("reject", "skip");
        var command = Command(name, description, resource, start, end, title, notes, quantity, recurrence, interval, count, until, days, onConflict);
        return kit.Run(command, AuthMode.Required, async inv =>
        {
            var target = await inv.ResourceAsync(inv.Get(resource)!);
            var zone = TimeFormat.Zone(target.TimeZone);
            var (from, to) = BookingWindow.Parse(inv.Get(start)!, inv.Get(end), zone, inv.Now, TimeSpan.FromHours(1));
            var untilDate = inv.Get(until) is { } u ? TimeText.ParseDate(u, zone, inv.Now, "--until") : (NodaTime.LocalDate?)null;
            var repeat = RecurrenceText.From(inv.Get(recurrence), inv.Get(interval), inv.Get(count), untilDate, inv.Get(days));
            if (repeat is null)
            {
                if (inv.Get(onConflict) is not null)
                {
                    throw CliException.Usage("--on-conflict goes with --recurrence.");
                }

                var request = new CreateReservationRequest(target.Id.ToString(), from, to, inv.Get(title), inv.Get(notes), inv.Get(quantity));
                var created = await inv.Api.Reservations.CreateAsync(request, Guid.NewGuid().ToString("N"), inv.Ct);
                var pending = created.Value.Status == "pending_approval";
                var panel = await ReservationRender.DetailsAsync(inv, created.Value, pending ? "[yellow]waiting for approval[/]" : "[green]reserved[/]");
                inv.Print.Result(created.Body, console =>
                {
                    console.Write(panel);
                    if (pending)
                    {
                        console.MarkupLine("Waiting for approval: the time is held for you until an approver decides; you are notified either way.");
                    }
                });
                return;
            }

            var series = await inv.Api.Reservations.CreateSeriesAsync(
                new CreateSeriesRequest(target.Id.ToString(), from, to, repeat.Rule, inv.Get(onConflict), inv.Get(quantity), inv.Get(title), inv.Get(notes)), inv.Ct);
            var table = await ReservationRender.ListAsync(inv, series.Value.Reservations, $"Series {series.Value.SeriesId}: {series.Value.Reservations.Count} booked ({repeat.Rule})");
            inv.Print.Result(series.Body, console =>
            {
                console.WriteTable(table);
                if (series.Value.Skipped.Count > 0)
                {
                    var skipped = Printer.Table($"{series.Value.Skipped.Count} skipped", "When", "Why");
                    foreach (var s in series.Value.Skipped)
                    {
                        skipped.AddRow(Printer.E(TimeFormat.Range(s.Start, s.End, zone)), $"[yellow]{Printer.E(s.Code)}[/]");
                    }

                    console.WriteTable(skipped);
                }
            });
        });
    }
}
