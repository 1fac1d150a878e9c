using System.Data.Common;
using System.Text.Json;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;
using ResourceReserver.Storage;

namespace ResourceReserver.Infrastructure.Resources;

/// <summary>
/// The resource store on the one database (SQLite or PostgreSQL, same SQL where they agree). Reads a resource's
/// head and live rows for activation; commits go to this silo's <see cref="ResourceWriter"/>, which writes the
/// batches of many resources in one transaction, each behind its own fence.
/// </summary>
public sealed class SqlResourceStore(DbDataSource dataSource, EventSignal signal, TimeProvider clock, ResourceWriterOptions? options = null) : IResourceStore, IAsyncDisposable
{
    private readonly ResourceWriter _writer = new(dataSource, signal, options ?? ResourceWriterOptions.For(SqlDialects.Of(dataSource)));

    /// <inheritdoc />
    public async Task<ResourceRecord> LoadAsync(Guid resourceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // The head is read first: rows read after it can only be newer, and a newer row makes the next fence fail
        // (and re-read) rather than let a decision miss it.
        await using var command = connection.Command(
            """
            SELECT h.version, h.hold_timing, h.demand, r.payload FROM resource_heads h LEFT JOIN resources r ON r.id = h.id WHERE h.id = @id;
            SELECT payload, role, hold FROM reservations WHERE resource_id = @id AND role > 0;
            SELECT answer_key, fingerprint, answer, expires_ms FROM idempotent_answers WHERE resource_id = @id AND expires_ms > @now;
            """).With("id", ResourceRows.Key(resourceId)).With("now", clock.GetUtcNow().ToUnixMs());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return ResourceRecord.Empty;
        }

        var version = reader.GetInt64(0);
        var timing = Read<HoldTiming>(reader, 1);
        var demand = Read<List<OfferCandidate>>(reader, 2) ?? [];
        var resource = Read<ResourceSnapshot>(reader, 3);
        await reader.NextResultAsync(cancellationToken);
        var rows = new List<ReservationRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var role = (RowRole)Convert.ToInt32(reader.GetValue(1));
            rows.Add(new ReservationRow(Read<Reservation>(reader, 0)!, role, role == RowRole.Hold ? Read<Hold>(reader, 2) : null));
        }

        await reader.NextResultAsync(cancellationToken);
        var answers = new List<RememberedAnswer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(new RememberedAnswer(
                reader.GetString(0), reader.GetString(1), Read<Outcome<Reservation>>(reader, 2)!, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return new ResourceRecord(version, resource, timing, demand, rows, answers);
    }

    /// <inheritdoc />
    public Task<bool> CommitAsync(ResourceCommit commit, CancellationToken cancellationToken = default) => _writer.CommitAsync(commit);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Guid>> EndedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command("SELECT DISTINCT resource_id FROM reservations WHERE role = 1 AND end_ms <= @now LIMIT @limit")
            .With("now", now.ToUnixMs()).With("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static T? Read<T>(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? default : JsonSerializer.Deserialize<T>(reader.GetString(column), ReadStoreJson.Options);
}
