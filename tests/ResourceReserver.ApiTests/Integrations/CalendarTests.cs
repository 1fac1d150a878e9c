using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Integrations;

/// <summary>iCalendar output, read back by Ical.Net and by an independent parser (Debian's python3-icalendar).</summary>
[Collection(ApiCollection.Name)]
public sealed class CalendarTests(ApiFixture api)
{
    private const string Zone = "Europe/Berlin";

    private const string PythonReader = """
        import sys, datetime, icalendar
        cal = icalendar.Calendar.from_ical(sys.stdin.read())
        for ev in cal.walk('VEVENT'):
            s, e = ev.decoded('DTSTART'), ev.decoded('DTEND')
            utc = datetime.timezone.utc
            print(ev['UID'], ev.get('STATUS'), ev.get('SEQUENCE'), s.astimezone(utc).isoformat(), e.astimezone(utc).isoformat(), s.isoformat(), e.isoformat())
        """;

    [Fact]
    public async Task A_reservation_across_the_dst_change_round_trips_in_the_resources_zone_through_both_parsers()
    {
        var (user, _) = await api.NewUserAsync("ical");
        var created = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "Berlin room " + ApiCalls.Marker(), timeZone = Zone });
        var resourceId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        // 01:30 CET to 04:30 CEST: the clocks jump from 02:00 to 03:00 in between.
        var start = new DateTimeOffset(2027, 3, 28, 0, 30, 0, TimeSpan.Zero);
        var end = start.AddHours(2);
        var id = await user.BookOkAsync(resourceId, start, end, "Standup");

        var ics = await user.GetStringAsync($"/api/v1/reservations/{id}.ics");
        Assert.Contains("BEGIN:VTIMEZONE", ics);
        Assert.Contains($"DTSTART;TZID={Zone}:20270328T013000", ics);
        Assert.Contains($"DTEND;TZID={Zone}:20270328T043000", ics);
        var ev = Ical.Net.Calendar.Load(ics)!.Events.Single()!;
        Assert.Equal($"{id}@resource-reserver", ev.Uid);
        Assert.Equal(Zone, ev.DtStart!.TzId);
        Assert.Equal(start.UtcDateTime, ev.DtStart.AsUtc);
        Assert.Equal(end.UtcDateTime, ev.DtEnd!.AsUtc);
        Assert.Equal("CONFIRMED", ev.Status);

        var python = (await ParseWithPythonAsync(ics)).Single().Split(' ');
        Assert.Equal($"{id}@resource-reserver", python[0]);
        Assert.Equal("CONFIRMED", python[1]);
        Assert.Equal(start, DateTimeOffset.Parse(python[3]));
        Assert.Equal(end, DateTimeOffset.Parse(python[4]));
        Assert.Equal("2027-03-28T01:30:00+01:00", python[5]);
        Assert.Equal("2027-03-28T04:30:00+02:00", python[6]);

        var subscription = await user.GetOkAsync("/api/v1/calendar/subscription");
        var feedPath = subscription.GetProperty("path").GetString()!;
        Assert.True((await user.PostAsync($"/api/v1/reservations/{id}/cancel", JsonContent.Create(new { reason = "moved" }))).IsSuccessStatusCode);
        var feed = await api.Anonymous().GetStringAsync(feedPath);
        var cancelled = (await ParseWithPythonAsync(feed)).Single().Split(' ');
        Assert.Equal($"{id}@resource-reserver", cancelled[0]);
        Assert.Equal("CANCELLED", cancelled[1]);
        Assert.True(int.Parse(cancelled[2]) > int.Parse(python[2]), "SEQUENCE must grow when the reservation changes.");

        var rotated = await user.PostAsync("/api/v1/calendar/subscription/rotate", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync(feedPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().GetAsync((await rotated.JsonAsync()).GetProperty("path").GetString())).StatusCode);
    }

    [Fact]
    public async Task Another_users_reservation_has_no_ics_for_you()
    {
        var (owner, _) = await api.NewUserAsync("icalown");
        var (other, _) = await api.NewUserAsync("icalother");
        var id = await owner.BookOkAsync(await api.NewResourceAsync(), ApiFixture.FutureHour(3, 9), ApiFixture.FutureHour(3, 10));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/reservations/{id}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Anonymous().GetAsync("/api/v1/calendar/feeds/not-a-real-token-at-all-xxxxxxxx.ics")).StatusCode);
    }

    private static async Task<string[]> ParseWithPythonAsync(string ics)
    {
        var info = new ProcessStartInfo("/usr/bin/python3", ["-c", PythonReader])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        await process.StandardInput.WriteAsync(ics);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, "python3-icalendar failed: " + await stderr);
        return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
