using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Audit;
using ResourceReserver.Grains;
using ResourceReserver.Infrastructure.Audit;

namespace ResourceReserver.ApiTests.Audit;

/// <summary>The audit endpoints: validation, permission, my activity, stats, a streamed export and the retention purge.</summary>
[Collection(AuditCollection.Name)]
public sealed class AuditEndpointTests(AuditFixture api)
{
    [Theory]
    [InlineData("actorId=bob", "actorId")]
    [InlineData("outcome=maybe", "outcome")]
    [InlineData("action=DROP%20TABLE", "action")]
    [InlineData("entityType=a.b", "entityType")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2027-01-02T00:00:00Z&until=2027-01-01T00:00:00Z", "until")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-ours", "cursor")]
    public async Task A_bad_filter_is_a_422_naming_the_field(string query, string field)
    {
        var problem = await (await api.Admin.GetAsync($"/api/v1/audit?{query}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        if (field is not ("limit" or "cursor"))
        {
            // An export has no pages: limit and cursor mean nothing to it; every filter is checked the same way.
            await (await api.Admin.GetAsync($"/api/v1/audit/export?{query}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        }
    }

    [Fact]
    public async Task An_unknown_export_format_is_refused_and_nothing_is_recorded()
    {
        await (await api.Admin.GetAsync("/api/v1/audit/export?format=xml")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.DoesNotContain(await api.Admin.ItemsAsync("/api/v1/audit?action=audit.exported&limit=100"), e => e.GetProperty("detail").GetString()!.Contains("xml"));
    }

    [Fact]
    public async Task Reading_the_log_needs_audit_read_and_my_activity_shows_only_my_own_entries()
    {
        var (user, userId) = await api.NewUserAsync("act");
        var (other, _) = await api.NewUserAsync("oth");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/audit/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/audit/stats")).StatusCode);
        (await other.PatchAsJsonAsync("/api/v1/users/me", new { emailNotifications = false })).EnsureSuccessStatusCode();

        var mine = await user.ItemsAsync($"/api/v1/users/me/activity?actorId={api.AdminId}&limit=100");
        Assert.NotEmpty(mine);
        Assert.All(mine, e => Assert.Equal(userId.ToString(), e.GetProperty("actorId").GetString()));
        Assert.Contains(mine, e => e.GetProperty("action").GetString() == "access.denied");
        Assert.Single(await user.ItemsAsync("/api/v1/users/me/activity?action=auth.sign_in"));

        // A role holding audit.read is enough.
        var role = await AccessArrange.CustomRoleAsync(api.Admin, "audit.read");
        var (auditor, _, _) = await api.UserWithRolesAsync(api.Admin, "user", role);
        Assert.NotEmpty(await auditor.ItemsAsync($"/api/v1/audit?actorId={userId}"));
    }

    [Fact]
    public async Task Stats_count_by_action_and_by_day()
    {
        var from = DateTimeOffset.UtcNow;
        await api.NewUserAsync("sts");
        await api.NewUserAsync("sts");
        var window = $"from={Uri.EscapeDataString(from.ToString("O"))}&until={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";
        var stats = await api.Admin.GetOkAsync($"/api/v1/audit/stats?{window}");
        var byAction = stats.GetProperty("byAction").EnumerateArray().ToDictionary(a => a.GetProperty("action").GetString()!, a => a.GetProperty("count").GetInt64());
        Assert.Equal(2, byAction["user.created"]);
        Assert.Equal(2, byAction["auth.sign_in"]);
        Assert.Equal(stats.GetProperty("total").GetInt64(), stats.GetProperty("byDay").EnumerateArray().Sum(d => d.GetProperty("count").GetInt64()));
        await (await api.Admin.GetAsync("/api/v1/audit/stats?from=nope")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task An_export_streams_a_large_result_instead_of_holding_it()
    {
        // 40,000 entries of about 600 bytes: 24 MB, far more than the socket and Kestrel buffers between server and client.
        const int Total = 40_000;
        var action = "load.e" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray());
        await SeedAsync(action, Total);
        long exported = 0;
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "reserver.audit.exported")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meter.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref exported, value));
        meter.Start();

        using var response = await api.Admin.GetAsync($"/api/v1/audit/export?format=csv&action={action}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("id,at,actorId,actorName,action,entityType,entityId,outcome,ip,userAgent,detail", await reader.ReadLineAsync());
        Assert.Contains(action, await reader.ReadLineAsync());

        // The client has read one entry; the server, held back by the unread response, has written only a part.
        var whileReading = Interlocked.Read(ref exported);
        Assert.True(whileReading < Total / 2, $"{whileReading} of {Total} entries were written before the client read the second line");

        var rows = 1;
        while (await reader.ReadLineAsync() is { } line)
        {
            Assert.Contains(action, line);
            rows++;
        }

        Assert.Equal(Total, rows);
        Assert.Equal(Total, Interlocked.Read(ref exported));
    }

    [Fact]
    public async Task The_json_export_is_an_array_of_entries_newest_first()
    {
        var action = "load.j" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).ToArray());
        await SeedAsync(action, 250);
        var response = await api.Admin.GetAsync($"/api/v1/audit/export?format=json&action={action}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var entries = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(250, entries.Count);
        var times = entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(entries, e => Assert.Equal(action, e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task The_cluster_schedules_a_daily_purge_which_removes_entries_past_the_retention()
    {
        var services = api.Factory.Services;
        var log = services.GetRequiredService<IAuditLog>();
        var marker = ApiCalls.Marker();
        var now = DateTimeOffset.UtcNow;
        await log.RecordAsync(new AuditEntry { At = now.AddDays(-AuditFixture.RetentionDays - 1), Action = "resource.updated", Detail = marker + " old" });
        await log.RecordAsync(new AuditEntry { At = now.AddDays(-AuditFixture.RetentionDays + 1), Action = "resource.updated", Detail = marker + " kept" });

        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<IAuditRetentionGrain>(IAuditRetentionGrain.Key);
        var reminders = services.GetRequiredService<IReminderTable>();
        var scheduled = await WaitForAsync(async () => (await reminders.ReadRows(grain.GetGrainId())).Reminders.FirstOrDefault());
        Assert.Equal(TimeSpan.FromDays(1), scheduled.Period);

        Assert.True(await grain.PurgeNowAsync() >= 1);
        var left = await services.GetRequiredService<SqlAuditLog>().StreamAsync(new AuditFilter(Action: "resource.updated")).Where(e => e.Detail?.StartsWith(marker) == true).ToListAsync();
        Assert.Equal([marker + " kept"], left.Select(e => e.Detail));
        var purge = (await api.Admin.ItemsAsync("/api/v1/audit?action=audit.purged&limit=1")).Single();
        Assert.Contains($"older than {now.AddDays(-AuditFixture.RetentionDays):yyyy-MM-dd}", purge.GetProperty("detail").GetString());
    }

    private async Task SeedAsync(string action, int count)
    {
        var dataSource = api.Factory.Services.GetRequiredService<System.Data.Common.DbDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO audit_entries (id, at_ms, actor_id, actor_name, action, entity_type, entity_id, outcome, ip, user_agent, detail) "
            + "VALUES (@id, @at, NULL, 'loader', @action, 'test', NULL, 'success', '192.0.2.1', 'seed', @detail)";
        var id = Add("id");
        var at = Add("at");
        Add("action").Value = action;
        Add("detail").Value = new string('x', 500);
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds();
        for (var i = 0; i < count; i++)
        {
            id.Value = Guid.NewGuid().ToString();
            at.Value = start + i;
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();

        System.Data.Common.DbParameter Add(string name)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
    {
        // The schedule is made by a start-up task: wait for it (bounded), without asserting how long it takes.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The audit retention reminder was never registered.");
    }
}
