using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;
using Npgsql;
using ResourceReserver.Infrastructure.Mail;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>
/// Reminders before start, end to end: scheduled by one silo, fired by two others after a restart, delivered to
/// a real SMTP server once each at the right time, skipped for a cancelled reservation, and mirrored in the feed
/// and on the live connection. One lead-time unit is half a second here, so "24 hours before" is 12 s before.
/// </summary>
public sealed class ReminderDeliveryTests
{
    private static readonly TimeSpan Unit = TimeSpan.FromMilliseconds(500);

    [Fact(Timeout = 300_000)]
    public async Task Reminders_survive_a_restart_arrive_once_on_time_and_skip_cancelled_reservations()
    {
        using var smtp = new SmtpSink();
        await smtp.StartAsync();
        var settings = (await IntegrationSettings.FastAsync("remind")).WithMail(smtp);
        settings["Reminders__LeadTimeUnit"] = Unit.ToString();
        var database = settings["ConnectionStrings__Postgres"];

        Guid kept, cancelled;
        await using (var scheduler = new SiloProcess("schedule", settings))
        {
            await scheduler.StartAsync();
            await ApiClient.RegisterAsync(scheduler, "admin");
            using var admin = ApiClient.For(scheduler, await ApiClient.SignInAsync(scheduler, "admin"));
            Assert.True((await admin.PatchAsJsonAsync("/api/v1/users/me", new { email = "owner@example.test" })).IsSuccessStatusCode);
            // Default lead times (24 and 1): due 12 s and 0.5 s before a start 25 s away.
            var start = DateTimeOffset.UtcNow.AddSeconds(25);
            kept = await BookAsync(admin, await ApiClient.CreateResourceAsync(admin, "Kept room"), start);
            cancelled = await BookAsync(admin, await ApiClient.CreateResourceAsync(admin, "Dropped room"), start);
            await WaitUntilAsync(async () => await CountAsync(database, "status = 'pending'") == 4, "four reminders scheduled");
            var cancel = await admin.PostAsJsonAsync($"/api/v1/reservations/{cancelled}/cancel", new { reason = "test" });
            Assert.True(cancel.IsSuccessStatusCode);
            await scheduler.StopAsync(); // restart between scheduling and sending
        }

        // Two silos fire what the first one scheduled; they also replay its unsettled events.
        await using var siloB = new SiloProcess("fire-b", settings);
        await using var siloC = new SiloProcess("fire-c", settings);
        await Task.WhenAll(siloB.StartAsync(), siloC.StartAsync());
        var token = await ApiClient.SignInAsync(siloB, "admin");
        var live = new ConcurrentQueue<JsonElement>();
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(siloC.BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        connection.On<JsonElement>("notification", live.Enqueue);
        await connection.StartAsync();

        var (key, oneHourDue) = await ReminderAsync(database, kept, 1);
        await smtp.WaitForAsync("Reminder: Kept room in 1 hour", TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () => await CountAsync(database, "status = 'pending'") == 0, "every reminder fired or skipped");
        await Task.Delay(1000); // room for a duplicate to show up

        var reminders = (await smtp.AllAsync()).Where(m => m.Message.Subject!.StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Reminder: Kept room in 1 hour", "Reminder: Kept room in 24 hours"], reminders.Select(m => m.Message.Subject).Order());
        var (lastCall, at) = reminders.Single(m => m.Message.Subject!.EndsWith("1 hour", StringComparison.Ordinal));
        Assert.InRange(at, oneHourDue, oneHourDue.AddSeconds(5));
        Assert.True(reminders.Single(m => m.Message.Subject!.EndsWith("24 hours", StringComparison.Ordinal)).ReceivedAt >= (await ReminderAsync(database, kept, 24)).Due);
        Assert.Equal("owner@example.test", ((MailboxAddress)lastCall.To.Single()).Address);
        Assert.Contains(kept.ToString(), lastCall.TextBody);
        Assert.Equal(MailMessageId.For(key, new MailOptions().From), lastCall.MessageId);
        Assert.Equal(2, await CountAsync(database, $"status = 'skipped' AND reservation_id = '{cancelled}'"));

        using var client = ApiClient.For(siloB, token);
        var feed = (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("kind").GetString() == "reservation_reminder").ToList();
        Assert.Equal(2, feed.Count);
        Assert.All(feed, n => Assert.Equal(kept, n.GetProperty("reservationId").GetGuid()));
        await WaitUntilAsync(() => Task.FromResult(live.Any(n => n.GetProperty("kind").GetString() == "reservation_reminder")), "a live reminder");
        Assert.Single(live, n => n.GetProperty("kind").GetString() == "reservation_reminder" && n.GetProperty("title").GetString()!.Contains("1 hour"));
    }

    private static async Task<Guid> BookAsync(HttpClient client, Guid resourceId, DateTimeOffset start)
    {
        var response = await ApiClient.BookAsync(client, resourceId, start, TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<long> CountAsync(string database, string where)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM reminders WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(string Key, DateTimeOffset Due)> ReminderAsync(string database, Guid reservationId, int leadHours)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id, due_ms FROM reminders WHERE reservation_id = '{reservationId}' AND lead_hours = {leadHours}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No {leadHours} h reminder for {reservationId}.");
        return (reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
