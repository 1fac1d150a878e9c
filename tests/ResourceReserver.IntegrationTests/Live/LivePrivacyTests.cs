using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>
/// <c>availabilityChanged</c> carries the reservation id to the booking's owner and to administrators only, on every
/// silo; everyone else learns that the slot changed, not which booking it was.
/// </summary>
[Collection(AbuseClusterCollection.Name)]
public sealed class LivePrivacyTests(AbuseCluster cluster)
{
    [Fact]
    public async Task Only_the_owner_and_admins_receive_the_reservation_id_whichever_silo_they_are_connected_to()
    {
        using var admin = ApiClient.For(cluster.A, cluster.Tokens["admin"]);
        var resourceId = await ApiClient.CreateResourceAsync(admin, "Private room " + Guid.NewGuid().ToString("N"));
        var received = new ConcurrentDictionary<string, JsonElement>();
        var watchers = new List<HubConnection>();
        foreach (var (name, silo) in new[] { ("admin", cluster.A), ("dave", cluster.B), ("carol", cluster.B), ("carol-on-a", cluster.A) })
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(silo.BaseAddress, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(cluster.Tokens[name.Split('-')[0]]))
                .Build();
            connection.On<JsonElement>("availabilityChanged", change => received.TryAdd(name, change));
            await connection.StartAsync();
            await connection.InvokeAsync("SubscribeResource", resourceId);
            watchers.Add(connection);
        }

        using var dave = ApiClient.For(cluster.A, cluster.Tokens["dave"]);
        var booked = await ApiClient.BookAsync(dave, resourceId, ApiClient.Tomorrow(15), TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var reservationId = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (received.Count < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(received.Count == 4, "only " + string.Join(", ", received.Keys) + " heard of the booking");
        Assert.Equal(reservationId, received["admin"].GetProperty("reservationId").GetGuid());
        Assert.Equal(reservationId, received["dave"].GetProperty("reservationId").GetGuid());
        foreach (var outsider in new[] { "carol", "carol-on-a" })
        {
            var change = received[outsider];
            Assert.Equal(JsonValueKind.Null, change.GetProperty("reservationId").ValueKind);
            Assert.Equal(resourceId, change.GetProperty("resourceId").GetGuid());
            Assert.False(change.TryGetProperty("ownerId", out _));
            Assert.DoesNotContain(reservationId.ToString(), change.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        foreach (var connection in watchers)
        {
            await connection.DisposeAsync();
        }
    }
}
