namespace ResourceReserver.Infrastructure.Schema;

/// <summary>The SQL databases the project runs on; selects the migration folder and dialect-specific text.</summary>
public enum SqlDialect
{
    /// <summary>The embedded single-machine mode: one SQLite file under ./data.</summary>
    Sqlite,

    /// <summary>The clustered production mode.</summary>
    Postgres,
}
