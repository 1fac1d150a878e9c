using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ResourceReserver.Infrastructure.Schema;

/// <summary>Creates the SQLite data source for the embedded mode, making sure the file's folder exists.</summary>
public static class SqliteDataSource
{
    /// <summary>
    /// A data source whose connections use WAL and a busy timeout, so readers never block the single writer
    /// and concurrent writers wait instead of failing with SQLITE_BUSY.
    /// </summary>
    public static DbDataSource Create(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        using (var connection = new SqliteConnection(builder.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL;";
            command.ExecuteNonQuery();
        }

        return new SqliteBusyAwareDataSource(builder.ConnectionString);
    }
}
