using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;
using static ResourceReserver.Cli.Output.Printer;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr waitlist join | list | status | accept | decline | leave</c>.</summary>
public static class WaitlistCommands
{
    private static readonly string[] OpenStatuses = ["waiting", "offered"];

    /// <summary>The <c>waitlist</c> command.</summary>
    public static Command Build(CommandKit kit)
    {
        var resource = Opt<string>("--resource", "Resource id or exact name");
        resource.Required = true;
        var start = Opt<string>("--start", "Wanted start, in the resource's zone");
        start.Required = true;
        var end = Opt<string>("--end", "Wanted end, or a duration (2h)");
        end.Required = true;
        var flexibleFrom = Opt<string?>("--flexible-from", "Any window of the same length from here...");
        var flexibleUntil = Opt<string?>("--flexible-until", "...to here will do");
        var waitlist = Command("waitlist", "Wait for a busy slot; an offer arrives when it frees up");
        waitlist.Subcommands.Add(kit.Run(Command("join", "Join the waitlist for a window", resource, start, end, flexibleFrom, flexibleUntil), AuthMode.Required, async inv =>
        {
            var target = await inv.ResourceAsync(inv.Get(resource)!);
            var zone = TimeFormat.Zone(target.TimeZone);
            var (from, to) = BookingWindow.Parse(inv.Get(start)!, inv.Get(end), zone, inv.Now, TimeSpan.FromHours(1));
            FlexibleRequest? flexible = null;
            if (inv.Get(flexibleFrom) is not null || inv.Get(flexibleUntil) is not null)
            {
                flexible = new FlexibleRequest(
                    TimeText.Parse(inv.Get(flexibleFrom) ?? throw CliException.Usage("--flexible-from and --flexible-until go together."), zone, inv.Now, "--flexible-from").ToDateTimeOffset(),
                    TimeText.Parse(inv.Get(flexibleUntil) ?? throw CliException.Usage("--flexible-from and --flexible-until go together."), zone, inv.Now, "--flexible-until").ToDateTimeOffset());
            }

            var answer = await inv.Api.Waitlist.JoinAsync(new JoinWaitlistRequest(target.Id.ToString(), from, to, flexible), inv.Ct);
            inv.Print.Result(answer.Body, console => console.Write(Details(answer.Value, target.Name, zone, "joined")));
        }));

        var completed = Opt<bool>("--include-completed", "Also accepted, declined, expired and left entries");
        waitlist.Subcommands.Add(kit.Run(Command("list", "Your waitlist entries with their positions", completed), AuthMode.Required, async inv =>
        {
            var answer = await inv.Api.Waitlist.ListAsync(inv.Ct);
            var keep = answer.Value.Items.Select((e, i) => (e, i)).Where(x => inv.Get(completed) || OpenStatuses.Contains(x.e.Status)).Select(x => x.i).ToList();
            var table = Table($"Waitlist ({keep.Count})", "Resource", "Wanted", "Status", "Position", "Offer until", "Id");
            foreach (var entry in keep.Select(i => answer.Value.Items[i]))
            {
                var target = await inv.ResourceOrNullAsync(entry.ResourceId);
                var zone = TimeFormat.Zone(target?.TimeZone);
                table.AddRow(
                    target is null ? "[grey]deleted[/]" : $"[cyan]{E(target.Name)}[/]", E(TimeFormat.Range(entry.Start, entry.End, zone)), Status(entry.Status),
                    entry.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", entry.Offer is { } offer ? E(TimeFormat.At(offer.ExpiresAt, zone)) : "",
                    $"[grey]{entry.Id}[/]");
            }

            inv.Print.Result(keep.Count == answer.Value.Items.Count ? answer.Body : Pages.Filter(answer.Body, keep), console => console.WriteTable(table));
        }));

        foreach (var (verb, help, act) in new (string, string, Func<Invocation, Guid, Task<ApiResponse<WaitlistEntryView>>>)[]
        {
            ("status", "One entry: position, offer and its deadline", (inv, id) => inv.Api.Waitlist.GetAsync(id, inv.Ct)),
            ("accept", "Book the offered slot", (inv, id) => inv.Api.Waitlist.AcceptAsync(id, inv.Ct)),
            ("decline", "Pass the offer to the next in line", (inv, id) => inv.Api.Waitlist.DeclineAsync(id, inv.Ct)),
            ("leave", "Leave the waitlist", (inv, id) => inv.Api.Waitlist.LeaveAsync(id, inv.Ct)),
        })
        {
            var id = Arg("id", "Waitlist entry id");
            waitlist.Subcommands.Add(kit.Run(Command(verb, help, id), AuthMode.Required, async inv =>
            {
                var answer = await act(inv, Invocation.Id(inv.Get(id), "id"));
                var target = await inv.ResourceOrNullAsync(answer.Value.ResourceId);
                inv.Print.Result(answer.Body, console => console.Write(Details(answer.Value, target?.Name ?? "deleted", TimeFormat.Zone(target?.TimeZone), verb)));
            }));
        }

        return waitlist;
    }

    private static Panel Details(WaitlistEntryView entry, string resourceName, NodaTime.DateTimeZone zone, string header)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        grid.AddRow("[bold]Resource[/]", $"[cyan]{E(resourceName)}[/]");
        grid.AddRow("[bold]Wanted[/]", E(TimeFormat.Range(entry.Start, entry.End, zone)));
        if (entry.Flexible is { Earliest: { } earliest, Latest: { } latest })
        {
            grid.AddRow("[bold]Or any time[/]", E(TimeFormat.Range(earliest, latest, zone)));
        }

        grid.AddRow("[bold]Status[/]", Status(entry.Status) + (entry.Position is { } p ? $", position {p}" : ""));
        if (entry.Offer is { } offer)
        {
            grid.AddRow("[bold]Offer[/]", $"{E(TimeFormat.Range(offer.Start, offer.End, zone))}, accept before {E(TimeFormat.At(offer.ExpiresAt, zone))}");
        }

        if (entry.ReservationId is { } booked)
        {
            grid.AddRow("[bold]Reservation[/]", $"[grey]{booked}[/]");
        }

        grid.AddRow("[bold]Id[/]", $"[grey]{entry.Id}[/]");
        return new Panel(grid).Header(E(header)).RoundedBorder();
    }
}
