using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>
/// A fingerprint of everything the embedded host stores, table by table, read with plain SQL. Two equal
/// snapshots mean no stored row changed in between, whatever table a new feature adds.
/// </summary>
internal sealed class StorageSnapshot
{
    // Moved by background work on its own schedule, not by requests: where the event consumers have read up to.
    private static readonly HashSet<string> Volatile = ["dispatch_cursors"];

    private readonly Dictionary<string, string> _tables;

    private StorageSnapshot(Dictionary<string, string> tables) => _tables = tables;

    /// <summary>Reads every table of the database file.</summary>
    public static StorageSnapshot Take(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var fingerprints = new Dictionary<string, string>();
        foreach (var table in tables.Where(t => !Volatile.Contains(t)))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = select.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    hash.AppendData(value is byte[] bytes ? bytes : System.Text.Encoding.UTF8.GetBytes(value.ToString() ?? "\u0001null"));
                    hash.AppendData([0x1F]);
                }
            }

            fingerprints[table] = $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())}";
        }

        return new StorageSnapshot(fingerprints);
    }

    /// <summary>The tables whose content differs between the two snapshots (added and removed tables included).</summary>
    public IReadOnlyList<string> ChangedSince(StorageSnapshot before) =>
        _tables.Keys.Union(before._tables.Keys)
            .Where(t => _tables.GetValueOrDefault(t) != before._tables.GetValueOrDefault(t))
            .Order()
            .ToList();
}
