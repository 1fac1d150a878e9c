using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime;

namespace ResourceReserver.InfrastructureTests.Postgres;

public sealed class PostgresReminderTests
{
    [Fact]
    public async Task A_reminder_with_a_40_day_period_is_stored_and_read_back()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        // A session time zone other than UTC must not shift the stored instant (contract 3).
        var newYork = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { Timezone = "America/New_York" }.ConnectionString;
        await using var cluster = await PostgresTestCluster.StartAsync(schema, connectionString: newYork);
        var grain = cluster.Client.GetGrain<IPostgresProbeGrain>("probe-reminder");
        var period = TimeSpan.FromDays(40);
        var before = DateTime.UtcNow;

        await grain.RegisterReminderAsync("lease-expiry", period);

        var grainId = grain.GetGrainId();
        Assert.Equal(grainId.ToString(), await schema.ScalarAsync<string>("SELECT grainid FROM orleansreminders WHERE remindername = 'lease-expiry'"));
        Assert.Equal((long)period.TotalMilliseconds, await schema.ScalarAsync<long>("SELECT period FROM orleansreminders"));
        Assert.Equal(cluster.Options.ServiceId, await schema.ScalarAsync<string>("SELECT serviceid FROM orleansreminders"));
        var stored = await schema.ScalarAsync<DateTime>("SELECT starttime FROM orleansreminders");
        Assert.InRange(stored, before + period - TimeSpan.FromMinutes(1), DateTime.UtcNow + period + TimeSpan.FromMinutes(1));

        var table = cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var entry = await table.ReadRow(grainId, "lease-expiry");
        Assert.NotNull(entry);
        Assert.Equal(period, entry.Period);
        Assert.Equal(DateTimeKind.Utc, entry.StartAt.Kind);
        Assert.InRange(entry.StartAt, before + period - TimeSpan.FromMinutes(1), DateTime.UtcNow + period + TimeSpan.FromMinutes(1));
        Assert.Equal("0", entry.ETag);

        var hash = grainId.GetUniformHashCode();
        Assert.Contains((await table.ReadRows(hash, hash)).Reminders, r => r.ReminderName == "lease-expiry");
        Assert.Contains((await table.ReadRows(hash - 1, hash)).Reminders, r => r.ReminderName == "lease-expiry");
        Assert.DoesNotContain((await table.ReadRows(hash, hash + 1)).Reminders, r => r.ReminderName == "lease-expiry");
        Assert.Single((await table.ReadRows(grainId)).Reminders);
    }

    [Fact]
    public async Task Upsert_bumps_the_version_and_remove_checks_it()
    {
        await using var schema = await PostgresTestSchema.CreateAsync();
        await using var cluster = await PostgresTestCluster.StartAsync(schema);
        var table = cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grainId = cluster.Client.GetGrain<IPostgresProbeGrain>("probe-remove").GetGrainId();
        var entry = new ReminderEntry
        {
            GrainId = grainId,
            ReminderName = "nightly",
            StartAt = DateTime.UtcNow,
            Period = TimeSpan.FromMinutes(5),
        };

        Assert.Equal("0", await table.UpsertRow(entry));
        var etag = await table.UpsertRow(entry);
        Assert.Equal("1", etag);
        Assert.NotNull(etag);

        Assert.False(await table.RemoveRow(grainId, "nightly", "0"));
        Assert.True(await table.RemoveRow(grainId, "nightly", etag));
        Assert.Null(await table.ReadRow(grainId, "nightly"));
        Assert.Equal(0L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansreminders"));
    }
}
