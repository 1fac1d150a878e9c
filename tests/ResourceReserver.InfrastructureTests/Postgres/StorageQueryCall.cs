using Npgsql;
using NpgsqlTypes;

namespace ResourceReserver.InfrastructureTests.Postgres;

/// <summary>One row identity of the storage table, as the provider's parameters name it (contract 2.1).</summary>
public sealed record StorageIdentity(
    string ServiceId, int GrainTypeHash, string GrainTypeString, int GrainIdHash, long N0, long N1, string? Extension);

/// <summary>Runs a storage query text the way the Orleans provider does: one command, rows of every result set.</summary>
public static class StorageQueryCall
{
    public static NpgsqlCommand Create(
        NpgsqlConnection connection, string queryText, StorageIdentity identity, int? version, byte[]? payload)
    {
        var command = new NpgsqlCommand(queryText, connection);
        command.Parameters.Add(new NpgsqlParameter("GrainIdHash", NpgsqlDbType.Integer) { Value = identity.GrainIdHash });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN0", NpgsqlDbType.Bigint) { Value = identity.N0 });
        command.Parameters.Add(new NpgsqlParameter("GrainIdN1", NpgsqlDbType.Bigint) { Value = identity.N1 });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeHash", NpgsqlDbType.Integer) { Value = identity.GrainTypeHash });
        command.Parameters.Add(new NpgsqlParameter("GrainTypeString", NpgsqlDbType.Text) { Value = identity.GrainTypeString });
        command.Parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = (object?)identity.Extension ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Text) { Value = identity.ServiceId });
        command.Parameters.Add(new NpgsqlParameter("GrainStateVersion", NpgsqlDbType.Integer) { Value = (object?)version ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("PayloadBinary", NpgsqlDbType.Bytea) { Value = (object?)payload ?? DBNull.Value });
        return command;
    }

    /// <summary>The first column of every row of every result set.</summary>
    public static async Task<List<object>> ReadFirstColumnsAsync(NpgsqlCommand command)
    {
        var values = new List<object>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                values.Add(reader.GetValue(0));
            }
        }
        while (await reader.NextResultAsync());

        return values;
    }
}
