using System.CommandLine;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Sessions;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr reserve</c> and <c>rr upcoming</c>: the two things done most.</summary>
public static class ShortcutCommands
{
    /// <summary><c>rr reserve &lt;resource&gt; &lt;start&gt; &lt;duration&gt;</c>.</summary>
    public static Command Reserve(CommandKit kit) =>
        ReservationCommands.Create(kit, "reserve", "Book a resource: rr reserve \"Room 101\" \"tomorrow 9:30\" 2h", durationRequired: true);

    /// <summary><c>rr upcoming</c>.</summary>
    public static Command Upcoming(CommandKit kit)
    {
        var limit = Opt<int?>("--limit", "How many (default 20)");
        return kit.Run(Command("upcoming", "Your next reservations", limit), AuthMode.Required,
            inv => ReservationManageCommands.ListAsync(inv, upcoming: true, includeCancelled: false, all: false, null, inv.Get(limit) ?? 20, "Upcoming"));
    }
}
