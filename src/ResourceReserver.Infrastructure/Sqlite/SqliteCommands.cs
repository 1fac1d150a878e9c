using System.Data.Common;
using System.Globalization;

namespace ResourceReserver.Infrastructure.Sqlite;

/// <summary>Small helpers shared by the SQLite Orleans providers.</summary>
internal static class SqliteCommands
{
    /// <summary>Creates a command bound to <paramref name="transaction"/> (if any) with named parameters.</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>
    /// Draws the next version from the shared sequence. Must run inside a write transaction so the draw and
    /// the row write commit together.
    /// </summary>
    public static async Task<long> NextVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Create(connection, transaction,
            "UPDATE orleans_version_sequence SET value = value + 1 WHERE id = 1 RETURNING value");
        var value = await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException("orleans_version_sequence is empty; were the SQLite migrations applied?");
        return Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The ETag text of a version.</summary>
    public static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses an ETag written by <see cref="ToETag"/>; false for anything else.</summary>
    public static bool TryParseETag(string? eTag, out long version) =>
        long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    /// <summary>Unix milliseconds of a UTC instant; an unspecified kind is taken as UTC.</summary>
    public static long ToUnixMilliseconds(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return new DateTimeOffset(utc).ToUnixTimeMilliseconds();
    }

    /// <summary>The UTC <see cref="DateTime"/> of unix milliseconds.</summary>
    public static DateTime FromUnixMilliseconds(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value).UtcDateTime;
}
