using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>A daily quota holds under concurrency across silos and resources: the count is one serialized, stored counter.</summary>
[Collection(AbuseClusterCollection.Name)]
public sealed class QuotaRaceTests(AbuseCluster cluster)
{
    [Fact]
    public async Task Sixty_four_concurrent_bookings_through_both_silos_on_sixteen_resources_store_exactly_three()
    {
        using var admin = ApiClient.For(cluster.A, cluster.Tokens["admin"]);
        var resources = new List<Guid>();
        for (var i = 0; i < 16; i++)
        {
            resources.Add(await ApiClient.CreateResourceAsync(admin, $"Quota room {i} {Guid.NewGuid():N}"));
        }

        using var bobOnA = ApiClient.For(cluster.A, cluster.Tokens["bob"]);
        using var bobOnB = ApiClient.For(cluster.B, cluster.Tokens["bob"]);
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            ApiClient.BookAsync(i % 2 == 0 ? bobOnA : bobOnB, resources[i % 16], ApiClient.Tomorrow(6 + i / 16), TimeSpan.FromHours(1))));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        var refusals = answers.Where(a => a.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(61, refusals.Count);
        foreach (var refusal in refusals)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refusal.StatusCode);
            Assert.Equal("quota_exceeded", (await refusal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            Assert.NotNull(refusal.Headers.RetryAfter);
        }

        // What PostgreSQL holds, read with plain SQL.
        await using var connection = new NpgsqlConnection(cluster.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reservations WHERE user_id = @user AND status = 'confirmed'", connection);
        command.Parameters.AddWithValue("user", cluster.Ids["bob"].ToString());
        Assert.Equal(3L, (long)(await command.ExecuteScalarAsync())!);

        var quota = await bobOnB.GetFromJsonAsync<JsonElement>("/api/v1/users/me/quota");
        Assert.Equal((3, 3), (quota.GetProperty("dailyBookings").GetInt32(), quota.GetProperty("usedToday").GetInt32()));
    }
}
