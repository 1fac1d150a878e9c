using System.Data.Common;
using ResourceReserver.Audit;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Infrastructure.Audit;

/// <summary>A write to the read store's own tables and its audit entry, in one transaction.</summary>
internal static class AuditedWrite
{
    /// <summary>
    /// Runs <paramref name="write"/> in a transaction and, when it reports a change, appends <paramref name="entry"/>
    /// in the same transaction; both commit or neither does. Returns what <paramref name="write"/> returned.
    /// </summary>
    public static async Task<bool> RunAsync(DbDataSource dataSource, AuditEntry entry, Func<DbTransaction, Task<bool>> write, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await write(transaction))
        {
            return false;
        }

        var batch = new SqlBatch(transaction);
        AuditRows.Insert(batch, entry);
        await batch.ExecuteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Runs one statement inside <paramref name="transaction"/>; returns the rows it affected.</summary>
    public static async Task<int> ExecuteAsync(DbTransaction transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = transaction.Connection!.Command(sql, transaction);
        foreach (var (name, value) in parameters)
        {
            command.With(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }
}
