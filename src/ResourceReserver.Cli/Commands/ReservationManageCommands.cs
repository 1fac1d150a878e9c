using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client;
using ResourceReserver.Client.Contracts;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr reservations list | show | history | cancel | move | ics</c>.</summary>
public static class ReservationManageCommands
{
    /// <summary>The subcommands.</summary>
    public static IEnumerable<Command> Build(CommandKit kit)
    {
        var upcoming = Opt<bool>("--upcoming", "Only those that have not ended");
        var cancelled = Opt<bool>("--include-cancelled", "Also cancelled ones");
        var all = Opt<bool>("--all", "Every page, not only the first 100");
        var resource = Opt<string?>("--resource", "Only this resource (admins see everyone's)");
        yield return kit.Run(Command("list", "Your reservations by start time", upcoming, cancelled, all, resource), AuthMode.Required,
            inv => ListAsync(inv, inv.Get(upcoming), inv.Get(cancelled), inv.Get(all), inv.Get(resource), limit: 100, "Reservations"));

        var id = Arg("id", "Reservation id");
        yield return kit.Run(Command("show", "One reservation", id), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Reservations.GetAsync(Invocation.Id(inv.Get(id), "id"), inv.Ct);
            var panel = await ReservationRender.DetailsAsync(inv, answer.Value, "reservation");
            inv.Print.Result(answer.Body, console => console.Write(panel));
        });

        var historyId = Arg("id", "Reservation id");
        yield return kit.Run(Command("history", "What happened to a reservation, oldest first", historyId), AuthMode.Required, async inv =>
        {
            var reservationId = Invocation.Id(inv.Get(historyId), "id");
            var reservation = await inv.Api.Reservations.GetAsync(reservationId, inv.Ct);
            var zone = TimeFormat.Zone((await inv.ResourceOrNullAsync(reservation.Value.ResourceId))?.TimeZone);
            var answer = await inv.Api.Reservations.HistoryAsync(reservationId, inv.Ct);
            inv.Print.Result(answer.Body, console => console.WriteTable(ReservationRender.History(answer.Value, zone, $"History of {reservationId}")));
        });

        var cancelId = Arg("id", "Reservation id");
        var reason = Opt<string?>("--reason", "Why (the owner is told)");
        var series = Opt<string?>("--series", "For a series: one, following (this and later) or all");
        series.AcceptOnlyFromAmong("one", "following", "all");
        yield return kit.Run(Command("cancel", "Cancel a reservation (or part of its series)", cancelId, reason, series), AuthMode.Required, async inv =>
        {
            var reservationId = Invocation.Id(inv.Get(cancelId), "id");
            if (inv.Get(series) is { } scope)
            {
                var cancelledOnes = await inv.Api.Reservations.CancelSeriesAsync(reservationId, scope, inv.Get(reason), inv.Ct);
                var table = await ReservationRender.ListAsync(inv, cancelledOnes.Value, $"{cancelledOnes.Value.Count} cancelled");
                inv.Print.Result(cancelledOnes.Body, console => console.WriteTable(table));
                return;
            }

            var answer = await inv.Api.Reservations.CancelAsync(reservationId, inv.Get(reason), inv.Ct);
            var panel = await ReservationRender.DetailsAsync(inv, answer.Value, "[red]cancelled[/]");
            inv.Print.Result(answer.Body, console => console.Write(panel));
        });

        var moveId = Arg("id", "Reservation id");
        var start = Arg("start", "New start, in the resource's zone");
        var end = OptionalArg("end-or-duration", "New length or end (default: the same length)");
        yield return kit.Run(Command("move", "Move or resize a reservation in one step (nothing changes if refused)", moveId, start, end), AuthMode.Required, async inv =>
        {
            var reservationId = Invocation.Id(inv.Get(moveId), "id");
            var current = (await inv.Api.Reservations.GetAsync(reservationId, inv.Ct)).Value;
            var resource = await inv.Api.Resources.GetAsync(current.ResourceId, inv.Ct);
            var zone = TimeFormat.Zone(resource.Value.TimeZone);
            inv.ProblemZone = zone;
            var (from, to) = BookingWindow.Parse(inv.Get(start)!, inv.Get(end), zone, inv.Now, current.End - current.Start);
            var answer = await inv.Api.Reservations.ChangeAsync(reservationId, new ChangeReservationRequest(from, to, null, null, null), inv.Ct);
            var panel = await ReservationRender.DetailsAsync(inv, answer.Value, "[green]moved[/]");
            inv.Print.Result(answer.Body, console => console.Write(panel));
        });

        var icsId = Arg("id", "Reservation id");
        var output = Opt<string?>("--output", "Write the .ics to this file instead of stdout", "-o");
        yield return kit.Run(Command("ics", "The reservation as an iCalendar (.ics) event", icsId, output), AuthMode.Required, async inv =>
        {
            var text = await inv.Api.Reservations.IcsAsync(Invocation.Id(inv.Get(icsId), "id"), inv.Ct);
            if (inv.Get(output) is { } file)
            {
                await File.WriteAllTextAsync(file, text, inv.Ct);
                inv.Print.Done($"Written to {Printer.E(file)}");
                return;
            }

            inv.Print.Raw(text);
        });
    }

    /// <summary>Lists reservations; cancelled ones are left out unless asked for (the API has no "not cancelled" filter).</summary>
    public static async Task ListAsync(Invocation inv, bool upcoming, bool includeCancelled, bool all, string? resourceText, int limit, string title)
    {
        Guid? resourceId = resourceText is null ? null : (await inv.ResourceAsync(resourceText)).Id;
        var query = new ReservationQuery(ResourceId: resourceId, From: upcoming ? inv.Now.ToDateTimeOffset() : null, Limit: limit);
        var page = await Pages.CollectAsync(cursor => inv.Api.Reservations.ListAsync(query with { Cursor = cursor }, inv.Ct), all);
        var keep = page.Items.Select((r, i) => (r, i)).Where(x => includeCancelled || x.r.Status != "cancelled").Select(x => x.i).ToList();
        var shown = keep.Select(i => page.Items[i]).ToList();
        var table = inv.Print.Json ? null : await ReservationRender.ListAsync(inv, shown, $"{title} ({shown.Count})");
        inv.Print.Result(keep.Count == page.Items.Count ? page.Body : Pages.Filter(page.Body, keep), console =>
        {
            console.WriteTable(table!);
            if (page.NextCursor is not null)
            {
                inv.Print.Note("More reservations exist: add --all to list every page.");
            }
        });
    }
}
