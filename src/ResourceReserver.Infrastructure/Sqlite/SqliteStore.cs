using System.Data.Common;

namespace ResourceReserver.Infrastructure.Sqlite;

/// <summary>
/// The embedded mode's SQLite database, registered once in DI; the Orleans providers of this folder take
/// their connections from it. The host applies the migrations before the silo starts.
/// </summary>
/// <param name="DataSource">A data source from <see cref="Schema.SqliteDataSource.Create(string)"/>.</param>
public sealed record SqliteStore(DbDataSource DataSource);
