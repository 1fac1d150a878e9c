using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Resources;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>One migrated database per dialect for a test class, each with a resource store; created on first use.</summary>
public sealed class StoreDatabases : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<SqlDialect, (TestDatabase Database, SqlResourceStore Store)> _open = [];

    public async Task<SqlResourceStore> StoreAsync(SqlDialect dialect) => (await OpenAsync(dialect)).Store;

    public async Task<TestDatabase> DatabaseAsync(SqlDialect dialect) => (await OpenAsync(dialect)).Database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (database, store) in _open.Values)
        {
            await store.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    private async Task<(TestDatabase Database, SqlResourceStore Store)> OpenAsync(SqlDialect dialect)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_open.TryGetValue(dialect, out var open))
            {
                var database = await TestDatabase.CreateAsync(dialect);
                _open[dialect] = open = (database, new SqlResourceStore(database.DataSource, new EventSignal(), TimeProvider.System));
            }

            return open;
        }
        finally
        {
            _gate.Release();
        }
    }
}
