using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;

namespace ResourceReserver.ApiTests.Audit;

/// <summary>
/// What a test expects the audit log to hold: per (action, entity, actor, outcome), how many entries. Checked against
/// <c>GET /audit</c> read by an administrator, entry by entry.
/// </summary>
public sealed class AuditExpectations(DateTimeOffset since)
{
    private readonly Dictionary<(string Action, string? EntityId, Guid? ActorId, string Outcome), int> _expected = [];

    /// <summary>One more <paramref name="action"/> on <paramref name="entityId"/> by <paramref name="actorId"/> (null: nobody signed in).</summary>
    public void Add(string action, object? entityId, Guid? actorId, string outcome = "success")
    {
        var key = (action, entityId?.ToString(), actorId, outcome);
        _expected[key] = _expected.GetValueOrDefault(key) + 1;
    }

    /// <summary>How many kinds of entries are expected.</summary>
    public int Kinds => _expected.Select(e => e.Key.Action + e.Key.Outcome).Distinct().Count();

    /// <summary>Asserts each expectation: exactly that many entries, each with the actor (by id), the client address, the user agent and the outcome.</summary>
    public async Task VerifyAsync(HttpClient auditor, string expectedIp, string expectedUserAgent)
    {
        foreach (var ((action, entityId, actorId, outcome), count) in _expected)
        {
            var url = $"/api/v1/audit?limit=100&action={action}&outcome={outcome}&from={Uri.EscapeDataString(since.ToString("O"))}"
                + (entityId is null ? "" : $"&entityId={Uri.EscapeDataString(entityId)}");
            var entries = (await auditor.ItemsAsync(url))
                .Where(e => (actorId is null ? e.GetProperty("actorId").ValueKind == JsonValueKind.Null : e.GetProperty("actorId").GetString() == actorId.ToString()))
                .ToList();
            Assert.True(count == entries.Count, $"{action} ({outcome}) on {entityId} by {actorId}: expected {count} entries, found {entries.Count}");
            foreach (var entry in entries)
            {
                Assert.Equal(expectedIp, entry.GetProperty("ip").GetString());
                Assert.Equal(expectedUserAgent, entry.GetProperty("userAgent").GetString());
                Assert.Equal(outcome, entry.GetProperty("outcome").GetString());
            }
        }
    }
}
