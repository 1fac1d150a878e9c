using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>E-mail to a real SMTP server on loopback; an SMTP outage neither fails nor slows a booking.</summary>
public sealed class MailDeliveryTests
{
    [Fact(Timeout = 300_000)]
    public async Task With_the_smtp_server_down_bookings_succeed_and_the_confirmation_arrives_once_it_is_back()
    {
        using var smtp = new SmtpSink();
        var settings = TestServers.ProductionSettings(await TestServers.CreateDatabaseAsync(), "mail-" + Guid.NewGuid().ToString("N")[..8]);
        settings["Mail__Enabled"] = "true";
        settings["Mail__Host"] = "127.0.0.1";
        settings["Mail__Port"] = smtp.Port.ToString();
        settings["Mail__Security"] = "None";
        settings["Mail__RetrySchedule"] = "00:00:01";
        settings["Mail__PollInterval"] = "00:00:00.2";
        settings["Dispatch__PollInterval"] = "00:00:00.2";
        await using var silo = new SiloProcess("mail", settings);
        await silo.StartAsync();
        await ApiClient.RegisterAsync(silo, "admin");
        using var admin = ApiClient.For(silo, await ApiClient.SignInAsync(silo, "admin"));
        Assert.True((await admin.PatchAsJsonAsync("/api/v1/users/me", new { email = "admin@example.test" })).IsSuccessStatusCode);
        var resourceId = await ApiClient.CreateResourceAsync(admin, "Mail room");

        var clock = Stopwatch.StartNew();
        var booked = await ApiClient.BookAsync(admin, resourceId, ApiClient.Tomorrow(13), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Booking took {clock.Elapsed} with SMTP down.");
        var reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Task.Delay(1500); // let at least one attempt fail against the closed port

        await smtp.StartAsync();
        var message = await smtp.WaitForAsync("Reservation confirmed", TimeSpan.FromSeconds(30));
        Assert.Equal("admin@example.test", ((MailboxAddress)message.To.Single()).Address);
        Assert.Contains("Mail room", message.Subject);
        Assert.Contains("Your reservation is confirmed.", message.TextBody);
        Assert.Contains(reservationId.ToString(), message.TextBody);
        Assert.Contains("<table>", message.HtmlBody);
        var attachment = message.Attachments.OfType<MimePart>().Single();
        Assert.Equal("reservation.ics", attachment.FileName);
        using var ics = new MemoryStream();
        await attachment.Content!.DecodeToAsync(ics);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()))!;
        Assert.Equal($"{reservationId}@resource-reserver", calendar.Events.Single()!.Uid);

        await admin.PostAsync($"/api/v1/reservations/{reservationId}/cancel", JsonContent.Create(new { reason = "test" }));
        await smtp.WaitForAsync("Reservation cancelled", TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        Assert.Equal(1, smtp.CountWithSubject("Reservation confirmed"));
    }
}
