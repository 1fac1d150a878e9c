using System.Data.Common;
using Orleans.Serialization;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.Infrastructure.Migrations.Legacy;

/// <summary>
/// Moves the names the name-directory grain stored as one Orleans grain-state row per directory (state name
/// "name-directory", the whole name → owner map) into <c>name_claims</c>, keeps "something was ever claimed" in
/// <c>name_directories</c>, then deletes those rows. Runs once, before the silo starts, so no claim can be decided
/// on a store that does not yet hold the old names.
/// </summary>
public sealed class NameClaimsFromGrainState(Serializer serializer, string serviceId) : IDataMigration
{
    /// <inheritdoc />
    public string Version => "V013__name_claims_from_grain_state";

    /// <inheritdoc />
    public async Task ApplyAsync(DbTransaction transaction, SqlDialect dialect, CancellationToken ct)
    {
        var connection = transaction.Connection!;
        await using var insert = connection.Command(
            "INSERT INTO name_claims (directory, name, owner_id) VALUES (@directory, @name, @owner) ON CONFLICT (directory, name) DO NOTHING",
            transaction).With("directory", "").With("name", "").With("owner", "");
        await using var note = connection.Command(
            "INSERT INTO name_directories (directory) VALUES (@directory) ON CONFLICT (directory) DO NOTHING", transaction).With("directory", "");
        foreach (var (directory, state) in await ReadAsync(transaction, dialect, ct))
        {
            insert.Parameters["directory"].Value = directory;
            foreach (var (name, owner) in state.Owners)
            {
                // The old map's keys are already normalised (trimmed, upper-cased).
                insert.Parameters["name"].Value = name;
                insert.Parameters["owner"].Value = owner.ToString();
                await insert.ExecuteNonQueryAsync(ct);
            }

            if (state.EverClaimed || state.Owners.Count > 0)
            {
                note.Parameters["directory"].Value = directory;
                await note.ExecuteNonQueryAsync(ct);
            }
        }

        var delete = dialect == SqlDialect.Postgres
            ? "DELETE FROM orleansstorage WHERE serviceid = @service AND graintypestring = 'name-directory'"
            : "DELETE FROM orleans_grain_state WHERE service_id = @service AND state_name = 'name-directory'";
        await using var command = connection.Command(delete, transaction).With("service", serviceId);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<List<(string Directory, LegacyNameDirectoryState State)>> ReadAsync(DbTransaction transaction, SqlDialect dialect, CancellationToken ct)
    {
        // ADO.NET storage keeps a string grain key in grainidextensionstring; the SQLite storage keys rows by the
        // grain id's text, "namedirectory/<key>".
        var sql = dialect == SqlDialect.Postgres
            ? "SELECT grainidextensionstring, payloadbinary FROM orleansstorage WHERE serviceid = @service AND graintypestring = 'name-directory' AND payloadbinary IS NOT NULL"
            : "SELECT grain_id, payload FROM orleans_grain_state WHERE service_id = @service AND state_name = 'name-directory'";
        await using var command = transaction.Connection!.Command(sql, transaction).With("service", serviceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, LegacyNameDirectoryState)>();
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            var directory = dialect == SqlDialect.Postgres ? key : key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..];
            rows.Add((directory, serializer.Deserialize<LegacyNameDirectoryState>(reader.GetFieldValue<byte[]>(1))!));
        }

        return rows;
    }
}

/// <summary>
/// The name-directory grain's stored state before V013, kept only so <see cref="NameClaimsFromGrainState"/> can read
/// it once. Never renumber its ids or change its alias.
/// </summary>
[GenerateSerializer, Alias("rr.NameDirectoryState")]
public sealed class LegacyNameDirectoryState
{
    [Id(0)] public Dictionary<string, Guid> Owners { get; set; } = [];

    [Id(1)] public bool EverClaimed { get; set; }

    // The grain never recorded events: its outbox is read only to keep the shape, never delivered.
    [Id(2)] public List<DomainEvent> Outbox { get; set; } = [];
}
