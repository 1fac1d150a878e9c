using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ResourceReserver.Infrastructure.Sqlite;

/// <summary>
/// Orleans grain storage on the embedded SQLite database. A row is identified by (service id, state name,
/// grain id); its version is the ETag, and every write or clear is conditional on it.
/// </summary>
public sealed class SqliteGrainStorage(
    string name,
    SqliteStore store,
    IOptions<ClusterOptions> clusterOptions,
    Serializer serializer,
    IActivatorProvider activatorProvider) : IGrainStorage
{
    private const string KeyFilter = "service_id = @service AND state_name = @state AND grain_id = @grain";

    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = SqliteCommands.Create(connection, null,
            $"SELECT version, payload FROM orleans_grain_state WHERE {KeyFilter}", Key(stateName, grainId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            grainState.State = serializer.Deserialize<T>(reader.GetFieldValue<byte[]>(1));
            grainState.ETag = SqliteCommands.ToETag(reader.GetInt64(0));
            grainState.RecordExists = true;
            return;
        }

        // A re-read after a failed write must not keep the state the grain mutated in memory.
        grainState.State = CreateState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var payload = serializer.SerializeToArray(grainState.State);
        var expected = ParseExpected(stateName, grainId, grainState.ETag);
        var key = Key(stateName, grainId);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var version = await SqliteCommands.NextVersionAsync(connection, transaction, cancellationToken);
        var sql = expected is null
            ? """
              INSERT INTO orleans_grain_state (service_id, state_name, grain_id, version, payload, modified_at)
              VALUES (@service, @state, @grain, @version, @payload, @now)
              ON CONFLICT (service_id, state_name, grain_id) DO NOTHING
              """
            : $"UPDATE orleans_grain_state SET version = @version, payload = @payload, modified_at = @now WHERE {KeyFilter} AND version = @expected";
        (string, object)[] values = [.. key, ("version", version), ("payload", payload), ("now", now)];
        await using var command = SqliteCommands.Create(connection, transaction, sql,
            expected is { } expectedVersion ? [.. values, ("expected", expectedVersion)] : values);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            var stored = await ReadStoredETagAsync(connection, transaction, key, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            throw Inconsistent("write", stateName, grainId, stored, grainState.ETag);
        }

        await transaction.CommitAsync(cancellationToken);
        grainState.ETag = SqliteCommands.ToETag(version);
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var expected = ParseExpected(stateName, grainId, grainState.ETag);
        var key = Key(stateName, grainId);

        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        if (expected is null)
        {
            // Nothing was stored as far as the caller knows; clearing is only consistent if that is still true.
            var stored = await ReadStoredETagAsync(connection, null, key, cancellationToken);
            if (stored is not null)
            {
                throw Inconsistent("clear", stateName, grainId, stored, null);
            }
        }
        else
        {
            await using var command = SqliteCommands.Create(connection, null,
                $"DELETE FROM orleans_grain_state WHERE {KeyFilter} AND version = @expected", [.. key, ("expected", expected.Value)]);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                var stored = await ReadStoredETagAsync(connection, null, key, cancellationToken);
                throw Inconsistent("clear", stateName, grainId, stored, grainState.ETag);
            }
        }

        grainState.State = CreateState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private (string Name, object Value)[] Key(string stateName, GrainId grainId) =>
        [("service", _serviceId), ("state", stateName), ("grain", grainId.ToString())];

    private T CreateState<T>() => activatorProvider.GetActivator<T>().Create();

    private long? ParseExpected(string stateName, GrainId grainId, string? eTag)
    {
        if (eTag is null)
        {
            return null;
        }

        return SqliteCommands.TryParseETag(eTag, out var version)
            ? version
            : throw new InconsistentStateException(
                $"Storage '{name}': ETag '{eTag}' of state '{stateName}' for grain {grainId} was not issued by this provider.", null, eTag);
    }

    private static async Task<string?> ReadStoredETagAsync(
        DbConnection connection, DbTransaction? transaction, (string Name, object Value)[] key, CancellationToken cancellationToken)
    {
        await using var command = SqliteCommands.Create(connection, transaction,
            $"SELECT version FROM orleans_grain_state WHERE {KeyFilter}", key);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : SqliteCommands.ToETag(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    private InconsistentStateException Inconsistent(string operation, string stateName, GrainId grainId, string? stored, string? current) =>
        new($"Storage '{name}': {operation} of state '{stateName}' for grain {grainId} failed the version check "
            + $"(stored ETag '{stored ?? "none"}', expected '{current ?? "none"}').", stored, current);
}
