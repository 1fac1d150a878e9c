using System.Data.Common;

namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>
/// Statements sent together inside one transaction: one round trip where the driver batches (Npgsql), one after
/// another where it cannot (Microsoft.Data.Sqlite, in process anyway). The same SQL text either way.
/// </summary>
internal sealed class SqlBatch(DbTransaction transaction)
{
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _statements = [];

    public int Count => _statements.Count;

    /// <summary>Adds a statement; returns its position in <see cref="ExecuteAsync"/>'s answer.</summary>
    public int Add(string sql, params (string Name, object? Value)[] parameters)
    {
        _statements.Add((sql, parameters));
        return _statements.Count - 1;
    }

    /// <summary>Runs every statement in order; returns the rows each affected. Any failure fails the whole batch.</summary>
    public async Task<int[]> ExecuteAsync(CancellationToken ct)
    {
        var connection = transaction.Connection!;
        var affected = new int[_statements.Count];
        if (_statements.Count == 0)
        {
            return affected;
        }

        if (!connection.CanCreateBatch)
        {
            for (var i = 0; i < _statements.Count; i++)
            {
                await using var command = connection.Command(_statements[i].Sql, transaction);
                foreach (var (name, value) in _statements[i].Parameters)
                {
                    command.With(name, value);
                }

                affected[i] = await command.ExecuteNonQueryAsync(ct);
            }

            return affected;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters) in _statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < affected.Length; i++)
        {
            affected[i] = batch.BatchCommands[i].RecordsAffected;
        }

        return affected;
    }
}
