using System.Data.Common;
using ResourceReserver.InfrastructureTests.Sqlite;

namespace ResourceReserver.InfrastructureTests.Organisation;

public sealed class SqliteLabelStoreTests : LabelStoreContract
{
    protected override async Task<(DbDataSource Source, IAsyncDisposable Owner)> OpenAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        return (database.Store.DataSource, database);
    }
}
