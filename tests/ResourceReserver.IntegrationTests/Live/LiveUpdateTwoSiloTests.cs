using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ResourceReserver.IntegrationTests.Cluster;
using Xunit.Abstractions;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>Live updates across silos: SignalR clients on silo B see bookings made through silo A, over the real Redis backplane.</summary>
public sealed class LiveUpdateTwoSiloTests(ITestOutputHelper output)
{
    private const int Samples = 40;

    [Fact]
    public async Task A_booking_through_one_silo_reaches_subscribers_and_the_owner_on_the_other_silo()
    {
        var database = await TestServers.CreateDatabaseAsync();
        var settings = TestServers.ProductionSettings(database, "live-" + Guid.NewGuid().ToString("N")[..8]);
        await using var siloA = new SiloProcess("A", settings);
        await using var siloB = new SiloProcess("B", settings);
        await Task.WhenAll(siloA.StartAsync(), siloB.StartAsync());

        await ApiClient.RegisterAsync(siloA, "admin");
        await ApiClient.RegisterAsync(siloA, "bob");
        using var admin = ApiClient.For(siloA, await ApiClient.SignInAsync(siloA, "admin"));
        var bobToken = await ApiClient.SignInAsync(siloA, "bob");
        using var bobOnA = ApiClient.For(siloA, bobToken);
        var resourceId = await ApiClient.CreateResourceAsync(admin, "Live room");

        var received = new ConcurrentDictionary<Guid, long>();
        var notified = new ConcurrentDictionary<Guid, bool>();
        await using var watcher = Connect(siloB, await ApiClient.SignInAsync(siloB, "admin"));
        watcher.On<JsonElement>("availabilityChanged", change =>
        {
            if (change.GetProperty("reservationId").ValueKind == JsonValueKind.String)
            {
                received.TryAdd(change.GetProperty("reservationId").GetGuid(), Stopwatch.GetTimestamp());
            }
        });
        await using var owner = Connect(siloB, bobToken);
        owner.On<JsonElement>("notification", n => notified.TryAdd(n.GetProperty("reservationId").GetGuid(), true));
        await Task.WhenAll(watcher.StartAsync(), owner.StartAsync());
        await watcher.InvokeAsync("SubscribeResource", resourceId);

        var latencies = new List<double>();
        var early = 0;
        Guid firstId = default;
        for (var i = 0; i <= Samples; i++)
        {
            var response = await ApiClient.BookAsync(bobOnA, resourceId, ApiClient.Tomorrow(0).AddMinutes(30 * i), TimeSpan.FromMinutes(30));
            var answeredAt = Stopwatch.GetTimestamp();
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            firstId = i == 0 ? id : firstId;
            var arrivedAt = await WaitForAsync(received, id, siloB);
            if (i == 0)
            {
                continue; // warm-up: first use of the Redis channel and the SignalR connection
            }

            var ms = Stopwatch.GetElapsedTime(answeredAt, arrivedAt).TotalMilliseconds * (arrivedAt >= answeredAt ? 1 : -1);
            early += ms < 0 ? 1 : 0;
            latencies.Add(Math.Max(0, ms));
        }

        latencies.Sort();
        output.WriteLine($"LIVE-LATENCY samples={latencies.Count} p50={Percentile(latencies, 0.50):0.0}ms p99={Percentile(latencies, 0.99):0.0}ms " +
                         $"max={latencies[^1]:0.0}ms arrivedBefore201={early}");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!notified.ContainsKey(firstId) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(notified.ContainsKey(firstId), "The owner's connection on silo B never got the confirmation notification.");
    }

    private static HubConnection Connect(SiloProcess silo, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(silo.BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();

    private static async Task<long> WaitForAsync(ConcurrentDictionary<Guid, long> received, Guid id, SiloProcess silo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (received.TryGetValue(id, out var at))
            {
                return at;
            }

            await Task.Delay(1);
        }

        throw new TimeoutException($"Reservation {id} never reached the subscriber on silo {silo.Name}.\n{silo.Output}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
