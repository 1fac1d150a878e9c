using System.Data.Common;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Organisation;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Storage;

namespace ResourceReserver.ApiTests.Analytics;

/// <summary>
/// One random case, replayable from its seed: resources in zones with DST (random capacity, weekly hours on whole hours
/// or none, blackout dates, some in a group or its subgroup), bookings of random length, quantity, owner and status
/// around a DST change, a random window, filter and peak zone. Stored through the real write path.
/// </summary>
public sealed class AnalyticsWorld
{
    public static readonly string[] Zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];

    // DST changes of 2027 in the zones above, and one quiet date.
    private static readonly DateTimeOffset[] Anchors =
    [
        new(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), new(2027, 10, 31, 1, 0, 0, TimeSpan.Zero), new(2027, 3, 14, 7, 0, 0, TimeSpan.Zero),
        new(2027, 11, 7, 6, 0, 0, TimeSpan.Zero), new(2027, 4, 3, 16, 0, 0, TimeSpan.Zero), new(2027, 6, 15, 12, 0, 0, TimeSpan.Zero),
    ];

    private static readonly (ReservationStatus Status, int Weight)[] Statuses =
    [
        (ReservationStatus.Confirmed, 8), (ReservationStatus.Completed, 3), (ReservationStatus.Cancelled, 3), (ReservationStatus.Held, 1),
        (ReservationStatus.PendingApproval, 1), (ReservationStatus.Rejected, 1), (ReservationStatus.Expired, 1),
    ];

    public AnalyticsWorld(int seed)
    {
        Random = new Random(seed);
        var anchor = Anchors[Random.Next(Anchors.Length)];
        Users = Enumerable.Range(0, 1 + Random.Next(5)).Select(_ => Guid.NewGuid()).ToList();
        Resources = Enumerable.Range(0, 1 + Random.Next(4)).Select(i => RandomResource(i)).ToList();
        Bookings = Enumerable.Range(0, Random.Next(45)).Select(_ => RandomBooking(anchor)).ToList();
        From = anchor.AddMinutes(Random.Next(-8 * 1440, 2 * 1440));
        Until = From.AddMinutes(1 + Random.Next(12 * 1440));
        if (Random.Next(4) == 0)
        {
            // Windows on UTC midnights: the daily rollup's days then meet the window's edges exactly.
            (From, Until) = (From.UtcDateTime.Date, Until.UtcDateTime.Date.AddDays(1));
        }
        PeakZone = Zones[Random.Next(Zones.Length)];
        Limit = 1 + Random.Next(5);
    }

    public Random Random { get; }

    public List<Guid> Users { get; }

    public List<ResourceSnapshot> Resources { get; }

    /// <summary>Bookings as stored; a status of null marks a no-show (a status only the check-in feature writes).</summary>
    public List<(Reservation Reservation, bool NoShow)> Bookings { get; }

    public DateTimeOffset From { get; }

    public DateTimeOffset Until { get; }

    public string PeakZone { get; }

    public int Limit { get; }

    public Guid? GroupFilter { get; private set; }

    public Guid? ResourceFilter { get; private set; }

    /// <summary>Named users (the rest have no row in the users table).</summary>
    public Dictionary<Guid, string> Names { get; } = [];

    /// <summary>Resources the filter selects, as the oracle sees them.</summary>
    public HashSet<Guid> Selected { get; } = [];

    /// <summary>Writes the case: groups through the group store, resources and bookings through the resource store.</summary>
    public async Task StoreAsync(DbDataSource dataSource)
    {
        var groups = new GroupStore(dataSource, TimeProvider.System);
        var top = (await groups.CreateAsync("Building " + Guid.NewGuid().ToString("N")[..6], "building", null, null)).Value!;
        var sub = (await groups.CreateAsync("Floor", "floor", top.Id, null)).Value!;
        var placed = Resources.Select(r => r with
        {
            Details = r.Details with { GroupId = Random.Next(3) switch { 0 => null, 1 => top.Id, _ => sub.Id } },
        }).ToList();
        Resources.Clear();
        Resources.AddRange(placed);

        // Earlier versions first, so the reports also see rows that changed (start, length, quantity, status) and rows that
        // went away again: what the daily rollup must follow.
        await using var store = new SqlResourceStore(dataSource, new EventSignal(), TimeProvider.System);
        var anchor = Bookings.Count > 0 ? Bookings[0].Reservation.Start : From;
        var ghosts = new List<Guid>();
        for (var i = 0; i < Resources.Count; i++)
        {
            var resource = Resources[i];
            var drafts = Bookings.Where(b => b.Reservation.ResourceId == resource.Id && Random.Next(3) == 0)
                .Select(b => Draft(b.Reservation, anchor)).ToList();
            var gone = Enumerable.Range(0, Random.Next(3)).Select(_ => Draft(RandomBooking(anchor).Item1 with { ResourceId = resource.Id }, anchor)).ToList();
            ghosts.AddRange(gone.Select(g => g.Id));
            var first = drafts.Concat(gone).Select(ReservationRow.Archive).ToList();
            Assert.True(await store.CommitAsync(new ResourceCommit(resource.Id, 0) { Resource = resource, Rows = first }));
            var rows = Bookings.Where(b => b.Reservation.ResourceId == resource.Id).Select(b => ReservationRow.Archive(b.Reservation)).ToList();
            Assert.True(await store.CommitAsync(new ResourceCommit(resource.Id, 1) { Resource = resource with { Version = 2 }, Rows = rows }));
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var ghost in ghosts)
        {
            await ExecuteAsync(connection, "DELETE FROM reservations WHERE id = @id", ("id", ghost.ToString()));
        }

        foreach (var (reservation, _) in Bookings.Where(b => b.NoShow))
        {
            await ExecuteAsync(connection, "UPDATE reservations SET status = 'no_show' WHERE id = @id", ("id", reservation.Id.ToString()));
        }

        foreach (var user in Users.Where(_ => Random.Next(2) == 0))
        {
            Names[user] = "user-" + user.ToString("N")[..8];
            await ExecuteAsync(connection, "INSERT INTO users (id, username_key, version, payload) VALUES (@id, @key, 1, @payload)",
                ("id", user.ToString()), ("key", Names[user]), ("payload", $$"""{"id":"{{user}}","username":"{{Names[user]}}"}"""));
        }

        switch (Random.Next(4))
        {
            case 0:
                GroupFilter = top.Id;
                Selected.UnionWith(Resources.Where(r => r.Details.GroupId is { } g && (g == top.Id || g == sub.Id)).Select(r => r.Id));
                break;
            case 1:
                ResourceFilter = Resources[Random.Next(Resources.Count)].Id;
                Selected.Add(ResourceFilter.Value);
                break;
            default:
                Selected.UnionWith(Resources.Select(r => r.Id));
                break;
        }
    }

    private ResourceSnapshot RandomResource(int index)
    {
        BusinessHours? hours = null;
        if (Random.Next(3) > 0)
        {
            var periods = new List<OpeningPeriod>();
            foreach (var day in Enum.GetValues<DayOfWeek>().Where(_ => Random.Next(10) < 7))
            {
                for (var p = 0; p < 1 + Random.Next(2); p++)
                {
                    var opens = Random.Next(24);
                    var closes = opens + 1 + Random.Next(24 - opens);
                    periods.Add(new OpeningPeriod(day, new TimeOnly(opens, 0), closes == 24 ? TimeOnly.MinValue : new TimeOnly(closes, 0)));
                }
            }

            hours = new BusinessHours { Periods = periods };
        }

        var now = DateTimeOffset.UtcNow;
        return new ResourceSnapshot
        {
            Id = Guid.NewGuid(),
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            Details = new ResourceDetails
            {
                Name = $"Room {index} {Guid.NewGuid().ToString("N")[..6]}",
                Capacity = 1 + Random.Next(5),
                TimeZone = Zones[Random.Next(Zones.Length)],
                BusinessHours = hours,
                Blackouts = Random.Next(4) == 0 ? [new DateOnly(2027, 3, 28), new DateOnly(2027, 10, 31), new DateOnly(2027, 11, 7)] : [],
            },
        };
    }

    private (Reservation, bool) RandomBooking(DateTimeOffset anchor)
    {
        var resource = Resources[Random.Next(Resources.Count)];
        var start = anchor.AddMinutes(Random.Next(-10 * 1440, 10 * 1440)).AddSeconds(Random.Next(60));
        var status = Pick();
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(),
            ResourceId = resource.Id,
            UserId = Users[Random.Next(Users.Count)],
            Start = start,
            End = start.AddMinutes(1 + Random.Next(Random.Next(4) == 0 ? 3 * 1440 : 300)),
            Quantity = 1 + Random.Next(resource.Details.Capacity),
            Status = status,
            Version = 1,
        };
        return (reservation, status is ReservationStatus.Cancelled or ReservationStatus.Confirmed && Random.Next(3) == 0);
    }

    // Another version of a booking: moved, longer or shorter, another quantity or status.
    private Reservation Draft(Reservation reservation, DateTimeOffset anchor)
    {
        var start = Random.Next(2) == 0 ? reservation.Start : anchor.AddMinutes(Random.Next(-10 * 1440, 10 * 1440));
        return reservation with
        {
            Start = start,
            End = start.AddMinutes(1 + Random.Next(Random.Next(4) == 0 ? 3 * 1440 : 300)),
            Quantity = 1 + Random.Next(2),
            Status = Pick(),
        };
    }

    private ReservationStatus Pick()
    {
        var roll = Random.Next(Statuses.Sum(s => s.Weight));
        foreach (var (status, weight) in Statuses)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }

        return ReservationStatus.Confirmed;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
